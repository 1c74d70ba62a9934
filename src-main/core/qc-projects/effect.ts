/**
 * 效果检查: a project's effect in numbers — the KPI over the baseline period,
 * its value since the project started, the change, whether it went the better
 * way, whether the target is met and how much of the way from baseline to
 * target was covered (目标完成度).
 */
import { tallyValue, type ProjectKpi, type Tally } from './kpis';

export interface Measured {
  tally: Tally;
  value: number | null;
}

export interface Effect {
  baseline: Measured;
  /** Since the project started; null before it has. */
  current: Measured | null;
  target: number;
  /** current − baseline (for a rate a difference of fractions: percentage points). */
  change: number | null;
  /** Whether the change went the KPI's better way; null when unchanged or unknown. */
  improved: boolean | null;
  /** Higher-is-better: current ≥ target; lower-is-better: current ≤ target. Null without a current value. */
  targetMet: boolean | null;
  /**
   * (current − baseline) ÷ (target − baseline): 1 when the target is just
   * reached, above 1 beyond it, negative when worse than before. Null when
   * either value is missing or the target is not better than the baseline.
   */
  progress: number | null;
}

/** Whether `value` meets `target` for a KPI going the `better` way. */
export function meets(kpi: ProjectKpi, value: number, target: number): boolean {
  return kpi.better === 'higher' ? value >= target : value <= target;
}

export function projectEffect(kpi: ProjectKpi, target: number, baseline: Tally, current: Tally | null): Effect {
  const base: Measured = { tally: baseline, value: tallyValue(kpi, baseline) };
  const now: Measured | null = current ? { tally: current, value: tallyValue(kpi, current) } : null;
  const b = base.value;
  const c = now?.value ?? null;
  const change = b !== null && c !== null ? c - b : null;
  const improved = change === null || change === 0 ? null : kpi.better === 'higher' ? change > 0 : change < 0;
  const targetBetter = b !== null && target !== b && !meets(kpi, b, target);
  return {
    baseline: base,
    current: now,
    target,
    change,
    improved,
    targetMet: c === null ? null : meets(kpi, c, target),
    progress: change !== null && b !== null && targetBetter ? change / (target - b) : null,
  };
}
