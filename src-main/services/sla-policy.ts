/**
 * The admin's deadline settings: rules, business calendar, alert thresholds.
 * A change is first previewed (what it does to the running clocks, nothing
 * written: sla-preview.ts), then saved: the save validates the whole policy,
 * refuses it when the stored policy changed since the preview, stores it,
 * records who changed it, and puts every running clock under the new rules —
 * all in one transaction.
 */
import { DomainError } from '../core/errors';
import { validatePolicy, type SlaRule } from '../core/sla/policy';
import { validateCalendar, type BusinessCalendar } from '../core/sla/calendar';
import type { AlertSettings } from '../core/sla/alerts';
import { officialDays, type OfficialDays } from '../core/sla/official-days';
import { withOfficialDays } from '../core/sla/official-calendar';
import { readSlaConfig, readTimeLeft, SLA_KEYS, defaultRules } from '../db/sla-config';
import { timeLeftProblem, type TimeLeftTones } from '../core/sla/time-left';
import { inTransaction, type ServiceContext } from './context';
import { recomputeOpenClocks } from './clocks';
import { replanRunningRefundClocks } from './refunds/clock';
import { policyVersion, previewDueChanges, type PolicyPreview } from './sla-preview';

export interface SlaPolicy {
  rules: SlaRule[];
  calendar: BusinessCalendar;
  alerts: AlertSettings;
  pauseOnPending: boolean;
  /** When a countdown turns amber and orange, by the time left. */
  timeLeft: TimeLeftTones;
  /** The stored policy's fingerprint: a save naming another one is refused. */
  version: string;
  /** The official holidays and make-up days of this year and next (chinese-days), to fill the calendar with. */
  official: OfficialDays;
  /**
   * False until an admin saves a calendar: the calendar above is then the
   * default one pre-filled with the official days, which apply once saved.
   */
  calendarSaved: boolean;
  /** The shipped rules, the SP rule bound to this database's 增值业务: what 恢复默认规则 puts in the form. */
  shippedRules: SlaRule[];
}

/** What an admin saves: the colour thresholds may be left out (kept as they are). */
export type SlaPolicyInput = Omit<SlaPolicy, 'timeLeft' | 'version' | 'official' | 'calendarSaved' | 'shippedRules'> & { timeLeft?: TimeLeftTones | undefined };

function storedPolicy(ctx: ServiceContext) {
  const { rules, calendar, alerts, pauseOnPending } = readSlaConfig(ctx.db);
  const stored = { rules, calendar, alerts, pauseOnPending, timeLeft: readTimeLeft(ctx.db) };
  return { ...stored, version: policyVersion(stored) };
}

function branchYear(ctx: ServiceContext, zone: string): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric' }).format(ctx.now()));
}

export function getPolicy(ctx: ServiceContext): SlaPolicy {
  const stored = storedPolicy(ctx);
  const year = branchYear(ctx, stored.calendar.zone);
  const official = officialDays([year, year + 1]);
  const calendarSaved = ctx.settings.get(SLA_KEYS.calendar) !== undefined;
  const calendar = calendarSaved ? stored.calendar : withOfficialDays(stored.calendar, official);
  return { ...stored, calendar, official, calendarSaved, shippedRules: defaultRules(ctx.db) };
}

/** The countdown colour thresholds alone: every countdown in the console reads them. */
export function timeLeftTones(ctx: ServiceContext): TimeLeftTones {
  return readTimeLeft(ctx.db);
}

/** Every check a save makes before it writes: the same for the preview, so a preview is never shown for a policy the save would refuse. */
function checkPolicy(ctx: ServiceContext, policy: SlaPolicyInput): void {
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
}

/** What saving `policy` would do to the running clocks; writes nothing. */
export function previewPolicy(ctx: ServiceContext, policy: SlaPolicyInput): PolicyPreview {
  checkPolicy(ctx, policy);
  return previewDueChanges(ctx, policy, storedPolicy(ctx).version);
}

/**
 * `expectedVersion`: the version the admin's preview was made against; the
 * save is refused, nothing written, when the stored policy has changed since.
 */
export function savePolicy(ctx: ServiceContext, actorId: number, policy: SlaPolicyInput, expectedVersion?: string): SlaPolicy & { recomputed: number } {
  checkPolicy(ctx, policy);
  return inTransaction(ctx, () => {
    const now = ctx.now();
    const before = storedPolicy(ctx);
    if (expectedVersion !== undefined && expectedVersion !== before.version) throw new DomainError('sla_policy_changed');
    ctx.settings.set(SLA_KEYS.rules, policy.rules, now, actorId);
    ctx.settings.set(SLA_KEYS.calendar, policy.calendar, now, actorId);
    ctx.settings.set(SLA_KEYS.alerts, policy.alerts, now, actorId);
    ctx.settings.set(SLA_KEYS.pause, policy.pauseOnPending, now, actorId);
    if (policy.timeLeft) ctx.settings.set(SLA_KEYS.timeLeft, policy.timeLeft, now, actorId);
    const { version: _v, ...beforeValues } = before;
    const after = { rules: policy.rules, calendar: policy.calendar, alerts: policy.alerts, pauseOnPending: policy.pauseOnPending, timeLeft: policy.timeLeft };
    ctx.audit.add(now, actorId, 'sla.policy', null, { before: beforeValues, after });
    const recomputed = recomputeOpenClocks(ctx);
    // Refund clocks take their limit from the refund settings, but their alerts from these thresholds.
    replanRunningRefundClocks(ctx);
    return { ...getPolicy(ctx), recomputed };
  });
}
