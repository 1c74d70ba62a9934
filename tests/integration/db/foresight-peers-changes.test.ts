/**
 * The kept peer groups take a write in as the rows it changed
 * (db/foresight-peers.ts, migration 0026), not by reading everything again.
 * Whatever the writes, each answer must be exactly what a fresh read gives:
 * here "fresh" is the definition itself — every settled resolution clock
 * (stopped, not cancelled, its ticket not voided) stopped in the window,
 * grouped by category and department — asked of the tickets and clocks, and
 * also a newly opened connection's answer. Both are compared after each
 * change: settles, new open tickets, a reopen and its second resolution, a
 * transfer, a department and a category changed, voids, a cancelled clock, a
 * commit by another connection, a transaction rolled back, demo tickets
 * removed, and the window moving between writes. A few answers are also
 * worked by hand: every ticket here is a normal 10086 one with a 48 h
 * resolution limit, so a group lists each ticket's hours ÷ 48.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, categoryId, tempDb, type TestDb } from '../../helpers/temp-db';
import { signalTickets, type SignalTickets } from '../../helpers/signal-tickets';
import { removeDemo } from '../../../src-main/services/demo';
import { peerKey, settledPeerGroups } from '../../../src-main/db/foresight-peers';
import { openDatabase, type Db } from '../../../src-main/db/open';
import type { UserInfo } from '../../../src-main/core/model';

const H = 3_600_000;
const T0 = Date.parse('2026-06-01T00:00:00Z');
let t: TestDb;
let sup: UserInfo;
let admin: UserInfo;
let tickets: SignalTickets;
const others: Db[] = [];
const open = (...a: Parameters<SignalTickets['open']>) => tickets.open(...a);
const act = (...a: Parameters<SignalTickets['act']>) => tickets.act(...a);
const resolve = (...a: Parameters<SignalTickets['resolve']>) => tickets.resolve(...a);
const settle = (...a: Parameters<SignalTickets['settle']>) => tickets.settle(...a);

/** The definition, asked of the tickets and clocks: what the kept groups must equal (each ticket's time ÷ its limit). */
function definition(db: Db, from: number, to: number): Record<string, number[]> {
  const rows = db
    .prepare(
      `SELECT t.category_id AS c, t.department AS d, c.stopped_at - c.started_at AS ms, c.due_at - c.started_at AS lim
       FROM ticket_clocks c JOIN tickets t ON t.id = c.ticket_id
       WHERE c.clock = 'resolution' AND c.subject_id = 0 AND c.cancelled = 0 AND c.stopped_at IS NOT NULL
         AND c.stopped_at >= ? AND c.stopped_at < ? AND c.due_at > c.started_at AND t.status <> 'voided'`,
    )
    .all(from, to) as Array<{ c: number; d: string | null; ms: number; lim: number }>;
  const out: Record<string, number[]> = {};
  for (const r of rows) (out[peerKey(r.c, r.d)] ??= []).push(r.ms / r.lim);
  for (const list of Object.values(out)) list.sort((a, b) => a - b);
  return out;
}
const asRecord = (groups: Map<string, readonly number[]>) => Object.fromEntries([...groups].map(([k, v]) => [k, [...v]]));

/** The windows every check asks in turn, so the kept groups also move between writes. */
const WINDOWS: Array<[number, number]> = [
  [T0, T0 + 400 * H],
  [T0 + 10 * H, T0 + 420 * H],
  [T0 + 50 * H, T0 + 100 * H],
];
function expectExact(): void {
  const fresh = openDatabase(t.file);
  others.push(fresh);
  for (const [from, to] of WINDOWS) {
    const want = definition(t.db, from, to);
    expect(asRecord(settledPeerGroups(t.db, from, to)), `kept, [${from - T0}, ${to - T0})`).toEqual(want);
    expect(asRecord(settledPeerGroups(fresh, from, to)), `a new connection, [${from - T0}, ${to - T0})`).toEqual(want);
  }
}
/** One group's shares in the first window, as read through the kept groups. */
const shares = (key: string) => [...(settledPeerGroups(t.db, ...WINDOWS[0]!).get(key) ?? [])];
/** Hours of a 48 h limit, as the groups list them. */
const of48 = (...hours: number[]) => hours.map((h) => h / 48);

