/**
 * From the range's counts per channel × category to the shares the report
 * shows: the channel mix, and the Pareto of top-level categories (a
 * sub-category counts for its parent).
 */
import type { Channel } from '../enums';
import type { CategoryNode } from '../categories';
import { pareto, type ParetoItem } from './pareto';
import { rate } from './rates';

export interface ChannelShare {
  channel: Channel;
  count: number;
  share: number | null;
}

export type CategoryShare = Omit<ParetoItem<number>, 'key' | 'label'> & { categoryId: number; name: string };

export function channelMix(rows: ReadonlyArray<{ channel: Channel; count: number }>): ChannelShare[] {
  const counts = new Map<Channel, number>();
  for (const r of rows) counts.set(r.channel, (counts.get(r.channel) ?? 0) + r.count);
  const total = rows.reduce((s, r) => s + r.count, 0);
  return [...counts].map(([channel, count]) => ({ channel, count, share: rate(count, total) })).sort((a, b) => b.count - a.count);
}

export function categoryPareto(rows: ReadonlyArray<{ categoryId: number; count: number }>, nodes: readonly CategoryNode[]): CategoryShare[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const tops = new Map<number, { key: number; label: string; count: number }>();
  for (const r of rows) {
    const node = byId.get(r.categoryId);
    const top = node && node.parentId !== null ? (byId.get(node.parentId) ?? node) : node;
    const key = top?.id ?? r.categoryId;
    const entry = tops.get(key) ?? { key, label: top?.name ?? `#${key}`, count: 0 };
    entry.count += r.count;
    tops.set(key, entry);
  }
  return pareto([...tops.values()]).map(({ key, label, ...p }) => ({ categoryId: key, name: label, ...p }));
}
