/**
 * When a clock raises its alerts (docs/REQUIREMENTS.md §2): `approaching` at each threshold
 * (*default* 80 %), `breached` at 100 %, and while the breach stays open the
 * escalation ladder — assignee, then supervisor, then manager — one step every
 * escalation delay (*default* 2 h). Each alert is raised once per clock cycle.
 */
import { instantAtUsed, type ClockInput } from './clock';

export type AlertKind = 'approaching' | 'breached' | 'escalated';
export type EscalationTarget = 'assignee' | 'supervisor' | 'manager';
export const LADDER: readonly EscalationTarget[] = ['assignee', 'supervisor', 'manager'];

export interface AlertSettings {
  /** Shares of the limit, each in (0, 1): 0.8 by default. */
  thresholds: number[];
  escalationDelayMs: number;
}

export const DEFAULT_ALERT_SETTINGS: AlertSettings = { thresholds: [0.8], escalationDelayMs: 2 * 3_600_000 };

export interface PlannedAlert {
  kind: AlertKind;
  /** The share of the limit (1 for breached and escalations). */
  threshold: number;
  /** 0 = assignee (the breach itself), 1 = supervisor, 2 = manager. */
  step: number;
  at: number;
}

/** A stable key for "this alert of this clock cycle", used to raise it once. */
export function alertKey(a: Pick<PlannedAlert, 'kind' | 'threshold' | 'step'>): string {
  return `${a.kind}:${a.threshold}:${a.step}`;
}

/**
 * Every alert the clock will raise if nothing stops it, in time order. A paused
 * clock (open pause) plans nothing past the pause: its instants are unknown.
 */
export function planAlerts(c: ClockInput, s: AlertSettings = DEFAULT_ALERT_SETTINGS): PlannedAlert[] {
  if (c.stoppedAt !== null) return [];
  const plan: PlannedAlert[] = [];
  for (const t of [...new Set(s.thresholds)].filter((x) => x > 0 && x < 1).sort()) {
    const at = instantAtUsed(c, Math.round(c.limitMs * t));
    if (at !== null) plan.push({ kind: 'approaching', threshold: t, step: 0, at });
  }
  const due = instantAtUsed(c, c.limitMs);
  if (due !== null) {
    plan.push({ kind: 'breached', threshold: 1, step: 0, at: due });
    for (let step = 1; step < LADDER.length; step++) {
      plan.push({ kind: 'escalated', threshold: 1, step, at: due + step * s.escalationDelayMs });
    }
  }
  return plan.sort((a, b) => a.at - b.at);
}

/** The first planned alert not yet raised: when the monitor must wake for this clock. */
export function nextAlertAt(plan: readonly PlannedAlert[], raised: ReadonlySet<string>): number | null {
  for (const a of plan) if (!raised.has(alertKey(a))) return a.at;
  return null;
}