let signal: string;
let signalService: string;
let coverage: number;
let billing: number;
let history: number[];
beforeEach(() => {
  t = tempDb();
  sup = addUser(t.ctx, 'sup', 'supervisor');
  tickets = signalTickets(t, sup);
  admin = addUser(t.ctx, 'admin', 'admin');
  coverage = categoryId(t.ctx, '网络质量>信号覆盖');
  billing = categoryId(t.ctx, '资费计费>资费争议');
  signal = peerKey(coverage, '网络部');
  signalService = peerKey(coverage, '客服部');
  // Ticket i of 30, received at T0 + 10 i h, resolved (i mod 5) + 1 h later; every third one in 客服部.
  history = Array.from({ length: 30 }, (_, i) => settle(T0 + i * 10 * H, (i % 5) + 1, i % 3 === 2 ? { department: '客服部' } : {}));
});
afterEach(() => {
  for (const db of others.splice(0)) db.close();
  t.close();
});

describe('kept peer groups after writes', () => {
  it('equal the definition and a new connection after each kind of change', () => {
    expectExact();
    // i = 0, 1, 3, 4, 6, 7, … 28 (not 客服部), durations (i mod 5) + 1 h: four of each.
    expect(shares(signal)).toEqual(of48(1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5));

    settle(T0 + 305 * H, 2.5); // a new ticket settles
    open(T0 + 306 * H); // one stays open
    expectExact();
    expect(shares(signal).filter((s) => s === 2.5 / 48)).toHaveLength(1);

    // Ticket 0 (1 h) reopened: it leaves; resolved again 7 h after the reopen: back with 7 h.
    t.clock.now = T0 + 320 * H;
    act(history[0]!, { type: 'reopen', reason: '客户不满意' });
    expectExact();
    expect(shares(signal).filter((s) => s === 1 / 48)).toHaveLength(3);
    resolve(history[0]!, T0 + 327 * H);
    expectExact();
    expect(shares(signal)).toContain(7 / 48);

    // A transfer while open, then settled: it counts in 客服部.
    const moved = open(T0 + 330 * H);
    act(moved, { type: 'accept' });
    act(moved, { type: 'transfer', department: '客服部', assigneeId: null, reason: '转客服' });
    resolve(moved, T0 + 339 * H);
    expectExact();
    expect(shares(signalService)).toContain(9 / 48);

    // A settled ticket's department and another's category changed in place (as a repair would).
    t.db.prepare(`UPDATE tickets SET department = '客服部' WHERE id = ?`).run(history[1]);
    t.db.prepare('UPDATE tickets SET category_id = ? WHERE id = ?').run(billing, history[3]);
    t.db.prepare('UPDATE tickets SET department = NULL WHERE id = ?').run(history[4]);
    expectExact();
    expect(shares(peerKey(billing, '网络部'))).toEqual(of48(4));

    // Voided: a settled ticket and an open one; a clock cancelled.
    t.clock.now = T0 + 340 * H;
    act(history[6]!, { type: 'void', reason: '重复工单' });
    act(open(T0 + 340 * H), { type: 'void', reason: '录错' });
    t.db.prepare(`UPDATE ticket_clocks SET cancelled = 1 WHERE ticket_id = ? AND clock = 'resolution'`).run(history[7]);
    expectExact();
  });

  it('see a commit by another connection and forget a transaction rolled back', () => {
    expectExact();
    const cli = openDatabase(t.file);
    others.push(cli);
    cli.prepare(`UPDATE tickets SET department = '市场部' WHERE id = ?`).run(history[9]);
    expect(shares(peerKey(coverage, '市场部'))).toEqual(of48(5));
    expectExact();

    // Inside a transaction the answer holds its own writes; after the rollback they are gone, and a later write is seen.
    expect(() =>
      t.db.transaction(() => {
        t.db.prepare(`UPDATE tickets SET department = '计费中心' WHERE id = ?`).run(history[10]);
        expect(shares(peerKey(coverage, '计费中心'))).toEqual(of48(1));
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(shares(peerKey(coverage, '计费中心'))).toEqual([]);
    t.db.prepare(`UPDATE tickets SET department = '政企部' WHERE id = ?`).run(history[12]);
    expect(shares(peerKey(coverage, '政企部'))).toEqual(of48(3));
    expectExact();
  });

  it('let demo tickets go when they are removed, and read again from an earlier window', () => {
    expectExact();
    t.db.prepare('UPDATE tickets SET is_demo = 1 WHERE id IN (?, ?)').run(history[13], history[14]);
    removeDemo(t.ctx, admin);
    expectExact();
    // A window starting before what was read, then a later one again.
    expect(asRecord(settledPeerGroups(t.db, T0 - 100 * H, T0 + 400 * H))).toEqual(definition(t.db, T0 - 100 * H, T0 + 400 * H));
    settle(T0 + 350 * H, 6);
    expectExact();
  });
});
