/**
 * The admin's deadline settings: rules, business calendar, alert thresholds.
 * Saving validates the whole policy, stores it, records who changed it, and
 * puts every running clock under the new rules in the same transaction.
 */
import { DomainError } from '../core/errors';
import { validatePolicy, type SlaRule } from '../core/sla/policy';
import { validateCalendar, type BusinessCalendar } from '../core/sla/calendar';
import type { AlertSettings } from '../core/sla/alerts';
import { readSlaConfig, readTimeLeft, SLA_KEYS, defaultRules } from '../db/sla-config';
import { timeLeftProblem, type TimeLeftTones } from '../core/sla/time-left';
import { inTransaction, type ServiceContext } from './context';
import { recomputeOpenClocks } from './clocks';
import { replanRunningRefundClocks } from './refunds/clock';

export interface SlaPolicy {
  rules: SlaRule[];
  calendar: BusinessCalendar;
  alerts: AlertSettings;
  pauseOnPending: boolean;
  /** When a countdown turns amber and orange, by the time left. */
  timeLeft: TimeLeftTones;
}

/** What an admin saves: the colour thresholds may be left out (kept as they are). */
export type SlaPolicyInput = Omit<SlaPolicy, 'timeLeft'> & { timeLeft?: TimeLeftTones | undefined };

export function getPolicy(ctx: ServiceContext): SlaPolicy {
  const { rules, calendar, alerts, pauseOnPending } = readSlaConfig(ctx.db);
  return { rules, calendar, alerts, pauseOnPending, timeLeft: readTimeLeft(ctx.db) };
}

/** The countdown colour thresholds alone: every countdown in the console reads them. */
export function timeLeftTones(ctx: ServiceContext): TimeLeftTones {
  return readTimeLeft(ctx.db);
}

export function savePolicy(ctx: ServiceContext, actorId: number, policy: SlaPolicyInput): SlaPolicy & { recomputed: number } {
  const problems = validatePolicy(policy.rules);
  if (problems.length > 0) throw new DomainError('sla_policy_invalid', { rule: problems[0]!.rule, problem: problems[0]!.problem }, problems);
  const calendarProblems = validateCalendar(policy.calendar);
  if (calendarProblems.length > 0) throw new DomainError('sla_calendar_invalid', { problem: calendarProblems[0]! }, calendarProblems);
  const thresholds = policy.alerts.thresholds;
  if (thresholds.length === 0 || thresholds.some((t) => !(t > 0 && t < 1)) || !(policy.alerts.escalationDelayMs > 0)) {
    throw new DomainError('validation', { field: 'thresholds', rule: 'invalid' });
  }
  const timeLeft = policy.timeLeft ? timeLeftProblem(policy.timeLeft) : null;
  if (timeLeft) throw new DomainError('validation', { field: 'timeLeft', rule: timeLeft === 'order' ? 'order' : 'invalid' });
  const categories = new Set(ctx.categories.list().map((c) => c.id));
  for (const r of policy.rules) {
    if (r.categoryId !== null && !categories.has(r.categoryId)) throw new DomainError('unknown_category', { value: r.categoryId });
  }
  return inTransaction(ctx, () => {
    const now = ctx.now();
    const before = getPolicy(ctx);
    ctx.settings.set(SLA_KEYS.rules, policy.rules, now, actorId);
    ctx.settings.set(SLA_KEYS.calendar, policy.calendar, now, actorId);
    ctx.settings.set(SLA_KEYS.alerts, policy.alerts, now, actorId);
    ctx.settings.set(SLA_KEYS.pause, policy.pauseOnPending, now, actorId);
    if (policy.timeLeft) ctx.settings.set(SLA_KEYS.timeLeft, policy.timeLeft, now, actorId);
    ctx.audit.add(now, actorId, 'sla.policy', null, { before, after: policy });
    const recomputed = recomputeOpenClocks(ctx);
    // Refund clocks take their limit from the refund settings, but their alerts from these thresholds.
    replanRunningRefundClocks(ctx);
    return { ...getPolicy(ctx), recomputed };
  });
}

/** Back to the shipped rules (the calendar and thresholds stay as set). */
export function resetRules(ctx: ServiceContext, actorId: number): SlaPolicy & { recomputed: number } {
  return savePolicy(ctx, actorId, { ...getPolicy(ctx), rules: defaultRules(ctx.db) });
}
