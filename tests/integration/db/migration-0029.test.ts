/**
 * 0029 (dispatch proposals for imports and transfers): a version-28 database
 * with tickets in every status and a registration proposal keeps both as they
 * were; the proposal gains empty reason columns that take JSON only; the
 * import queue and the transfer proposals start empty and refuse what is not
 * one (an id range backwards, a transfer proposal on no event, no department).
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

describe('migration 0029_dispatch_import_transfer', () => {
  it('keeps what was there and adds the reasons, the import queue and the transfer proposals', () => {
    dir = tempDir();
    const db = emptyAt(dir, 1);
    fillV1(db);
    upgradeTo(db, 28);
    const ticket = (db.prepare('SELECT id FROM tickets ORDER BY id LIMIT 1').get() as { id: number }).id;
    db.prepare(
      `INSERT INTO dispatch_proposals (ticket_id, proposed_at, source, category_id, department, category_taken, department_taken, accepted, model_tickets)
       VALUES (?, 5, 'form', NULL, '网络部', 0, 1, 1, 10)`,
    ).run(ticket);
    const before = allRows(db);
    expect(upgradeTo(db, 29)).toBe(29);
    expect(allRows(db).tickets).toEqual(before.tickets);
    expect(db.prepare('SELECT ticket_id, source, department, accepted, category_reasons, department_reasons FROM dispatch_proposals').all()).toEqual([
      { ticket_id: ticket, source: 'form', department: '网络部', accepted: 1, category_reasons: null, department_reasons: null },
    ]);
    expect(() => db.prepare(`UPDATE dispatch_proposals SET department_reasons = '信号'`).run()).toThrow(/CHECK/);
    db.prepare(`UPDATE dispatch_proposals SET department_reasons = '["信号"]'`).run();

    const queue = db.prepare('INSERT INTO dispatch_import_queue (queued_at, first_id, last_id, next_id) VALUES (1, ?, ?, ?)');
    expect(() => queue.run(5, 4, 5)).toThrow(/CHECK/);
    expect(() => queue.run(5, 9, 11)).toThrow(/CHECK/);
    queue.run(5, 9, 10);

    const event = (db.prepare('SELECT id FROM ticket_events WHERE ticket_id = ? LIMIT 1').get(ticket) as { id: number }).id;
    const transfer = db.prepare(
      `INSERT INTO dispatch_transfer_proposals (event_id, ticket_id, proposed_at, department, department_taken, accepted, model_tickets) VALUES (?, ?, 1, ?, 1, 1, 3)`,
    );
    expect(() => transfer.run(999_999, ticket, '网络部')).toThrow(/FOREIGN KEY/);
    expect(() => transfer.run(event, ticket, ' ')).toThrow(/CHECK/);
    transfer.run(event, ticket, '网络部');
    expect(() => transfer.run(event, ticket, '网络部')).toThrow(/UNIQUE|PRIMARY KEY/);
    db.close();
  });
});
