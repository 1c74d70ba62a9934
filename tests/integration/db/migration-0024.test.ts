/**
 * 0024 (report hour changes): a version-23 database keeps every row as it was
 * and gains an empty table of counts per hour of receipt; from then on a
 * write to a ticket counts in its hour (both hours when receipt moves),
 * while a write that changes nothing a report reads counts nothing.
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

const H = 3_600_000;

describe('migration 0024_report_hour_changes', () => {
  it('keeps every row and counts each later write in the hour of the ticket it touched', () => {
    dir = tempDir();
    const db = emptyAt(dir, 23);
    fillV1(db);
    const before = allRows(db);
    expect(upgradeTo(db, 24)).toBe(24);
    const after = allRows(db);
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
    const counts = () => db.prepare('SELECT hour, n FROM report_hour_changes ORDER BY hour').all();
    expect(counts()).toEqual([]);

    const received = db.prepare('SELECT received_at FROM tickets WHERE id = 1').pluck().get() as number;
    const hour = Math.floor(received / H);
    db.prepare("UPDATE tickets SET description = '另一段描述', updated_at = updated_at + 1 WHERE id = 1").run();
    expect(counts(), 'a column no report reads').toEqual([]);
    db.prepare('UPDATE tickets SET status = status, is_repeat = is_repeat WHERE id = 1').run();
    expect(counts(), 'the same values again').toEqual([]);

    db.prepare('UPDATE tickets SET is_repeat = 1 - is_repeat WHERE id = 1').run();
    expect(counts()).toEqual([{ hour, n: 1 }]);
    db.prepare('UPDATE tickets SET res_missed_at = 123 WHERE id = 1').run();
    expect(counts()).toEqual([{ hour, n: 2 }]);
    db.prepare('UPDATE tickets SET received_at = received_at + 5 * 3600000 WHERE id = 1').run();
    expect(counts(), 'receipt moved: both hours').toEqual([
      { hour, n: 3 },
      { hour: hour + 5, n: 1 },
    ]);
    db.prepare('UPDATE tickets SET received_at = received_at + 60000 WHERE id = 1').run();
    expect(counts(), 'moved within its hour: counted once').toEqual([
      { hour, n: 3 },
      { hour: hour + 5, n: 2 },
    ]);

    db.prepare(`INSERT INTO tickets (ticket_no, channel, received_at, phone, category_id, level, status, description, created_at, created_by, updated_at, version)
      VALUES ('NEW-1', '10086', ?, '13800000000', 2, 'normal', 'new', '新', ?, 1, ?, 1)`).run(received + 30 * H, received, received);
    expect(counts()).toContainEqual({ hour: hour + 30, n: 1 });

    db.prepare('UPDATE tickets SET is_demo = 1 WHERE id = 1').run();
    db.transaction(() => {
      db.prepare('DELETE FROM ticket_clocks WHERE ticket_id = 1').run();
      db.prepare('DELETE FROM alerts WHERE ticket_id = 1').run();
      db.prepare('DELETE FROM ticket_events WHERE ticket_id = 1').run();
      db.prepare('DELETE FROM tickets WHERE id = 1').run();
    })();
    expect(counts()).toContainEqual({ hour: hour + 5, n: 4 }); // marked demo, then deleted
    db.close();
  });
});
