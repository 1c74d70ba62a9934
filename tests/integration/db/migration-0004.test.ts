/**
 * 0004 (report outcomes): tickets of a version-3 database — one in every
 * status, with their clocks and refunds — get their clock outcomes from the
 * clocks they have; afterwards every clock write keeps them in step
 * (db/clock-store.ts), whoever makes it.
 */
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { addUser, categoryId, tempDb, tempDir, PINNED_NOW, type TestDb } from '../../helpers/temp-db';
import { actOnTicket, createTicket, getTicket } from '../../../src-main/services/tickets';
import { H, OUTCOMES_OF_EVERY_STATUS, allRows, emptyAt, fillRefundsV3, fillV1, upgradeTo } from './old-databases';

const OUTCOMES = 'fr_missed_at AS fr, res_missed_at AS res, res_met_at AS met, fu_missed_at AS fu';
const outcome = (db: Database.Database, id: number) => db.prepare(`SELECT ${OUTCOMES} FROM tickets WHERE id = ?`).get(id);
const h = (ms: number | null) => (ms === null ? null : (ms - PINNED_NOW) / H);

let dir: string | null = null;
let db: Database.Database | null = null;
let t: TestDb | null = null;
afterEach(() => {
  db?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  t?.close();
  dir = null;
  db = null;
  t = null;
});

describe('migration 0004_report_outcomes', () => {
  it('fills the outcomes of existing tickets from their own clocks, leaving every other row and column as it was', () => {
    dir = tempDir();
    db = emptyAt(dir, 1);
    fillV1(db);
    upgradeTo(db, 3);
    fillRefundsV3(db);
    const before = allRows(db);

    expect(upgradeTo(db, 4)).toBe(4);
    const rows = db.prepare(`SELECT ${OUTCOMES} FROM tickets ORDER BY id`).all() as Array<Record<'fr' | 'res' | 'met' | 'fu', number | null>>;
    expect(rows.map((r) => [h(r.fr), h(r.res), h(r.met), h(r.fu)])).toEqual(OUTCOMES_OF_EVERY_STATUS);
    const after = allRows(db);
    const withoutOutcomes = (after.tickets as Array<Record<string, unknown>>).map(
      ({ fr_missed_at: _a, res_missed_at: _b, res_met_at: _c, fu_missed_at: _d, ...rest }) => rest,
    );
    expect({ ...after, tickets: withoutOutcomes }).toEqual(before);

    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT count(*), sum(res_met_at <= 1) FROM tickets WHERE received_at >= 0 AND received_at < 9').all();
    expect(JSON.stringify(plan)).toMatch(/COVERING INDEX tickets_report/);
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
