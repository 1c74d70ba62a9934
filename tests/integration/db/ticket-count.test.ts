/**
 * The unfiltered ticket list's total is read from ticket_count, which triggers
 * keep (migration 0015): it must be the number of tickets after every kind of
 * write — seeding, a ticket entered, a refused delete, a commit by another
 * connection — and an upgraded database starts from its real count.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { seedTickets } from '../../../src-main/services/seed';
import { createTicket } from '../../../src-main/services/tickets';
import { migrate } from '../../../src-main/db/migrate';
import { MIGRATIONS } from '../../../src-main/db/migrations';
import { addUser, categoryId, tempDb, tempDir, type TestDb } from '../../helpers/temp-db';

let t: TestDb;
afterEach(() => t?.close());

const listTotal = () => t.ctx.read.tickets.page({ offset: 0, limit: 10 }, t.clock.now).total;

describe('the unfiltered total', () => {
  it('follows seeding, a new ticket, a refused delete and another connection’s insert', () => {
    t = tempDb();
    expect(listTotal()).toBe(0);
    seedTickets(t.ctx, null, { tickets: 250, seed: 3, months: 2 });
    expect(listTotal()).toBe(250);
    const sup = addUser(t.ctx, 'sup', 'supervisor');
    createTicket(t.ctx, sup, {
      channel: '10086',
      receivedAt: t.clock.now,
      phone: '13812345678',
      categoryId: categoryId(t.ctx, '网络质量>信号覆盖'),
      level: 'normal',
      description: '信号差',
    });
    expect(listTotal()).toBe(251);
    // Tickets are voided, never deleted: the database refuses it, and the count stays.
    expect(() => t.db.prepare('DELETE FROM tickets WHERE id = 1').run()).toThrow(/never deleted/);
    expect(listTotal()).toBe(251);
    const other = new Database(t.file);
    other.prepare("INSERT INTO tickets (ticket_no, channel, received_at, phone, category_id, level, status, description, created_at, updated_at) SELECT 'X1', channel, received_at, phone, category_id, level, status, description, created_at, updated_at FROM tickets WHERE id = 1").run();
    other.close();
    expect(listTotal()).toBe(252);
    expect(t.db.prepare('SELECT count(*) FROM tickets').pluck().get()).toBe(252);
  });

  it('an older database upgraded starts from the number of tickets it holds', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.db');
    t = tempDb();
    seedTickets(t.ctx, null, { tickets: 40, seed: 5, months: 1 });
    t.db.pragma('wal_checkpoint(TRUNCATE)');
    // The same tickets in a database at version 14: copy the file, drop what 0015 made, set the version back, and upgrade by 0015 alone
    // (the later migrations' objects are in the copy already).
    fs.copyFileSync(t.file, file);
    const old = new Database(file);
    old.exec('DROP TRIGGER ticket_count_insert; DROP TABLE ticket_count; PRAGMA user_version = 14;');
    expect(migrate(old, MIGRATIONS.slice(0, 15))).toBe(15);
    expect(old.prepare('SELECT n FROM ticket_count').pluck().get()).toBe(40);
    old.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
