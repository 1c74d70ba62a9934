/**
 * The Pareto view of categories (排列图): largest first, each with its share
 * and the cumulative share; the "vital few" are those up to and including the
 * one that first takes the cumulative share to 80 %.
 */
export const PARETO_CUT = 0.8;

export interface ParetoItem<K> {
  key: K;
  label: string;
  count: number;
  share: number;
  cumulative: number;
  /** Within the categories that make up the first 80 %. */
  vital: boolean;
}

export function pareto<K>(items: ReadonlyArray<{ key: K; label: string; count: number }>): Array<ParetoItem<K>> {
  const total = items.reduce((s, i) => s + i.count, 0);
  if (total === 0) return [];
  const sorted = items.filter((i) => i.count > 0).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'zh-CN'));
  let running = 0;
  return sorted.map((i) => {
    const vital = running / total < PARETO_CUT;
    running += i.count;
    return { ...i, share: i.count / total, cumulative: running / total, vital };
  });
}
