/**
 * Supervisors and administrators add and change checklists and templates.
 * Every save is a new version (who, when, what it was), never an overwrite;
 * rolling back writes the old content again as the newest version, so the
 * history itself is never rewritten. Saves carry the version the editor
 * started from: a save over someone else's newer one is refused.
 */
import { DomainError } from '../../core/errors';
import { roleAtLeast } from '../../core/enums';
import type { UserInfo } from '../../core/model';
import { canonicalContent, diffContent, type ContentChange, type KnowledgeContent } from '../../core/knowledge/model';
import { parseItem } from '../../core/knowledge/parse';
import { KnowledgeStore, type StoredItem, type VersionSource } from '../../db/knowledge-store';
import { inTransaction, type ServiceContext } from '../context';

export interface KnowledgeVersionView {
  version: number;
  at: number;
  actorName: string | null;
  source: VersionSource;
  note: string | null;
  changes: ContentChange[];
  content: KnowledgeContent;
}

export interface KnowledgeItemView {
  key: string;
  kind: KnowledgeContent['kind'];
  title: string;
  content: KnowledgeContent;
  version: number;
  /** Shipped with the console (true) or the branch's own item. */
  shipped: boolean;
  /** The branch changed the shipped text. */
  edited: boolean;
  /** Newer shipped text than the branch's edit, waiting to be compared. */
  pending: KnowledgeContent | null;
  updatedAt: number;
  versions: KnowledgeVersionView[];
}

export function mayEditKnowledge(user: UserInfo): boolean {
  return roleAtLeast(user.role, 'supervisor');
}

function needEditor(user: UserInfo): void {
  if (!mayEditKnowledge(user)) throw new DomainError('forbidden');
}

export function itemView(store: KnowledgeStore, item: StoredItem): KnowledgeItemView {
  const versions = store.versions(item.id);
  return {
    key: item.key,
    kind: item.kind,
    title: item.title,
    content: item.content,
    version: item.version,
    shipped: item.shippedContent !== null,
    edited: item.shippedContent !== null && canonicalContent(item.content) !== item.shippedContent,
    pending: item.shippedPending ? (JSON.parse(item.shippedPending) as KnowledgeContent) : null,
    updatedAt: item.updatedAt,
    versions: versions.map((v, i) => ({
      version: v.version,
      at: v.at,
      actorName: v.actorName,
      source: v.source,
      note: v.note,
      changes: diffContent(versions[i + 1]?.content ?? null, v.content),
      content: v.content,
    })),
  };
}

export function knowledgeItem(ctx: ServiceContext, key: string): KnowledgeItemView {
  const store = new KnowledgeStore(ctx.db);
  const item = store.get(key);
  if (!item) throw new DomainError('not_found', { what: key });
  return itemView(store, item);
}

export interface SaveInput {
  content: unknown;
  /** The version the editor started from; null to add a new item. */
  baseVersion: number | null;
  note?: string | null | undefined;
}

export function saveKnowledge(ctx: ServiceContext, user: UserInfo, input: SaveInput): KnowledgeItemView {
  needEditor(user);
  const content = parseItem(input.content);
  const store = new KnowledgeStore(ctx.db);
  return inTransaction(ctx, () => {
    const now = ctx.now();
    const existing = store.get(content.key);
    if (input.baseVersion === null) {
      if (existing) throw new DomainError('knowledge_invalid', { problem: 'duplicate_key', key: content.key });
      store.insert(content, 'create', now, user.id, { note: input.note ?? null });
    } else {
      if (!existing) throw new DomainError('not_found', { what: content.key });
      if (existing.kind !== content.kind) throw new DomainError('knowledge_invalid', { problem: 'kind_changed', key: content.key });
      if (existing.version !== input.baseVersion) throw new DomainError('knowledge_conflict');
      if (canonicalContent(existing.content) !== canonicalContent(content)) {
        if (!store.update(existing, input.baseVersion, content, 'edit', now, user.id, { note: input.note ?? null })) {
          throw new DomainError('knowledge_conflict');
        }
      }
    }
    ctx.audit.add(now, user.id, 'knowledge_save', content.key, { baseVersion: input.baseVersion });
    return itemView(store, store.get(content.key)!);
  });
}

export function rollbackKnowledge(ctx: ServiceContext, user: UserInfo, input: { key: string; toVersion: number; baseVersion: number }): KnowledgeItemView {
  needEditor(user);
  const store = new KnowledgeStore(ctx.db);
  return inTransaction(ctx, () => {
    const item = store.get(input.key);
    if (!item) throw new DomainError('not_found', { what: input.key });
    if (item.version !== input.baseVersion) throw new DomainError('knowledge_conflict');
    const old = store.version(item.id, input.toVersion);
    if (!old) throw new DomainError('knowledge_invalid', { problem: 'unknown_version', key: input.key, detail: `v${input.toVersion}` });
    const now = ctx.now();
    if (!store.update(item, item.version, old.content, 'rollback', now, user.id, { note: `v${input.toVersion}` })) {
      throw new DomainError('knowledge_conflict');
    }
    ctx.audit.add(now, user.id, 'knowledge_rollback', input.key, { toVersion: input.toVersion });
    return itemView(store, store.get(input.key)!);
  });
}
