/** Made-up alerts and batches for the tray and notification tests. */
import type { Alert, AlertBatch } from '../../../src-main/core/sla/alert-model';

export const AT = Date.parse('2026-11-02T02:00:00Z');
export const MIN = 60_000;

export function alert(over: Partial<Alert> = {}): Alert {
  const id = over.id ?? 1;
  return {
    id,
    ticketId: id,
    ticketNo: `CD-20261102-${String(id).padStart(4, '0')}`,
    clock: 'resolution',
    subjectId: 0,
    cycleStart: AT - 48 * 60 * MIN,
    kind: 'breached',
    threshold: 1,
    step: 0,
    targetRole: 'assignee',
    targetUserId: null,
    dueAt: AT,
    plannedAt: AT,
    raisedAt: AT,
    acknowledgedAt: null,
    acknowledgedBy: null,
    acknowledgedByName: null,
    ...over,
  };
}

export function batch(alerts: Alert[], catchUp = false): AlertBatch {
  const n = (kind: Alert['kind']) => alerts.filter((a) => a.kind === kind).length;
  return { alerts, catchUp, counts: { approaching: n('approaching'), breached: n('breached'), escalated: n('escalated') } };
}

/** `breached` overdue tickets and `approaching` ones, one alert each, ids from 1. */
export function many(breached: number, approaching: number): Alert[] {
  return [
    ...Array.from({ length: breached }, (_, i) => alert({ id: i + 1 })),
    ...Array.from({ length: approaching }, (_, i) =>
      alert({ id: breached + i + 1, kind: 'approaching', threshold: 0.8, dueAt: AT + 30 * MIN }),
    ),
  ];
}
