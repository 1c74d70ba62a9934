/**
 * Every KPI of docs/REQUIREMENTS.md §5, defined once: which count is its numerator, which its
 * denominator, which way is better, and its target. deriveKpis() computes every
 * KPI from this table; docs/KPIS.md explains each one in words. The counts
 * themselves are what each ticket adds to them, written in fold.ts.
 */
import type { KpiCounts, KpiMedians, KpiSet } from './model';
import { mean, per10k, rate } from './rates';

type Count = keyof KpiCounts;

export type KpiDefinition =
  | { kind: 'count'; count: Count; better: 'lower' | null }
  | { kind: 'rate'; numerator: Count; denominator: Count; better: 'higher' | 'lower'; target?: Target }
  | { kind: 'mean'; sum: Count; count: Count; better: 'lower' }
  | { kind: 'median'; of: Count; better: 'lower' }
  | { kind: 'per10k'; count: Count; better: 'lower' };

export interface Target {
  op: '>=' | '<';
  value: number;
}

export const KPI_DEFINITIONS = {
  /** 投诉总量: tickets received in the range, voided ones excluded. */
  total: { kind: 'count', count: 'total', better: null },
  /** 每万户投诉量: total × 10,000 ÷ the branch's subscriber count. */
  complaintsPer10k: { kind: 'per10k', count: 'total', better: 'lower' },
  /** 投诉解决率: resolved or closed ÷ received. */
  resolutionRate: { kind: 'rate', numerator: 'resolved', denominator: 'total', better: 'higher' },
  /** 及时率: resolved within the resolution limit ÷ resolved or already due (docs/REQUIREMENTS.md §2). */
  timelinessRate: { kind: 'rate', numerator: 'onTime', denominator: 'dueCount', better: 'higher', target: { op: '>=', value: 0.9 } },
  /** 重复投诉率: flagged repeat ÷ received. */
  repeatRate: { kind: 'rate', numerator: 'repeat', denominator: 'total', better: 'lower', target: { op: '<', value: 0.05 } },
  /** 越级投诉率: over-level ÷ received. */
  overlevelRate: { kind: 'rate', numerator: 'overlevel', denominator: 'total', better: 'lower' },
  /** 满意率: (满意 + 基本满意) ÷ tickets with a follow-up rating. */
  satisfactionRate: { kind: 'rate', numerator: 'satisfied', denominator: 'rated', better: 'higher' },
  /** 平均响应时间: mean of (first response − received) over tickets with a first response. */
  responseMeanMs: { kind: 'mean', sum: 'responseSumMs', count: 'responded', better: 'lower' },
  /** 响应时间中位数: the middle (first response − received). */
  responseMedianMs: { kind: 'median', of: 'responded', better: 'lower' },
  /** 平均处理时长: mean of (resolved − received) over tickets resolved. */
  handlingMeanMs: { kind: 'mean', sum: 'handlingSumMs', count: 'handled', better: 'lower' },
  /** 处理时长中位数: the middle (resolved − received). */
  handlingMedianMs: { kind: 'median', of: 'handled', better: 'lower' },
  /** 超时工单: tickets that missed any of their own clocks. */
  breached: { kind: 'count', count: 'breached', better: 'lower' },
} as const satisfies Record<string, KpiDefinition>;

export type KpiId = keyof typeof KPI_DEFINITIONS;
export const KPI_IDS = Object.keys(KPI_DEFINITIONS) as KpiId[];

/** The value of one KPI from the counts (medians come from the fold as they are). */
export function kpiValue(id: KpiId, c: KpiCounts, m: KpiMedians, subscribers: number | null): number | null {
  const d: KpiDefinition = KPI_DEFINITIONS[id];
  switch (d.kind) {
    case 'count':
      return c[d.count];
    case 'rate':
      return rate(c[d.numerator], c[d.denominator]);
    case 'mean':
      return mean(c[d.sum], c[d.count]);
    case 'per10k':
      return per10k(c[d.count], subscribers);
    case 'median':
      return id === 'responseMedianMs' ? m.responseMedianMs : m.handlingMedianMs;
  }
}

export function deriveKpis(c: KpiCounts, m: KpiMedians, subscribers: number | null): KpiSet {
  const v = (id: KpiId) => kpiValue(id, c, m, subscribers);
  return {
    ...c,
    ...m,
    subscribers,
    complaintsPer10k: v('complaintsPer10k'),
    resolutionRate: v('resolutionRate'),
    timelinessRate: v('timelinessRate'),
    repeatRate: v('repeatRate'),
    overlevelRate: v('overlevelRate'),
    satisfactionRate: v('satisfactionRate'),
    responseMeanMs: v('responseMeanMs'),
    handlingMeanMs: v('handlingMeanMs'),
  };
}

export interface TargetCheck extends Target {
  kpi: KpiId;
  /** null when the KPI has no value (nothing counted). */
  met: boolean | null;
}

/** Every KPI that has a target, with whether the set meets it. */
export function targetChecks(k: KpiSet): TargetCheck[] {
  const out: TargetCheck[] = [];
  for (const id of KPI_IDS) {
    const d: KpiDefinition = KPI_DEFINITIONS[id];
    if (d.kind === 'rate' && d.target) out.push({ kpi: id, ...d.target, met: meetsTarget(id, k[id]) });
  }
  return out;
}

/** Whether a value meets its KPI's target; null when the KPI has no target or no value. */
export function meetsTarget(id: KpiId, value: number | null): boolean | null {
  const d: KpiDefinition = KPI_DEFINITIONS[id];
  if (d.kind !== 'rate' || !d.target || value === null) return null;
  return d.target.op === '>=' ? value >= d.target.value : value < d.target.value;
}

export const EMPTY_COUNTS: KpiCounts = {
  total: 0,
  resolved: 0,
  dueCount: 0,
  onTime: 0,
  repeat: 0,
  overlevel: 0,
  rated: 0,
  satisfied: 0,
  responded: 0,
  responseSumMs: 0,
  handled: 0,
  handlingSumMs: 0,
  breached: 0,
};
