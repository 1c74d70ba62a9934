/**
 * Change of every KPI against a base period (the previous period, or the same
 * period last year). Rates change in percentage points (delta of fractions);
 * counts and durations also get a relative change. Nothing to compare → null.
 */
import { KPI_DEFINITIONS, KPI_IDS, type KpiDefinition, type KpiId } from './definitions';
import type { KpiSet } from './model';

export interface KpiChange {
  base: number | null;
  /** current − base, in the KPI's own unit (a fraction for rates). */
  delta: number | null;
  /** delta ÷ base for counts and durations; null for rates, or when the base is 0 or missing. */
  relative: number | null;
  /** Whether the change is an improvement; null when unchanged, unknown, or neither way is better. */
  improved: boolean | null;
}

export type KpiChanges = Record<KpiId, KpiChange>;

export function changeOf(id: KpiId, current: number | null, base: number | null): KpiChange {
  const d: KpiDefinition = KPI_DEFINITIONS[id];
  if (current === null || base === null) return { base, delta: null, relative: null, improved: null };
  const delta = current - base;
  const relative = d.kind !== 'rate' && base !== 0 ? delta / base : null;
  const improved = delta === 0 || d.better === null ? null : (delta > 0) === (d.better === 'higher');
  return { base, delta, relative, improved };
}

export function compareKpis(current: KpiSet, base: KpiSet): KpiChanges {
  const out = {} as KpiChanges;
  for (const id of KPI_IDS) out[id] = changeOf(id, current[id], base[id]);
  return out;
}
