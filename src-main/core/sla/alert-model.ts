import type { AlertKind, EscalationTarget } from './alerts';
import type { ClockKind } from './policy';

export interface Alert {
  id: number;
  ticketId: number;
  ticketNo: string;
  clock: ClockKind;
  subjectId: number;
  /** The clock cycle's start: a reopened ticket's new resolution cycle alerts again. */
  cycleStart: number;
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

/**
 * One clock cycle's alerts as one entry of the notification centre: the
 * latest stage its viewer may see (approaching → breached → escalated), whose
 * id is what acknowledging the entry takes.
 */
export interface AlertEntry extends Alert {
  /** When the clock cycle's first alert this viewer sees was raised. */
  firstRaisedAt: number;
  /** How many alerts of this cycle the viewer sees, and how many of them are not yet acknowledged. */
  stages: number;
  unacknowledged: number;
}

/** What one wake of the monitor raised; `catchUp` marks the start-up round after a closed spell. */
export interface AlertBatch {
  alerts: Alert[];
  catchUp: boolean;
  counts: { approaching: number; breached: number; escalated: number };
}
