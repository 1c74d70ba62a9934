/**
 * 0019 (dispatch proposals): a version-18 database with tickets in every
 * status gains the empty table of proposals; the tickets are untouched, a
 * proposal must name a real ticket, say where it came from, and propose
 * something.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { allRows, emptyAt, fillV1, upgradeTo } from './old-databases';
import { tempDir } from '../../helpers/temp-db';

let dir: string | null = null;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('migration 0019_dispatch_proposals', () => {
  it('adds an empty table of proposals that refuses what is not one', () => {
    dir = tempDir();
    const db = emptyAt(dir, 18);
    fillV1(db);
    const before = allRows(db);
    expect(upgradeTo(db, 19)).toBe(19);
    expect(allRows(db).tickets).toEqual(before.tickets);
    expect(db.prepare('SELECT count(*) AS n FROM dispatch_proposals').get()).toEqual({ n: 0 });
    const ticket = (db.prepare('SELECT id FROM tickets LIMIT 1').get() as { id: number }).id;
    const insert = db.prepare(
      `INSERT INTO dispatch_proposals (ticket_id, proposed_at, source, category_id, department, category_taken, department_taken, model_tickets)
       VALUES (?, 1, ?, NULL, ?, 0, 1, 10)`,
    );
    expect(() => insert.run(999_999, 'form', '网络部')).toThrow(/FOREIGN KEY/);
    expect(() => insert.run(ticket, 'email', '网络部')).toThrow(/CHECK/);
    expect(() => insert.run(ticket, 'form', null)).toThrow(/CHECK/);
    insert.run(ticket, 'import', '网络部');
    expect(db.prepare('SELECT source, department, accepted FROM dispatch_proposals').all()).toEqual([{ source: 'import', department: '网络部', accepted: 0 }]);
    db.close();
  });
});
