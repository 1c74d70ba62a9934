/**
 * 0016 (volume warnings): a version-15 database with tickets in every status
 * gains the warnings tables and the narrow counting index; the tickets are
 * untouched, the index holds exactly the tickets that are not voided, and the
 * history refuses changes.
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

describe('migration 0016_volume_warnings', () => {
  it('adds the warnings and their history, and indexes only the tickets that count', () => {
    dir = tempDir();
    const db = emptyAt(dir, 15);
    fillV1(db);
    const before = allRows(db);
    const voided = (db.prepare("SELECT count(*) AS n FROM tickets WHERE status = 'voided'").get() as { n: number }).n;
    const total = (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
    expect(voided).toBe(2); // the fixture has a ticket in every status, two of them voided

    expect(upgradeTo(db, 16)).toBe(16);
    expect(allRows(db).tickets).toEqual(before.tickets);
    const indexed = db.prepare("SELECT count(*) AS n FROM tickets INDEXED BY tickets_warning_counts WHERE received_at >= -1e15 AND status <> 'voided'").get() as { n: number };
    expect(indexed.n).toBe(total - 2);

    db.prepare(
      `INSERT INTO warnings (source, category, scope, period, period_key, window_start, window_end, level, count, baseline, threshold,
         protection, peak_count, last_count, last_checked_at, raised_at) VALUES ('auto', '资费计费', 'branch', 'month', '2026-11', 0, 1, 'yellow', 26, 20, 26, 10, 26, 26, 1, 1)`,
    ).run();
    // One open warning per category, scope and period.
    expect(() =>
      db.prepare(
        `INSERT INTO warnings (source, category, scope, period, period_key, window_start, window_end, level, count, protection, peak_count, last_count, last_checked_at, raised_at)
         VALUES ('manual', '资费计费', 'branch', 'month', '2026-12', 0, 1, 'red', 1, 10, 1, 1, 1, 1)`,
      ).run(),
    ).toThrow(/UNIQUE/);
    // Published only once approved; closed only with who and why.
    expect(() => db.prepare('UPDATE warnings SET published_at = 5 WHERE id = 1').run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE warnings SET ended = 'closed', ended_at = 5 WHERE id = 1").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO warning_events (warning_id, at, kind, detail) VALUES (1, 1, 'raised', '{}')").run();
    expect(() => db.prepare("UPDATE warning_events SET detail = '[]'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM warning_events').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM warnings').run()).toThrow(/kept/);
    db.close();
  });
});
