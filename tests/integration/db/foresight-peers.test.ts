/**
 * Foresight's peer groups are kept between calls and moved with the window
 * (db/foresight-peers.ts). Whatever the order of the calls — a window a little
 * later, a jump, a window back in time, a write in between — each answer must
 * be exactly the tickets whose resolution stopped inside that window.
 *
 * The history: 80 tickets of one group (信号覆盖, 网络部), ticket i received at
 * T0 + i h and resolved (i mod 7) + 1 h later, so it stops at T0 + i h + ((i mod 7) + 1) h;
 * and one of another department received at T0 + 1 h and resolved in 5 h.
 * Every one has the 48 h resolution limit of a normal 10086 ticket, so a
 * group lists each ticket's hours ÷ 48 (the share of its limit it used).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, categoryId, tempDb, type TestDb } from '../../helpers/temp-db';
import { signalTickets, type SignalTickets } from '../../helpers/signal-tickets';
import { peerKey, settledPeerGroups } from '../../../src-main/db/foresight-peers';
import type { UserInfo } from '../../../src-main/core/model';

const H = 3_600_000;
const T0 = Date.parse('2026-06-01T00:00:00Z');
let t: TestDb;
let sup: UserInfo;
let tickets: SignalTickets;
const settle = (...a: Parameters<SignalTickets['settle']>) => void tickets.settle(...a);

/** Stop instant and duration (h) of ticket i, as the header says. */
const stopOf = (i: number) => T0 + (i + (i % 7) + 1) * H;
const hoursOf = (i: number) => (i % 7) + 1;
/** The group's shares of the 48 h limit for a window, ascending: worked from the list above, not read from the file. */
function expected(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < 80; i++) if (stopOf(i) >= from && stopOf(i) < to) out.push(hoursOf(i) / 48);
  return out.sort((a, b) => a - b);
}

let key: string;
beforeEach(() => {
  t = tempDb();
  sup = addUser(t.ctx, 'sup', 'supervisor');
  tickets = signalTickets(t, sup);
  for (let i = 0; i < 80; i++) settle(T0 + i * H, hoursOf(i));
  settle(T0 + 1 * H, 5, { department: '客服部' }); // stops at T0 + 6 h
  key = peerKey(categoryId(t.ctx, '网络质量>信号覆盖'), '网络部');
});
afterEach(() => t.close());

describe('foresight peer groups kept between calls', () => {
  it('a small window by hand: stops at 1, 3, 5, 7 h (i = 0, 1, 2, 3) → 1, 2, 3, 4 h of 48; the other department apart', () => {
    const groups = settledPeerGroups(t.db, T0, T0 + 8 * H);
    expect(groups.get(key)).toEqual([1, 2, 3, 4].map((h) => h / 48));
    expect(groups.get(peerKey(categoryId(t.ctx, '网络质量>信号覆盖'), '客服部'))).toEqual([5 / 48]);
    expect([...groups.keys()].sort()).toEqual([key, peerKey(categoryId(t.ctx, '网络质量>信号覆盖'), '客服部')].sort());
  });

  it('moving the window forward a little, by a lot, and back gives each window exactly its tickets', () => {
    const windows: Array<[number, number]> = [
      [T0, T0 + 20 * H],
      [T0 + 1 * H, T0 + 21 * H], // one hour on: a few rows out, a few in
      [T0 + 1 * H, T0 + 21 * H], // the same window again
      [T0 + 2 * H, T0 + 90 * H], // the end jumps past many rows
      [T0 + 70 * H, T0 + 95 * H], // the start jumps past the old end
      [T0 + 30 * H, T0 + 50 * H], // back in time, inside what was read
      [T0 - 5 * H, T0 + 10 * H], // back before what was read
    ];
    for (const [from, to] of windows) expect(settledPeerGroups(t.db, from, to).get(key) ?? []).toEqual(expected(from, to));
  });

  it('a write between two calls is seen: a ticket settled inside the window joins its group', () => {
    expect(settledPeerGroups(t.db, T0, T0 + 8 * H).get(key)).toEqual([1, 2, 3, 4].map((h) => h / 48));
    settle(T0 + 2 * H, 2.5); // stops at T0 + 4.5 h
    expect(settledPeerGroups(t.db, T0, T0 + 8 * H).get(key)).toEqual([1, 2, 2.5, 3, 4].map((h) => h / 48));
  });

  it('every group is found, whatever its category and department: none, an empty one (the same group), named ones; a group with nothing in the window is left out', () => {
    const other = categoryId(t.ctx, '网络质量>上网慢/断网');
    const W0 = T0 + 200 * H;
    settle(W0, 1, { department: undefined }); // 信号覆盖, no department: stops at W0 + 1 h
    settle(W0, 2, { categoryId: other, department: undefined }); // 上网慢/断网, none: W0 + 2 h
    settle(W0, 3, { categoryId: other, department: '网络部' }); // W0 + 3 h
    settle(W0, 4, { categoryId: other, department: '客服部' }); // W0 + 4 h
    settle(W0, 6, { categoryId: other, department: '客服部' }); // W0 + 6 h
    // An empty department is the no-department group (peerKey): written as '' straight into the table.
    settle(W0, 5, { categoryId: other, department: '网络部' });
    t.db.prepare("UPDATE tickets SET department = '' WHERE id = (SELECT max(id) FROM tickets)").run(); // W0 + 5 h, joins 上网慢/断网's none
    const groups = settledPeerGroups(t.db, W0, W0 + 10 * H);
    const signal = categoryId(t.ctx, '网络质量>信号覆盖');
    expect(Object.fromEntries([...groups].map(([k, v]) => [k, [...v]]))).toEqual({
      [peerKey(signal, null)]: [1 / 48],
      [peerKey(other, null)]: [2 / 48, 5 / 48],
      [peerKey(other, '网络部')]: [3 / 48],
      [peerKey(other, '客服部')]: [4 / 48, 6 / 48],
    });
  });
});
