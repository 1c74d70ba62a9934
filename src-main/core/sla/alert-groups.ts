/**
 * Many alerts raised together (a catch-up, an import of overdue rows) are told
 * as one notice counted in tickets, each ticket once, at the latest stage it
 * reached in the batch — an import that fires every stage of 500 clocks at
 * once is "500 tickets overdue and escalated", not three numbers adding to
 * 1,500. The desktop notice and the console's own notice both count this way.
 */
import type { AlertKind } from './alerts';

const STAGE: Record<AlertKind, number> = { approaching: 0, breached: 1, escalated: 2 };

export function ticketsByLatestStage(alerts: ReadonlyArray<{ ticketId: number; kind: AlertKind }>): Record<AlertKind, number> {
  const latest = new Map<number, AlertKind>();
  for (const a of alerts) {
    const seen = latest.get(a.ticketId);
    if (seen === undefined || STAGE[a.kind] > STAGE[seen]) latest.set(a.ticketId, a.kind);
  }
  const counts: Record<AlertKind, number> = { approaching: 0, breached: 0, escalated: 0 };
  for (const k of latest.values()) counts[k]++;
  return counts;
}
