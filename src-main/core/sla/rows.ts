/**
 * From a clock's inputs to the row the database keeps: its due time, its first
 * warning, its alert plan and when the monitor must next wake for it.
 */
import { instantAtUsed, type ClockInput } from './clock';
import { nextAlertAt, planAlerts, type AlertSettings, type PlannedAlert } from './alerts';
import type { ClockKind } from './policy';

export interface ClockRow {
  clock: ClockKind;
  subjectId: number;
  ruleId: string | null;
  startedAt: number;
  limitMs: number;
  business: boolean;
  pauses: ClockInput['pauses'];
  stoppedAt: number | null;
  cancelled: boolean;
  /** Met, time not recorded (core/sla/settlement.ts): stopped at its start, never missed, never "met at". */
  untimed: boolean;
  dueAt: number | null;
  warnAt: number | null;
  nextAlertAt: number | null;
  plan: PlannedAlert[];
}

export function clockRow(
  clock: ClockKind,
  subjectId: number,
  ruleId: string | null,
  input: ClockInput,
  cancelled: boolean,
  alerts: AlertSettings,
  raised: ReadonlySet<string>,
  untimed = false,
): ClockRow {
  const plan = cancelled ? [] : planAlerts(input, alerts);
  const firstWarn = [...alerts.thresholds].filter((t) => t > 0 && t < 1).sort()[0];
  return {
    clock,
    subjectId,
    ruleId,
    startedAt: input.startedAt,
    limitMs: input.limitMs,
    business: input.calendar !== null,
    pauses: input.pauses,
    stoppedAt: input.stoppedAt,
    cancelled,
    untimed,
    dueAt: instantAtUsed(input, input.limitMs),
    warnAt: firstWarn === undefined ? null : instantAtUsed(input, Math.round(input.limitMs * firstWarn)),
    nextAlertAt: nextAlertAt(plan, raised),
    plan,
  };
}
