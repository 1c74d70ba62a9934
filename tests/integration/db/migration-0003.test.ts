/** 0003 (refunds) on a version-2 database with a ticket in every status and their clocks: all of it carries over untouched. */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../src-main/db/migrate';
import { tempDir } from '../../helpers/temp-db';
import { allRows, emptyAt, fillRefundsV3, fillV1, upgradeTo } from './old-databases';

let dir: string;
let db: Database.Database;
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('migration 0003_refunds', () => {
  it('adds STRICT refund tables to a version-2 database, keeping its tickets, histories and clocks as they were', () => {
    dir = tempDir();
    db = emptyAt(dir, 1);
    fillV1(db);
    upgradeTo(db, 2);
    const before = allRows(db);
    expect(before.tickets).toHaveLength(10);
    expect(before.ticket_clocks).toHaveLength(24);

    expect(upgradeTo(db, 3)).toBe(3);
    expect(schemaVersion(db)).toBe(3);
    expect(allRows(db)).toEqual({ ...before, refunds: [], refund_events: [] });
    for (const t of ['refunds', 'refund_events']) {
      const sql = (db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').get(t) as { sql: string }).sql;
      expect(sql.trim().endsWith('STRICT'), t).toBe(true);
    }
  });

  it('the old tickets take entries in every status at once; amounts are whole fen and history is append-only', () => {
    dir = tempDir();
    db = emptyAt(dir, 1);
    fillV1(db);
    upgradeTo(db, 3);
    const ids = fillRefundsV3(db);
    expect(db.prepare('SELECT status FROM refunds ORDER BY id').all().map((r) => (r as { status: string }).status)).toEqual([
      'draft',
      'pending_approval',
      'approved',
      'rejected',
      'executed',
      'draft',
    ]);
    expect(() =>
      db.prepare(`INSERT INTO refunds (ticket_id, type, amount_fen, reason, status, created_at, created_by) VALUES (1, 'sp_info_fee', 8.5, '退', 'draft', 2000, 1)`).run(),
    ).toThrow(/cannot store REAL value in INTEGER column/);
    expect(() => db.prepare("UPDATE refunds SET decision_note = 'x' WHERE id = ?").run(ids[4])).toThrow(/never edited/);
    expect(() => db.prepare('DELETE FROM refund_events').run()).toThrow(/append-only/);
  });
});
