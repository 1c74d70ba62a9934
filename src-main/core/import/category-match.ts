/**
 * Categories as a CRM writes them: a top-level name, a second-level name, or
 * `一级/二级`, where a name may itself hold a slash (上网慢/断网). matchCategory
 * decides; when it finds nothing, the same text is tried again ignoring width
 * and spaces (`SP定制不认可`, `网络质量／信号覆盖`). Answers are remembered: a
 * file repeats a few dozen categories over thousands of rows.
 */
import { matchCategory, type CategoryNode } from '../categories';

const loose = (text: string) => text.normalize('NFKC').replace(/\s+/g, '');

export class CategoryMatcher {
  private readonly looseNodes: CategoryNode[];
  private readonly cache = new Map<string, number | null>();

  constructor(private readonly nodes: readonly CategoryNode[]) {
    this.looseNodes = nodes.map((n) => ({ ...n, name: loose(n.name) }));
  }

  /** The category id, or null when the text names no category (or names two). */
  match(text: string): number | null {
    const cached = this.cache.get(text);
    if (cached !== undefined) return cached;
    const found = matchCategory(text, this.nodes) ?? matchCategory(loose(text), this.looseNodes);
    const id = found ? found.id : null;
    if (this.cache.size < 10_000) this.cache.set(text, id);
    return id;
  }
}
