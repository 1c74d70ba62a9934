/**
 * Who an alert is for. Each stage of a clock's alerts is addressed to a rung
 * of the escalation ladder; a person sees, and may acknowledge, the alerts
 * addressed to their own role or below — an agent never acknowledges what was
 * escalated to the supervisor or the manager. The assignee rung is addressed
 * to the ticket's assignee by name (`targetUserId`): an agent sees only their
 * own tickets' alerts there; a supervisor and above see every ticket's.
 */
import { roleAtLeast, type Role } from '../enums';
import { LADDER, type EscalationTarget } from './alerts';

/** The least role that answers to each rung. */
export const TARGET_ROLE: Readonly<Record<EscalationTarget, Role>> = { assignee: 'agent', supervisor: 'supervisor', manager: 'manager' };

export function mayAcknowledge(role: Role, target: EscalationTarget): boolean {
  return roleAtLeast(role, TARGET_ROLE[target]);
}

/** The rungs a role sees in the notification centre: its own and those below. */
export function audienceOf(role: Role | null): EscalationTarget[] {
  // The host itself (no user: the tray) reads as the top of the ladder.
  return role === null ? [...LADDER] : LADDER.filter((t) => mayAcknowledge(role, t));
}

/** Whom the notification centre shows alerts to: the rungs, and for an agent only the alerts addressed to them by name. */
export interface Audience {
  rungs: EscalationTarget[];
  /** An agent's own id: assignee-rung alerts count only when addressed to this user. Null: every ticket's. */
  onlyUserId: number | null;
}

/** The viewer's audience; no viewer (the host itself: the tray) is the whole ladder. */
export function audienceFor(viewer: { id: number; role: Role } | null): Audience {
  if (viewer === null) return { rungs: [...LADDER], onlyUserId: null };
  return { rungs: audienceOf(viewer.role), onlyUserId: roleAtLeast(viewer.role, TARGET_ROLE.supervisor) ? null : viewer.id };
}

/** Whether this alert is the viewer's to see and acknowledge. */
export function addressedTo(audience: Audience, alert: { targetRole: EscalationTarget; targetUserId: number | null }): boolean {
  if (!audience.rungs.includes(alert.targetRole)) return false;
  return alert.targetRole !== 'assignee' || audience.onlyUserId === null || alert.targetUserId === audience.onlyUserId;
}
