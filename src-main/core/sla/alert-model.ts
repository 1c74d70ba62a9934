import type { AlertKind, EscalationTarget } from './alerts';
import type { ClockKind } from './policy';

export interface Alert {
  id: number;
  ticketId: number;
  ticketNo: string;
  clock: ClockKind;
  subjectId: number;
  kind: AlertKind;
  threshold: number;
  step: number;
  targetRole: EscalationTarget;
  targetUserId: number | null;
  dueAt: number | null;
  plannedAt: number;
  raisedAt: number;
  acknowledgedAt: number | null;
  acknowledgedBy: number | null;
  acknowledgedByName: string | null;
}

/** What one wake of the monitor raised; `catchUp` marks the start-up round after a closed spell. */
export interface AlertBatch {
  alerts: Alert[];
  catchUp: boolean;
  counts: { approaching: number; breached: number; escalated: number };
}
