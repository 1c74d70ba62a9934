/**
 * 0017 (phone search): the tickets already there are indexed by their digits,
 * and the triggers keep the index with every ticket added or renumbered after.
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

describe('migration 0017_phone_search', () => {
  it('indexes the numbers already there, then follows new and changed ones', () => {
    dir = tempDir();
    const db = new Database(path.join(dir, 'desk.db'));
    migrate(db, MIGRATIONS.slice(0, 16));
    db.prepare("INSERT INTO categories (name) VALUES ('宽带')").run();
    const add = db.prepare(`INSERT INTO tickets (ticket_no, channel, received_at, phone, category_id, level, status, description,
        created_at, updated_at) VALUES (?, '10086', 0, ?, 1, 'normal', 'new', '断网', 0, 0)`);
    add.run('a', '13896027890');
    add.run('b', '13700001111');
    const before = db.prepare('SELECT * FROM tickets ORDER BY id').all();
    migrate(db, MIGRATIONS.slice(0, 17));
    expect(db.pragma('user_version', { simple: true })).toBe(17);
    expect(db.prepare('SELECT * FROM tickets ORDER BY id').all()).toEqual(before);
    const found = (grams: string) => db.prepare('SELECT rowid FROM ticket_phone_search WHERE ticket_phone_search MATCH ? ORDER BY rowid').pluck().all(grams);
    expect(found('"9602789"')).toEqual([1]);
    expect(found('"1111."')).toEqual([2]);
    expect(found('"0000"')).toEqual([2]);
    add.run('c', '020-12345678');
    expect(found('"0201234"')).toEqual([3]);
    db.prepare("UPDATE tickets SET phone = '13911112222' WHERE id = 1").run();
    expect(found('"960"')).toEqual([]);
    expect(found('"1111"')).toEqual([1, 2]);
    expect(found('"1111."')).toEqual([2]);
    db.close();
  });
});
