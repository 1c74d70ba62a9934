/**
 * Sharing knowledge between branches: export every item as one JSON file,
 * import such a file. An import is all or nothing — one bad item and the error
 * names it, and not a single item changes. Imported items become new versions
 * (source "import") of the items with the same key, or new items.
 */
import { DomainError } from '../../core/errors';
import type { UserInfo } from '../../core/model';
import { canonicalContent } from '../../core/knowledge/model';
import { exportFile, parseFile } from '../../core/knowledge/parse';
import { localDayKey, isoInZone } from '../../core/time';
import { KnowledgeStore } from '../../db/knowledge-store';
import { inTransaction, type ServiceContext } from '../context';
import { branchSettings } from '../settings';
import { mayEditKnowledge } from './editing';

export function exportKnowledge(ctx: ServiceContext, user: UserInfo): { fileName: string; text: string; count: number } {
  if (!mayEditKnowledge(user)) throw new DomainError('forbidden');
  const zone = branchSettings(ctx).zone;
  const items = new KnowledgeStore(ctx.db).all().map((i) => i.content);
  const now = ctx.now();
  ctx.audit.add(now, user.id, 'knowledge_export', null, { count: items.length });
  return { fileName: `knowledge-${localDayKey(now, zone)}.json`, text: exportFile(items, isoInZone(now, zone)), count: items.length };
}

export interface ImportOutcome {
  added: number;
  updated: number;
  unchanged: number;
}

export function importKnowledge(ctx: ServiceContext, user: UserInfo, text: string): ImportOutcome {
  if (!mayEditKnowledge(user)) throw new DomainError('forbidden');
  const items = parseFile(text);
  const store = new KnowledgeStore(ctx.db);
  return inTransaction(ctx, () => {
    const now = ctx.now();
    const out: ImportOutcome = { added: 0, updated: 0, unchanged: 0 };
    items.forEach((content, i) => {
      const existing = store.get(content.key);
      if (!existing) {
        store.insert(content, 'import', now, user.id);
        out.added++;
      } else if (existing.kind !== content.kind) {
        // Thrown inside the transaction: the items before this one are rolled back too.
        throw new DomainError('knowledge_invalid', { problem: 'kind_changed', item: i + 1, key: content.key, nothingChanged: 1 });
      } else if (canonicalContent(existing.content) === canonicalContent(content)) {
        out.unchanged++;
      } else {
        store.update(existing, existing.version, content, 'import', now, user.id);
        out.updated++;
      }
    });
    ctx.audit.add(now, user.id, 'knowledge_import', null, out);
    return out;
  });
}
