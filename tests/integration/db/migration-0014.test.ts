/**
 * 0014 (list filter indexes): a database of version 13 gains the assignee,
 * department and repeat indexes; no row changes, and the list's filters are
 * then answered from them.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/db/migrate';
import { MIGRATIONS } from '../../../src-main/db/migrations';
import { tempDir } from '../../helpers/temp-db';

let dir: string | null = null;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('migration 0014_list_filter_indexes', () => {
  it('adds the indexes and changes no ticket', () => {
    dir = tempDir();
    const db = new Database(path.join(dir, 'desk.db'));
    migrate(db, MIGRATIONS.slice(0, 13));
    db.prepare("INSERT INTO categories (name) VALUES ('宽带')").run();
    const add = db.prepare(`INSERT INTO tickets (ticket_no, channel, received_at, phone, category_id, level, status, description,
        department, is_repeat, created_at, updated_at) VALUES (?, '10086', ?, '13800000000', 1, 'normal', 'new', '断网', ?, ?, 0, 0)`);
    add.run('a', 1, '网络部', 1);
    add.run('b', 2, '计费中心', 0);
    add.run('c', 3, '网络部', 0);
    const before = db.prepare('SELECT * FROM tickets ORDER BY id').all();
    migrate(db, MIGRATIONS.slice(0, 14));
    expect(db.pragma('user_version', { simple: true })).toBe(14);
    expect(db.prepare('SELECT * FROM tickets ORDER BY id').all()).toEqual(before);
    const names = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'tickets'").pluck().all() as string[]).sort();
    expect(names).toEqual(expect.arrayContaining(['tickets_assignee_received', 'tickets_department', 'tickets_repeat']));
    expect(db.prepare("SELECT count(*) FROM tickets INDEXED BY tickets_department WHERE department = '网络部'").pluck().get()).toBe(2);
    expect(db.prepare('SELECT ticket_no FROM tickets INDEXED BY tickets_repeat WHERE is_repeat = 1').pluck().all()).toEqual(['a']);
    db.close();
  });
});
