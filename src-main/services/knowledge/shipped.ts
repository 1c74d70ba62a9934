/**
 * The knowledge content this version of the console ships (resources/knowledge),
 * loaded into the database on first start and brought up to date on upgrade
 * without touching what the branch changed:
 * - a shipped item the branch never had appears;
 * - a shipped item the branch left as shipped takes the new shipped text (a new version);
 * - a shipped item the branch edited keeps the branch's text; the newer shipped
 *   text waits beside it (`shipped_pending`) for an editor to compare.
 * When the shipped pack is the one already loaded, nothing is read item by item.
 */
import { createHash } from 'node:crypto';
import checklists from '../../../resources/knowledge/checklists.json';
import templates from '../../../resources/knowledge/templates.json';
import { canonicalContent, type KnowledgeContent } from '../../core/knowledge/model';
import { parseItem } from '../../core/knowledge/parse';
import { KnowledgeStore } from '../../db/knowledge-store';
import { inTransaction, type ServiceContext } from '../context';

const LOADED_KEY = 'knowledge.shippedPack';

/** The shipped items, checked as strictly as an imported file. */
export function shippedContent(): KnowledgeContent[] {
  return [...checklists.items, ...templates.items].map((raw, i) => parseItem(raw, i + 1));
}

export interface SyncOutcome {
  added: number;
  updated: number;
  /** Items the branch edited, left as the branch has them while newer shipped text exists. */
  keptBranchEdits: number;
}

export function syncShippedKnowledge(ctx: ServiceContext, pack: readonly KnowledgeContent[] = shippedContent()): SyncOutcome {
  const texts = pack.map((c) => canonicalContent(c));
  const hash = createHash('sha256').update(texts.join('\n')).digest('hex');
  const outcome: SyncOutcome = { added: 0, updated: 0, keptBranchEdits: 0 };
  if (ctx.settings.get<string>(LOADED_KEY) === hash) return outcome;
  const store = new KnowledgeStore(ctx.db);
  const now = ctx.now();
  inTransaction(ctx, () => {
    pack.forEach((content, i) => {
      const shipped = texts[i]!;
      const item = store.get(content.key);
      if (!item) {
        store.insert(content, 'shipped', now, null, { shipped: true });
        outcome.added++;
        return;
      }
      if (item.shippedContent === shipped) return;
      const current = canonicalContent(item.content);
      if (current === shipped) {
        // The branch arrived at the shipped text itself: it is the shipped item again.
        store.setShipped(item.id, shipped);
      } else if (item.shippedContent !== null && current === item.shippedContent && item.kind === content.kind) {
        store.update(item, item.version, content, 'shipped', now, null, { shippedContent: shipped });
        outcome.updated++;
      } else {
        store.setShippedPending(item.id, shipped);
        outcome.keptBranchEdits++;
      }
    });
    ctx.settings.set(LOADED_KEY, hash, now, null);
  });
  return outcome;
}
