/**
 * When an export is a new revision. A month's data that has not changed since
 * its last revision gives that revision again (the same bundle); changed data
 * gives revision n+1, and once a final (not draft) revision exists, the change
 * needs a reason: headquarters already filed the month and must know why it
 * is sent again. A month not over yet is exported only as a draft; a month
 * that has not begun, not at all.
 */
import { zonedInstant } from '../time';
import { monthRange, parseDay } from '../reports/period';
import type { DayRange } from '../reports/model';

export type MonthState = 'future' | 'open' | 'over';

export interface ExportMonth {
  month: string;
  range: DayRange;
  fromMs: number;
  toMs: number;
  state: MonthState;
}

/** The month's instants in the branch's zone and whether it is over at `now`; null when not YYYY-MM. */
export function exportMonth(month: string, zone: string, now: number): ExportMonth | null {
  const range = monthRange(month);
  if (!range) return null;
  const [y, m] = parseDay(range.from)!;
  const fromMs = zonedInstant(zone, y, m, 1);
  const toMs = m === 12 ? zonedInstant(zone, y + 1, 1, 1) : zonedInstant(zone, y, m + 1, 1);
  const state: MonthState = now < fromMs ? 'future' : now < toMs ? 'open' : 'over';
  return { month, range, fromMs, toMs, state };
}

export interface PastRevision {
  revision: number;
  dataDigest: string;
  draft: boolean;
}

export type RevisionDecision =
  | { kind: 'same'; revision: number }
  | { kind: 'new'; revision: number }
  | { kind: 'reason_required'; lastFinal: number };

/**
 * `past` is the month's revisions, any order. A draft becoming final with the
 * same data is still a new revision: its manifest says something new.
 */
export function decideRevision(past: readonly PastRevision[], dataDigest: string, draft: boolean, reason: string | null): RevisionDecision {
  const latest = past.reduce<PastRevision | null>((a, r) => (a === null || r.revision > a.revision ? r : a), null);
  if (latest && latest.dataDigest === dataDigest && latest.draft === draft) return { kind: 'same', revision: latest.revision };
  const finals = past.filter((r) => !r.draft);
  if (finals.length > 0 && !(reason && reason.trim())) {
    return { kind: 'reason_required', lastFinal: Math.max(...finals.map((r) => r.revision)) };
  }
  return { kind: 'new', revision: (latest?.revision ?? 0) + 1 };
}
