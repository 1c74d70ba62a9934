/** The default complaint category tree of docs/REQUIREMENTS.md §1 (editable by an admin). */
export const DEFAULT_CATEGORIES: ReadonlyArray<{ name: string; children: readonly string[] }> = [
  {
    name: '网络质量',
    children: ['信号覆盖', '上网慢/断网', 'VoLTE 注册', 'VoLTE 接入', 'VoLTE 掉话', 'VoLTE 语音质量', 'VoLTE CSFB 回落'],
  },
  { name: '资费计费', children: ['多收费', '套餐/流量计费', '资费争议'] },
  { name: '增值业务', children: ['SP 定制不认可', '群发短信', '内容不健康', '信息费退费'] },
  { name: '服务质量', children: ['服务态度', '营业厅等待', '热线接通'] },
  { name: '营销活动', children: ['活动信息不同步', '承诺未兑现'] },
  { name: '业务办理', children: ['携号转网', '销户', '实名登记'] },
  { name: '宽带', children: [] },
  { name: '终端', children: [] },
  { name: '速递', children: ['一般晚点', '严重晚点', '物品受损', '丢失', '费用多收', '服务态度', '包装污染/受损', '其他理赔'] },
  { name: '其他', children: [] },
];

export interface CategoryNode {
  id: number;
  parentId: number | null;
  name: string;
}

/** "一级/二级", or the top-level name alone. */
export function categoryPath(node: CategoryNode, byId: ReadonlyMap<number, CategoryNode>): string {
  if (node.parentId === null) return node.name;
  const parent = byId.get(node.parentId);
  return parent ? `${parent.name}/${node.name}` : node.name;
}

/**
 * The tree in reading order: each top-level category followed by its own
 * children, siblings in the order given (their `sort`). A list ordered by
 * `sort` alone interleaves the levels, so a child lands under whichever
 * top-level row happens to precede it (资费计费/多收费 under 网络质量). A child
 * whose parent is not in the list comes last rather than under a stranger.
 */
export function inTreeOrder<T extends CategoryNode>(nodes: readonly T[]): T[] {
  const children = new Map<number, T[]>();
  for (const n of nodes) if (n.parentId !== null) children.set(n.parentId, [...(children.get(n.parentId) ?? []), n]);
  const out: T[] = [];
  for (const top of nodes) if (top.parentId === null) out.push(top, ...(children.get(top.id) ?? []));
  const placed = new Set(out.map((n) => n.id));
  return [...out, ...nodes.filter((n) => !placed.has(n.id))];
}

/**
 * Find a category from how a CRM writes it: a top-level name, a second-level
 * name, or "一级/二级". Names may contain a slash themselves (上网慢/断网), so a
 * full-name match is tried before splitting at the first slash.
 */
export function matchCategory(text: string, nodes: readonly CategoryNode[]): CategoryNode | null {
  const wanted = text.trim();
  if (!wanted) return null;
  const exact = nodes.filter((n) => n.name === wanted);
  if (exact.length === 1) return exact[0]!;
  const slash = wanted.indexOf('/');
  if (slash > 0) {
    const top = wanted.slice(0, slash).trim();
    const rest = wanted.slice(slash + 1).trim();
    const parent = nodes.find((n) => n.parentId === null && n.name === top);
    if (parent) {
      const child = nodes.find((n) => n.parentId === parent.id && n.name === rest);
      if (child) return child;
    }
  }
  // A second-level name shared by two parents is ambiguous: refuse rather than guess.
  return exact.length === 1 ? exact[0]! : null;
}
