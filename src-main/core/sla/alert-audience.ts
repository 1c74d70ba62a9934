/**
 * Who an alert is for. Each stage of a clock's alerts is addressed to a rung
 * of the escalation ladder; a person sees, and may acknowledge, the alerts
 * addressed to their own role or below — an agent never acknowledges what was
 * escalated to the supervisor or the manager.
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
