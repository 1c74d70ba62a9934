/**
 * Whether a monitored category surges, per scope and period: the numbers
 * docs/WARNINGS.md defines, from counts the storage layer made. Pure.
 */
import { categoryPath, matchCategory, type CategoryNode } from '../categories';
import { DomainError } from '../errors';
import type { WarningSettings } from './settings';
import { BASELINE_MONTHS, ROLLING_DAYS } from './settings';

export type WarningLevel = 'yellow' | 'orange' | 'red';
export type WarningPeriod = 'month' | 'rolling7';

/** One monitored category with the category ids its count includes (itself and its children). */
export interface MonitoredCategory {
  label: string;
  ids: number[];
}

/** Tickets of one category in one district (null: no district recorded) in one window. */
export interface CountRow {
  categoryId: number;
  district: string | null;
  n: number;
}

export interface WindowCounts {
  /** One list per baseline month, oldest first. */
  baselineMonths: CountRow[][];
  baselineDays: number;
  month: CountRow[];
  rolling: CountRow[];
}

export interface Assessment {
  category: string;
  /** "branch" or "district:<name>". */
  scope: string;
  district: string | null;
  period: WarningPeriod;
  count: number;
  /** null: less than 6 months of history, so no baseline and never a warning. */
  baseline: number | null;
  threshold: number | null;
  protection: number;
  /** count ÷ baseline; null without a baseline or when the baseline is 0. */
  ratio: number | null;
  level: WarningLevel | null;
}

/** The settings' category names as nodes of the tree; an unknown name is refused, never skipped. */
export function monitoredCategories(nodes: readonly CategoryNode[], settings: WarningSettings): MonitoredCategory[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const chosen =
    settings.categories === null
      ? nodes.filter((n) => n.parentId === null)
      : settings.categories.map((name) => {
          const node = matchCategory(name, nodes);
          if (!node) throw new DomainError('unknown_category', { value: name });
          return node;
        });
  return chosen.map((node) => ({
    label: categoryPath(node, byId),
    ids: [node.id, ...nodes.filter((n) => n.parentId === node.id).map((n) => n.id)],
  }));
}

const BRANCH = 'branch';

/** Sum rows of the given category ids, per scope: the branch, and each district seen. */
function byScope(rows: readonly CountRow[], ids: ReadonlySet<number>): Map<string, number> {
  const out = new Map<string, number>([[BRANCH, 0]]);
  for (const r of rows) {
    if (!ids.has(r.categoryId)) continue;
    out.set(BRANCH, out.get(BRANCH)! + r.n);
    if (r.district !== null) out.set(`district:${r.district}`, (out.get(`district:${r.district}`) ?? 0) + r.n);
  }
  return out;
}

/** The level a count reaches against a baseline, or null when it does not warn. */
export function warningLevel(count: number, baseline: number | null, settings: WarningSettings): WarningLevel | null {
  if (baseline === null) return null;
  if (count < settings.protection || count < baseline * settings.coefficient) return null;
  const { red, orange } = settings.levels;
  if (count >= baseline * red) return 'red';
  if (count >= baseline * orange) return 'orange';
  // Past the threshold is a warning even if the coefficient is set below the yellow multiple.
  return 'yellow';
}

/**
 * Every monitored category × scope × period. `withHistory` names the
 * monitored categories whose tickets go back to the oldest baseline month.
 */
export function assessWarnings(
  monitored: readonly MonitoredCategory[],
  counts: WindowCounts,
  withHistory: ReadonlySet<string>,
  settings: WarningSettings,
): Assessment[] {
  const out: Assessment[] = [];
  for (const cat of monitored) {
    const ids = new Set(cat.ids);
    const months = counts.baselineMonths.map((rows) => byScope(rows, ids));
    const periods: Array<[WarningPeriod, Map<string, number>]> = [
      ['month', byScope(counts.month, ids)],
      ['rolling7', byScope(counts.rolling, ids)],
    ];
    const scopes = new Set<string>([...months.flatMap((m) => [...m.keys()]), ...periods.flatMap(([, m]) => [...m.keys()])]);
    for (const scope of [...scopes].sort((a, b) => (a === BRANCH ? -1 : b === BRANCH ? 1 : a.localeCompare(b, 'zh-CN')))) {
      const total = months.reduce((sum, m) => sum + (m.get(scope) ?? 0), 0);
      for (const [period, current] of periods) {
        const count = current.get(scope) ?? 0;
        const baseline = !withHistory.has(cat.label)
          ? null
          : period === 'month'
            ? total / BASELINE_MONTHS
            : (total * ROLLING_DAYS) / counts.baselineDays;
        out.push({
          category: cat.label,
          scope,
          district: scope === BRANCH ? null : scope.slice('district:'.length),
          period,
          count,
          baseline,
          threshold: baseline === null ? null : baseline * settings.coefficient,
          protection: settings.protection,
          ratio: baseline === null || baseline === 0 ? null : count / baseline,
          level: warningLevel(count, baseline, settings),
        });
      }
    }
  }
  return out;
}
