/**
 * 0004 (report outcomes): tickets of the previous shape get their clock
 * outcomes from the clocks they have; afterwards every clock write keeps them
 * in step (db/clock-store.ts), whoever makes it.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../src-main/db/migrate';
import { MIGRATIONS } from '../../../src-main/db/migrations';
import { backfillClocks } from '../../../src-main/db/clock-backfill';
import { addUser, categoryId, tempDb, tempDir, type TestDb } from '../../helpers/temp-db';
import { actOnTicket, createTicket, getTicket } from '../../../src-main/services/tickets';

const H = 3_600_000;
const outcome = (db: Database.Database, id: number) =>
  db.prepare('SELECT fr_missed_at AS fr, res_missed_at AS res, res_met_at AS met, fu_missed_at AS fu FROM tickets WHERE id = ?').get(id);

let dir: string | null = null;
let t: TestDb | null = null;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  t?.close();
  dir = null;
  t = null;
});

describe('migration 0004_report_outcomes', () => {
  it('fills the outcomes of existing tickets from their clocks, leaving everything else as it was', () => {
    dir = tempDir();
    const db = new Database(path.join(dir, 'desk.db'));
    migrate(db, MIGRATIONS.slice(0, 3));
    db.prepare("INSERT INTO categories (name) VALUES ('宽带')").run();
    const add = db.prepare(`INSERT INTO tickets (ticket_no, channel, received_at, phone, category_id, level, status, description,
        first_response_at, resolved_at, created_at, updated_at) VALUES (?, '10086', ?, '13800000000', 1, 'normal', ?, '断网', ?, ?, 0, 0)`);
    add.run('late', 0, 'resolved', 5 * H, 50 * H); // respond 4 h, resolve 48 h: both missed; follow-up running since 50 h
    add.run('ok', 0, 'resolved', 1 * H, 10 * H);
    add.run('open', 0, 'in_progress', 1 * H, null);
    backfillClocks(db);
    const before = db.prepare('SELECT id, status, resolved_at FROM tickets ORDER BY id').all();
    expect(migrate(db, MIGRATIONS.slice(0, 4))).toBe(4);
    expect(db.prepare('SELECT id, status, resolved_at FROM tickets ORDER BY id').all()).toEqual(before);
    expect(outcome(db, 1)).toEqual({ fr: 4 * H, res: 48 * H, met: null, fu: 74 * H });
    expect(outcome(db, 2)).toEqual({ fr: null, res: null, met: 10 * H, fu: 34 * H });
    // Still open: missed at its due time unless it stops before.
    expect(outcome(db, 3)).toEqual({ fr: null, res: 48 * H, met: null, fu: null });
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT count(*), sum(res_met_at <= 1) FROM tickets WHERE received_at >= 0 AND received_at < 9').all();
    expect(JSON.stringify(plan)).toMatch(/COVERING INDEX tickets_report/);
    db.close();
  });

  it('the outcomes follow the clocks as tickets are worked', () => {
    t = tempDb();
    const sup = addUser(t.ctx, 'sup', 'supervisor', '客服中心');
    const received = t.clock.now;
    const tk = createTicket(t.ctx, sup, {
      channel: '10086',
      receivedAt: received,
      phone: '13812345678',
      categoryId: categoryId(t.ctx, '网络质量>信号覆盖'),
      level: 'normal',
      description: '信号差',
    }).ticket;
    expect(outcome(t.db, tk.id)).toEqual({ fr: received + 4 * H, res: received + 48 * H, met: null, fu: null });
    const act = (action: Parameters<typeof actOnTicket>[4]) => actOnTicket(t!.ctx, sup, tk.id, getTicket(t!.ctx, sup, tk.id).version, action);
    t.clock.advance(H);
    act({ type: 'accept' });
    act({ type: 'respond', note: '已联系' });
    t.clock.advance(H);
    act({ type: 'resolve', note: '已修复' });
    // Responded after 1 h and resolved after 2 h: both met; the follow-up clock now runs (24 h).
    expect(outcome(t.db, tk.id)).toEqual({ fr: null, res: null, met: received + 2 * H, fu: received + 26 * H });
    act({ type: 'reopen', reason: '又断了' });
    // Reopened: a new resolution cycle from the reopening, and no follow-up until it is resolved again.
    expect(outcome(t.db, tk.id)).toEqual({ fr: null, res: received + 2 * H + 48 * H, met: null, fu: null });
  });
});
