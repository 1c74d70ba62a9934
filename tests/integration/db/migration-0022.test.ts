/**
 * 0022 (backlog indexes): a version-21 database gains the two partial indexes
 * the QC backlog reads — tickets by resolution instant, and the unresolved by
 * arrival — holding exactly the rows their conditions say; the tickets are
 * untouched.
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

describe('migration 0022_backlog_indexes', () => {
  it('indexes resolved tickets by resolution and unresolved ones by arrival', () => {
    dir = tempDir();
    const db = emptyAt(dir, 21);
    fillV1(db);
    const before = allRows(db);
    expect(upgradeTo(db, 22)).toBe(22);
    expect(allRows(db).tickets).toEqual(before.tickets);
    const count = (index: string) => (db.prepare(`SELECT count(*) AS n FROM tickets INDEXED BY ${index} WHERE ${index === 'tickets_resolved' ? 'resolved_at IS NOT NULL' : 'resolved_at IS NULL'}`).get() as { n: number }).n;
    const resolved = (db.prepare('SELECT count(*) AS n FROM tickets WHERE resolved_at IS NOT NULL').get() as { n: number }).n;
    const unresolved = (db.prepare('SELECT count(*) AS n FROM tickets WHERE resolved_at IS NULL').get() as { n: number }).n;
    expect(resolved).toBeGreaterThan(0);
    expect(unresolved).toBeGreaterThan(0);
    expect(count('tickets_resolved')).toBe(resolved);
    expect(count('tickets_unresolved')).toBe(unresolved);
    db.close();
  });
});
