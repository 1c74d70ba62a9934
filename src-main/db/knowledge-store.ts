/**
 * Storage of the knowledge base: items with their current content, every
 * version (append-only), the trigram index kept by triggers, and the ticks on
 * a ticket's checklist. Callers hold the transaction.
 */
import type { Db } from './open';
import type { KnowledgeContent, KnowledgeKind } from '../core/knowledge/model';
import { canonicalContent, searchText } from '../core/knowledge/model';
import { ftsExpression } from '../core/knowledge/search';
import { KNOWLEDGE_KINDS } from '../core/knowledge/model';
import { z } from 'zod';
import { allRows, int, intOrNull, oneRow, text, textOrNull, value } from './rows';

const VERSION_SOURCES = ['shipped', 'create', 'edit', 'rollback', 'import'] as const;
export type VersionSource = (typeof VERSION_SOURCES)[number];

export interface StoredItem {
  id: number;
  key: string;
  kind: KnowledgeKind;
  title: string;
  content: KnowledgeContent;
  version: number;
  /** Canonical JSON of the shipped content last given; null for the branch's own items. */
  shippedContent: string | null;
  shippedPending: string | null;
  updatedAt: number;
  updatedBy: number | null;
}

export interface StoredVersion {
  version: number;
  at: number;
  actorId: number | null;
  actorName: string | null;
  source: VersionSource;
  content: KnowledgeContent;
  note: string | null;
}

const ItemRow = z.object({
  id: int,
  key: text,
  kind: z.enum(KNOWLEDGE_KINDS),
  title: text,
  content: text,
  version: int,
  shippedContent: textOrNull,
  shippedPending: textOrNull,
  updatedAt: int,
  updatedBy: intOrNull,
});
type ItemRow = z.infer<typeof ItemRow>;

const VersionRow = z.object({
  version: int,
  at: int,
  actorId: intOrNull,
  actorName: textOrNull,
  source: z.enum(VERSION_SOURCES),
  content: text,
  note: textOrNull,
});

const SearchRowShape: z.ZodType<SearchRow> = z.object({
  id: int,
  key: text,
  kind: z.enum(KNOWLEDGE_KINDS),
  title: text,
  searchText: text,
  rank: z.number(),
});

const CheckRow = z.object({ itemKey: text, stepId: text, at: int, actorId: intOrNull, actorName: textOrNull });

const ITEM_COLUMNS = `id, key, kind, title, content, version, shipped_content AS shippedContent,
  shipped_pending AS shippedPending, updated_at AS updatedAt, updated_by AS updatedBy`;

function toItem(r: ItemRow): StoredItem {
  return { ...r, content: JSON.parse(r.content) as KnowledgeContent };
}

export interface SearchRow {
  id: number;
  key: string;
  kind: KnowledgeKind;
  title: string;
  searchText: string;
  rank: number;
}

export class KnowledgeStore {
  constructor(private readonly db: Db) {}

  all(): StoredItem[] {
    return allRows(ItemRow, this.db.prepare(`SELECT ${ITEM_COLUMNS} FROM knowledge_items ORDER BY kind, key`)).map(toItem);
  }

  byKind(kind: KnowledgeKind): StoredItem[] {
    return allRows(ItemRow, this.db.prepare(`SELECT ${ITEM_COLUMNS} FROM knowledge_items WHERE kind = ? ORDER BY key`), kind).map(toItem);
  }

  get(key: string): StoredItem | null {
    const r = oneRow(ItemRow, this.db.prepare(`SELECT ${ITEM_COLUMNS} FROM knowledge_items WHERE key = ?`), key);
    return r ? toItem(r) : null;
  }

  count(): number {
    return value(int, this.db.prepare('SELECT count(*) AS n FROM knowledge_items')) ?? 0;
  }

  /** A new item at version 1, with that version recorded. */
  insert(content: KnowledgeContent, source: VersionSource, at: number, by: number | null, opts: { shipped?: boolean; note?: string | null } = {}): void {
    const text = canonicalContent(content);
    const info = this.db
      .prepare(
        `INSERT INTO knowledge_items (key, kind, title, content, search_text, version, shipped_content, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)`,
      )
      .run(content.key, content.kind, content.title, text, searchText(content), opts.shipped ? text : null, at, by);
    this.addVersion(Number(info.lastInsertRowid), 1, at, by, source, text, opts.note ?? null);
  }

  /**
   * The item's next version; refused (false) unless it is still at
   * `expectedVersion`, so two supervisors editing at once cannot overwrite
   * each other unseen.
   */
  update(
    item: StoredItem,
    expectedVersion: number,
    content: KnowledgeContent,
    source: VersionSource,
    at: number,
    by: number | null,
    opts: { shippedContent?: string | null; note?: string | null } = {},
  ): boolean {
    const text = canonicalContent(content);
    const next = expectedVersion + 1;
    const shipped = opts.shippedContent === undefined ? item.shippedContent : opts.shippedContent;
    const info = this.db
      .prepare(
        `UPDATE knowledge_items SET title = ?, content = ?, search_text = ?, version = ?, shipped_content = ?,
           shipped_pending = CASE WHEN ? THEN NULL ELSE shipped_pending END, updated_at = ?, updated_by = ?
         WHERE id = ? AND version = ?`,
      )
      .run(content.title, text, searchText(content), next, shipped, source === 'shipped' ? 1 : 0, at, by, item.id, expectedVersion);
    if (info.changes !== 1) return false;
    this.addVersion(item.id, next, at, by, source, text, opts.note ?? null);
    return true;
  }

