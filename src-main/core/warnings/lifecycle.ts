/**
 * What a check does to the stored warnings (docs/WARNINGS.md, "Lifecycle"):
 * raise a warning once per category, scope and period; raise its level when
 * the count climbs; recover an automatic one when the count falls back under
 * the threshold. Pure: the assessments and the open warnings are given.
 */
import type { Assessment, WarningLevel, WarningPeriod } from './assess';

export const LEVEL_RANK: Record<WarningLevel, number> = { yellow: 1, orange: 2, red: 3 };

export type WarningSource = 'auto' | 'manual';

/** A stored warning not yet recovered or closed, as the check needs it. */
export interface OpenWarning {
  id: number;
  source: WarningSource;
  category: string;
  scope: string;
  period: WarningPeriod;
  periodKey: string;
  level: WarningLevel;
  peakCount: number;
}

/** below_threshold: the count fell under the threshold or the protection value; period_over: its month ended. */
export type RecoveryReason = 'below_threshold' | 'period_over';

export type CheckStep =
  | { kind: 'raise'; assessment: Assessment & { level: WarningLevel }; periodKey: string }
  | { kind: 'level_raised'; id: number; from: WarningLevel; assessment: Assessment & { level: WarningLevel } }
  | { kind: 'recover'; id: number; assessment: Assessment; reason: RecoveryReason }
  | { kind: 'seen'; id: number; assessment: Assessment };

/** Which period a warning raised now belongs to: the month, or for the rolling 7 days the local day. */
export function periodKey(period: WarningPeriod, monthLabel: string, dayLabel: string): string {
  return period === 'month' ? monthLabel : dayLabel;
}

export const keyOf = (w: { category: string; scope: string; period: WarningPeriod }) => `${w.category}\u0000${w.scope}\u0000${w.period}`;

/**
 * The steps one check takes. `raisedKeys` are the "category scope period
 * periodKey" keys already used (a warning raised and ended in this period is
 * not raised again in it).
 */
export function planCheck(
  assessments: readonly Assessment[],
  open: readonly OpenWarning[],
  raisedKeys: ReadonlySet<string>,
  labels: { month: string; day: string },
): CheckStep[] {
  const openByKey = new Map(open.map((w) => [keyOf(w), w]));
  const steps: CheckStep[] = [];
  for (const a of assessments) {
    let current = openByKey.get(keyOf(a));
    const key = periodKey(a.period, labels.month, labels.day);
    // A month warning belongs to its month: once the month is over it ends, whatever its source, and the new month's count decides.
    if (current && current.period === 'month' && current.periodKey !== labels.month) {
      steps.push({ kind: 'recover', id: current.id, assessment: a, reason: 'period_over' });
      current = undefined;
    }
    if (!current) {
      if (a.level !== null && !raisedKeys.has(`${keyOf(a)}\u0000${key}`)) steps.push({ kind: 'raise', assessment: { ...a, level: a.level }, periodKey: key });
      continue;
    }
    // Only the check's own warnings recover by themselves; one published by hand is closed by hand.
    if (current.source === 'auto' && a.level === null && a.baseline !== null) {
      steps.push({ kind: 'recover', id: current.id, assessment: a, reason: 'below_threshold' });
    } else if (a.level !== null && LEVEL_RANK[a.level] > LEVEL_RANK[current.level]) {
      steps.push({ kind: 'level_raised', id: current.id, from: current.level, assessment: { ...a, level: a.level } });
    } else {
      steps.push({ kind: 'seen', id: current.id, assessment: a });
    }
  }
  return steps;
}

/** What the hosts hear when a check raised a warning or raised its level (or a supervisor published one by hand). */
export interface WarningNotice {
  kind: 'raised' | 'level_raised';
  id: number;
  category: string;
  scope: string;
  district: string | null;
  period: WarningPeriod;
  level: WarningLevel;
  count: number;
}

export interface WarningNotices {
  notices: WarningNotice[];
  at: number;
}
