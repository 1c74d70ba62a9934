/**
 * 0023 (demo tickets): a version-22 database with tickets in every status and
 * refunds in every status gains the is_demo mark (0 on every ticket, nothing
 * else changed); real tickets, their history and refunds are still never
 * deleted, while a ticket marked demo goes with its rows, the kept ticket
 * count and the phone index following it.
 */
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { allRows, emptyAt, fillRefundsV3, fillV1, upgradeTo } from './old-databases';
import { tempDir } from '../../helpers/temp-db';

let dir: string | null = null;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('migration 0023_demo_tickets', () => {
  it('marks no existing ticket as demo and keeps every other row as it was', () => {
    dir = tempDir();
    const db = emptyAt(dir, 22);
    fillV1(db);
    fillRefundsV3(db);
    const before = allRows(db);
    expect(upgradeTo(db, 23)).toBe(23);
    const after = allRows(db);
    expect(after.tickets).toEqual((before.tickets as Array<Record<string, unknown>>).map((t) => ({ ...t, is_demo: 0 })));
    for (const table of Object.keys(before).filter((name) => name !== 'tickets')) expect(after[table], table).toEqual(before[table]);
    expect(() => db.prepare('UPDATE tickets SET is_demo = 2 WHERE id = 1').run()).toThrow(/CHECK/);
    db.close();
  });

  it('still refuses to delete a real ticket, its history or its refunds, and lets a demo ticket go with all of them', () => {
    dir = tempDir();
    const db = emptyAt(dir, 22);
    fillV1(db);
    fillRefundsV3(db);
    upgradeTo(db, 23);
    const count = () => (db.prepare('SELECT n FROM ticket_count').get() as { n: number }).n;
    const phoneHits = (digits: string) => (db.prepare('SELECT count(*) AS n FROM ticket_phone_search WHERE ticket_phone_search MATCH ?').get(`"${digits}"`) as { n: number }).n;
    const total = count();
    const phone7 = (db.prepare('SELECT replace(phone, \'-\', \'\') AS p FROM tickets WHERE id = 7').get() as { p: string }).p;
    const hitsBefore = phoneHits(phone7);

    expect(() => db.prepare('DELETE FROM refund_events WHERE ticket_id = 7').run()).toThrow(/refund history is append-only/);
    expect(() => db.prepare('DELETE FROM refunds WHERE ticket_id = 7 AND reverses_id IS NOT NULL').run()).toThrow(/refund entries are never deleted/);
    expect(() => db.prepare('DELETE FROM ticket_events WHERE ticket_id = 7').run()).toThrow(/ticket history is append-only/);
    expect(() => db.prepare('DELETE FROM tickets WHERE id = 1').run()).toThrow(/tickets are never deleted/);

    db.prepare('UPDATE tickets SET is_demo = 1 WHERE id = 7').run();
    db.transaction(() => {
      for (const sql of [
        'DELETE FROM refund_events WHERE ticket_id = 7',
        'DELETE FROM refunds WHERE ticket_id = 7 AND reverses_id IS NOT NULL',
        'DELETE FROM refunds WHERE ticket_id = 7',
        'DELETE FROM ticket_clocks WHERE ticket_id = 7',
        'DELETE FROM alerts WHERE ticket_id = 7',
        'DELETE FROM ticket_events WHERE ticket_id = 7',
        'DELETE FROM tickets WHERE id = 7',
      ])
        db.prepare(sql).run();
    })();
    expect(db.prepare('SELECT count(*) AS n FROM tickets WHERE id = 7').get()).toEqual({ n: 0 });
    expect(count()).toBe(total - 1);
    expect(phoneHits(phone7)).toBe(hitsBefore - 1);
    // Ticket 6's refunds and history are all still there.
    expect(db.prepare('SELECT count(*) AS n FROM refunds WHERE ticket_id = 6').get()).toEqual({ n: 3 });
    db.close();
  });
});