  /** The branch's text equals this shipped text: record it as shipped, nothing waiting. */
  setShipped(id: number, shipped: string): void {
    this.db.prepare('UPDATE knowledge_items SET shipped_content = ?, shipped_pending = NULL WHERE id = ?').run(shipped, id);
  }

  setShippedPending(id: number, pending: string | null): void {
    this.db.prepare('UPDATE knowledge_items SET shipped_pending = ? WHERE id = ?').run(pending, id);
  }

  versions(itemId: number): StoredVersion[] {
    const rows = allRows(
      VersionRow,
      this.db.prepare(
        `SELECT v.version, v.at, v.actor_id AS actorId, u.display_name AS actorName, v.source, v.content, v.note
         FROM knowledge_versions v LEFT JOIN users u ON u.id = v.actor_id
         WHERE v.item_id = ? ORDER BY v.version DESC`,
      ),
      itemId,
    );
    return rows.map((r) => ({ ...r, content: JSON.parse(r.content) as KnowledgeContent }));
  }

  version(itemId: number, version: number): StoredVersion | null {
    return this.versions(itemId).find((v) => v.version === version) ?? null;
  }

  private addVersion(itemId: number, version: number, at: number, by: number | null, source: VersionSource, content: string, note: string | null): void {
    this.db
      .prepare('INSERT INTO knowledge_versions (item_id, version, at, actor_id, source, content, note) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(itemId, version, at, by, source, content, note);
  }

  /** Terms of three characters or more: the trigram index, ranked by bm25 (title weighs 5× the body). */
  searchIndexed(terms: readonly string[], limit: number): SearchRow[] {
    return allRows(
      SearchRowShape,
      this.db.prepare(
        `SELECT k.id, k.key, k.kind, k.title, k.search_text AS searchText, bm25(knowledge_fts, 5.0, 1.0) AS rank
         FROM knowledge_fts JOIN knowledge_items k ON k.id = knowledge_fts.rowid
         WHERE knowledge_fts MATCH ? ORDER BY rank LIMIT ?`,
      ),
      ftsExpression(terms),
      limit,
    );
  }

  /**
   * A term under three characters, which the trigram index cannot match: a
   * substring scan (instr, narrowed first by the index when another term is
   * long enough), ranked in SQL so only the page leaves the database. Each
   * occurrence in the title counts ten, a body that contains the term one;
   * the rank is negated (lower is better, like bm25). Letters compare without
   * case; Chinese has none, so its terms skip lower() and its cost.
   */
  searchSubstring(terms: readonly string[], limit: number): SearchRow[] {
    const long = terms.filter((t) => [...t].length >= 3);
    const col = (name: string, t: string) => (/[A-Za-z]/.test(t) ? `lower(${name})` : name);
    const needle = (t: string) => (/[A-Za-z]/.test(t) ? t.toLowerCase() : t);
    const inTitle = (t: string) => `((length(${col('title', t)}) - length(replace(${col('title', t)}, ?, ''))) / length(?))`;
    const score = terms.map((t) => `10 * ${inTitle(t)} + (instr(${col('search_text', t)}, ?) > 0)`).join(' + ');
    const where = terms.map((t) => `(instr(${col('title', t)}, ?) > 0 OR instr(${col('search_text', t)}, ?) > 0)`);
    if (long.length) where.push('id IN (SELECT rowid FROM knowledge_fts WHERE knowledge_fts MATCH ?)');
    const params = [
      ...terms.flatMap((t) => [needle(t), needle(t), needle(t)]),
      ...terms.flatMap((t) => [needle(t), needle(t)]),
      ...(long.length ? [ftsExpression(long)] : []),
      limit,
    ];
    return allRows(
      SearchRowShape,
      this.db.prepare(
        `SELECT id, key, kind, title, search_text AS searchText, -(${score}) AS rank
         FROM knowledge_items WHERE ${where.join(' AND ')} ORDER BY rank, key LIMIT ?`,
      ),
      ...params,
    );
  }

  /** The current ticks on a ticket: "itemKey/stepId" → who and when. */
  checks(ticketId: number): Array<{ itemKey: string; stepId: string; at: number; actorId: number | null; actorName: string | null }> {
    return allRows(
      CheckRow,
      this.db.prepare(
        `SELECT c.item_key AS itemKey, c.step_id AS stepId, c.at, c.actor_id AS actorId, u.display_name AS actorName
         FROM ticket_checks c LEFT JOIN users u ON u.id = c.actor_id
         WHERE c.ticket_id = ? AND c.checked = 1`,
      ),
      ticketId,
    );
  }

  isChecked(ticketId: number, itemKey: string, stepId: string): boolean {
    return value(int, this.db.prepare('SELECT checked FROM ticket_checks WHERE ticket_id = ? AND item_key = ? AND step_id = ?'), ticketId, itemKey, stepId) === 1;
  }

  setCheck(ticketId: number, itemKey: string, stepId: string, checked: boolean, at: number, by: number): void {
    this.db
      .prepare(
        `INSERT INTO ticket_checks (ticket_id, item_key, step_id, checked, at, actor_id) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (ticket_id, item_key, step_id) DO UPDATE SET checked = excluded.checked, at = excluded.at, actor_id = excluded.actor_id`,
      )
      .run(ticketId, itemKey, stepId, checked ? 1 : 0, at, by);
  }
}
