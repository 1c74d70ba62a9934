/**
 * Knowledge at hand (案例库): checklists and reply templates with every
 * version kept, a trigram full-text index over them, the ticks agents make on
 * a ticket's checklist, the 12580 delivery times recorded on a ticket, and the
 * delivery sub-categories the compensation rules name that the first tree
 * lacked (服务态度, 包装污染/受损, 其他理赔).
 *
 * Frozen: the SQL and the category names are this file's own.
 */
import type Database from 'better-sqlite3';

export const name = 'knowledge';

export const sql = /* sql */ `
CREATE TABLE knowledge_items (
  id              INTEGER PRIMARY KEY,
  key             TEXT NOT NULL UNIQUE,
  kind            TEXT NOT NULL CHECK (kind IN ('checklist', 'template')),
  title           TEXT NOT NULL,
  -- The item's content as canonical JSON; search_text is its steps or body as plain text.
  content         TEXT NOT NULL,
  search_text     TEXT NOT NULL,
  version         INTEGER NOT NULL CHECK (version >= 1),
  -- The shipped content this item was last given (canonical JSON); NULL for the branch's own items.
  -- An item whose content still equals it takes newer shipped content on upgrade; one the branch changed keeps its own.
  shipped_content TEXT,
  -- Shipped content newer than the branch's edit, kept for the editor to compare; NULL when none is waiting.
  shipped_pending TEXT,
  updated_at      INTEGER NOT NULL,
  updated_by      INTEGER REFERENCES users(id)
) STRICT;

CREATE TABLE knowledge_versions (
  item_id  INTEGER NOT NULL REFERENCES knowledge_items(id),
  version  INTEGER NOT NULL,
  at       INTEGER NOT NULL,
  actor_id INTEGER REFERENCES users(id),
  source   TEXT NOT NULL CHECK (source IN ('shipped', 'create', 'edit', 'rollback', 'import')),
  content  TEXT NOT NULL,
  note     TEXT,
  PRIMARY KEY (item_id, version)
) STRICT;
CREATE TRIGGER knowledge_versions_no_update BEFORE UPDATE ON knowledge_versions
BEGIN SELECT RAISE(ABORT, 'knowledge versions are append-only'); END;
CREATE TRIGGER knowledge_versions_no_delete BEFORE DELETE ON knowledge_versions
BEGIN SELECT RAISE(ABORT, 'knowledge versions are append-only'); END;

-- Chinese has no spaces between words: the trigram tokenizer indexes every three characters.
CREATE VIRTUAL TABLE knowledge_fts USING fts5(
  title, search_text, content = 'knowledge_items', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER knowledge_items_fts_insert AFTER INSERT ON knowledge_items BEGIN
  INSERT INTO knowledge_fts (rowid, title, search_text) VALUES (new.id, new.title, new.search_text);
END;
CREATE TRIGGER knowledge_items_fts_delete AFTER DELETE ON knowledge_items BEGIN
  INSERT INTO knowledge_fts (knowledge_fts, rowid, title, search_text) VALUES ('delete', old.id, old.title, old.search_text);
END;
CREATE TRIGGER knowledge_items_fts_update AFTER UPDATE OF title, search_text ON knowledge_items BEGIN
  INSERT INTO knowledge_fts (knowledge_fts, rowid, title, search_text) VALUES ('delete', old.id, old.title, old.search_text);
  INSERT INTO knowledge_fts (rowid, title, search_text) VALUES (new.id, new.title, new.search_text);
END;

-- The current tick of each checklist step on a ticket; each change is also a ticket event.
CREATE TABLE ticket_checks (
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  item_key  TEXT NOT NULL,
  step_id   TEXT NOT NULL,
  checked   INTEGER NOT NULL CHECK (checked IN (0, 1)),
  at        INTEGER NOT NULL,
  actor_id  INTEGER REFERENCES users(id),
  PRIMARY KEY (ticket_id, item_key, step_id)
) STRICT;

-- 12580 delivery times and reported problems of a delivery ticket, for its 一级/二级 grade.
CREATE TABLE delivery_facts (
  ticket_id           INTEGER PRIMARY KEY REFERENCES tickets(id),
  pickup_requested_at INTEGER,
  pickup_agreed_at    INTEGER,
  picked_up_at        INTEGER,
  promised_at         INTEGER,
  delivered_at        INTEGER,
  issues              TEXT NOT NULL DEFAULT '[]',
  updated_at          INTEGER NOT NULL,
  updated_by          INTEGER REFERENCES users(id)
) STRICT;
`;

/** The delivery sub-categories added, in the order they follow the existing ones. */
const NEW_DELIVERY_CHILDREN = ['服务态度', '包装污染/受损', '其他理赔'];

export function up(db: Database.Database): void {
  const parent = db.prepare("SELECT id FROM categories WHERE parent_id IS NULL AND name = '速递'").get() as { id: number } | undefined;
  // An empty database gets the whole current tree when the console first opens it.
  if (!parent) return;
  const top = db.prepare('SELECT ifnull(max(sort), -1) AS s FROM categories WHERE parent_id = ?').get(parent.id) as { s: number };
  const exists = db.prepare('SELECT 1 FROM categories WHERE parent_id = ? AND name = ?');
  const insert = db.prepare('INSERT INTO categories (parent_id, name, sort) VALUES (?, ?, ?)');
  let sort = top.s;
  for (const child of NEW_DELIVERY_CHILDREN) {
    if (exists.get(parent.id, child)) continue;
    insert.run(parent.id, child, ++sort);
  }
}
