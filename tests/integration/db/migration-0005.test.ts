/** 0005 (refund report indexes) on a version-4 database with tickets in every status, clocks and refunds: indexes only, no row changes. */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-db';
import { allRows, emptyAt, fillRefundsV3, fillV1, upgradeTo } from './old-databases';

let dir: string;
let db: Database.Database;
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('migration 0005_refund_report_indexes', () => {
  it('adds the two indexes the refund summary reads and changes no row', () => {
    dir = tempDir();
    db = emptyAt(dir, 1);
    fillV1(db);
    upgradeTo(db, 3);
    fillRefundsV3(db);
    upgradeTo(db, 4);
    const before = allRows(db);

    expect(upgradeTo(db, 5)).toBe(5);
    expect(allRows(db)).toEqual(before);
    const indexes = db.prepare("SELECT name, tbl_name AS tbl FROM sqlite_schema WHERE type = 'index' AND name IN ('refunds_decided', 'ticket_clocks_refund') ORDER BY name").all();
    expect(indexes).toEqual([
      { name: 'refunds_decided', tbl: 'refunds' },
      { name: 'ticket_clocks_refund', tbl: 'ticket_clocks' },
    ]);
    // The refund clocks the fixture holds are found through the new partial index.
    const plan = JSON.stringify(db.prepare("EXPLAIN QUERY PLAN SELECT due_at FROM ticket_clocks WHERE clock = 'refund' AND subject_id = 3").all());
    expect(plan).toMatch(/ticket_clocks_refund/);
    expect(db.prepare("SELECT subject_id FROM ticket_clocks INDEXED BY ticket_clocks_refund WHERE clock = 'refund' AND subject_id > 0 ORDER BY subject_id").all()).toEqual([
      { subject_id: 3 },
      { subject_id: 5 },
    ]);
  });
});
