/** 0003 (refunds) on a database of the previous shape: existing tickets and clocks carry over untouched. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src-main/db/migrate';
import { MIGRATIONS } from '../../../src-main/db/migrations';
import { tempDir } from '../../helpers/temp-db';

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migration 0003_refunds', () => {
  it('adds STRICT refund tables to a version-2 database with tickets, keeping them as they were', () => {
    dir = tempDir();
    const db = new Database(path.join(dir, 'desk.db'));
    migrate(db, MIGRATIONS.slice(0, 2));
    expect(schemaVersion(db)).toBe(2);
    db.prepare("INSERT INTO categories (name) VALUES ('增值业务')").run();
    db.prepare("INSERT INTO users (username, display_name, role, password_hash, created_at) VALUES ('a', 'A', 'agent', 'x', 1)").run();
    db.prepare(`INSERT INTO tickets (ticket_no, channel, received_at, phone, category_id, level, status, description, created_at, updated_at)
      VALUES ('GD1', '10086', 1000, '13800000000', 1, 'normal', 'new', '扣信息费', 1000, 1000)`).run();
    const before = db.prepare('SELECT * FROM tickets').all();
    const clocksBefore = db.prepare('SELECT * FROM ticket_clocks').all();

    expect(migrate(db, MIGRATIONS.slice(0, 3))).toBe(3);
    expect(db.prepare('SELECT * FROM tickets').all()).toEqual(before);
    expect(db.prepare('SELECT * FROM ticket_clocks').all()).toEqual(clocksBefore);
    for (const t of ['refunds', 'refund_events']) {
      const sql = (db.prepare("SELECT sql FROM sqlite_schema WHERE name = ?").get(t) as { sql: string }).sql;
      expect(sql.trim().endsWith('STRICT'), t).toBe(true);
    }
    // The old ticket takes an entry at once; amounts are whole fen (STRICT refuses a float).
    db.prepare(`INSERT INTO refunds (ticket_id, type, amount_fen, reason, status, created_at, created_by) VALUES (1, 'sp_info_fee', 800, '退信息费', 'draft', 2000, 1)`).run();
    expect(() =>
      db.prepare(`INSERT INTO refunds (ticket_id, type, amount_fen, reason, status, created_at, created_by) VALUES (1, 'sp_info_fee', 8.5, '退', 'draft', 2000, 1)`).run(),
    ).toThrow(/cannot store REAL value in INTEGER column/);
    db.close();
  });
});
