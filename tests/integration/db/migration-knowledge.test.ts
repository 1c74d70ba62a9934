/**
 * The knowledge migration: a database from before it gains the knowledge
 * tables (the trigram index kept by triggers) and the delivery sub-categories
 * the compensation rules name, after the ones it had, without touching the
 * rest of its tree; an empty database is left for the console's own seeding.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/db/migrate';
import { MIGRATIONS } from '../../../src-main/db/migrations';
import { tempDir } from '../../helpers/temp-db';

const VERSION = MIGRATIONS.findIndex((m) => m.name === 'knowledge') + 1;
let dir: string | null = null;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

function before(): Database.Database {
  dir = tempDir();
  const db = new Database(path.join(dir, 'desk.db'));
  migrate(db, MIGRATIONS.slice(0, VERSION - 1));
  return db;
}

describe('migration knowledge', () => {
  it('adds the missing delivery sub-categories after the existing ones', () => {
    const db = before();
    db.exec(`INSERT INTO categories (id, parent_id, name, sort) VALUES (1, NULL, '速递', 8), (2, 1, '一般晚点', 0), (3, 1, '严重晚点', 1),
      (4, 1, '服务态度', 2), (5, NULL, '宽带', 6)`);
    expect(migrate(db, MIGRATIONS.slice(0, VERSION))).toBe(VERSION);
    const rows = db.prepare('SELECT id, parent_id AS parent, name, sort FROM categories ORDER BY id').all();
    expect(rows).toEqual([
      { id: 1, parent: null, name: '速递', sort: 8 },
      { id: 2, parent: 1, name: '一般晚点', sort: 0 },
      { id: 3, parent: 1, name: '严重晚点', sort: 1 },
      { id: 4, parent: 1, name: '服务态度', sort: 2 },
      { id: 5, parent: null, name: '宽带', sort: 6 },
      { id: 6, parent: 1, name: '包装污染/受损', sort: 3 },
      { id: 7, parent: 1, name: '其他理赔', sort: 4 },
    ]);
    db.close();
  });

  it('leaves an empty database empty, and keeps the index in step with the items', () => {
    const db = before();
    migrate(db, MIGRATIONS.slice(0, VERSION));
    expect(db.prepare('SELECT count(*) AS n FROM categories').get()).toEqual({ n: 0 });
    const add = db.prepare(`INSERT INTO knowledge_items (key, kind, title, content, search_text, version, updated_at) VALUES (?, 'checklist', ?, '{}', ?, 1, 0)`);
    add.run('a', 'VoLTE 掉话排查', '记下掉话的时间地点');
    add.run('b', '宽带故障', '远程查看光猫');
    const find = (q: string) => db.prepare('SELECT rowid FROM knowledge_fts WHERE knowledge_fts MATCH ? ORDER BY rowid').all(q);
    expect(find('"查看光"')).toEqual([{ rowid: 2 }]);
    db.prepare("UPDATE knowledge_items SET search_text = '查看基站告警' WHERE key = 'b'").run();
    expect(find('"查看光"')).toEqual([]);
    expect(find('"基站告"')).toEqual([{ rowid: 2 }]);
    expect(() => db.prepare("INSERT INTO knowledge_versions (item_id, version, at, source, content) VALUES (1, 1, 0, 'create', '{}')").run()).not.toThrow();
    expect(() => db.prepare('DELETE FROM knowledge_versions').run()).toThrow(/append-only/);
    db.close();
  });
});
