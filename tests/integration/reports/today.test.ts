/**
 * Today's numbers (reports/today): the counts of the day and of the month so
 * far, worked out by hand on the October of fixture.ts, and the same numbers
 * as the month-to-date report on six months of seeded tickets at several instants.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDb, type TestDb } from '../../helpers/temp-db';
import { todayNumbers } from '../../../src-main/services/reports/today';
import { buildReport } from '../../../src-main/services/reports/report';
import { seedTickets } from '../../../src-main/services/seed';
import { NOW, cn, seedOctober } from './fixture';

let t: TestDb;
afterEach(() => t.close());

describe("Today's numbers, by hand", () => {
  it('on 31 October at 23:50: T3 came today; October so far is the whole month of the report test', () => {
    t = tempDb(cn(2026, 10, 31, 23, 50));
    seedOctober(t.ctx);
    const n = todayNumbers(t.ctx);
    expect(n.day).toBe('2026-10-31');
    // received today: T3 (23:30); in October: T1 T2 T3 T4 T5 T10 (T6 voided, T7 September, T8 November)
    expect(n.receivedToday).toBe(1);
    expect(n.total).toBe(6);
    // resolved or closed: T1 T2 T5 T10; due: those four and T4 (10080, due 21 Oct); in time: T1 T5 T10
    expect([n.resolved, n.dueCount, n.onTime]).toEqual([4, 5, 3]);
    expect(n.timelinessRate).toBeCloseTo(0.6, 10);
    expect(n.repeat).toBe(1); // T2
    expect(n.repeatRate).toBeCloseTo(1 / 6, 10);
    expect(n.targets).toEqual([
      { kpi: 'timelinessRate', op: '>=', value: 0.9, met: false },
      { kpi: 'repeatRate', op: '<', value: 0.05, met: false },
    ]);
  });

  it('on 2 November: nothing today, November so far is T8 alone, not yet due — timeliness has no value', () => {
    t = tempDb(NOW);
    seedOctober(t.ctx);
    const n = todayNumbers(t.ctx);
    expect(n.day).toBe('2026-11-02');
    expect([n.receivedToday, n.total, n.resolved, n.dueCount, n.onTime, n.repeat]).toEqual([0, 1, 0, 0, 0, 0]);
    expect(n.timelinessRate).toBeNull();
    expect(n.repeatRate).toBe(0);
    expect(n.targets.map((x) => x.met)).toEqual([null, true]);
  });

  it('an empty database: zeros, no rates', () => {
    t = tempDb(NOW);
    const n = todayNumbers(t.ctx);
    expect([n.receivedToday, n.total, n.resolved, n.dueCount, n.onTime, n.repeat]).toEqual([0, 0, 0, 0, 0, 0]);
    expect([n.timelinessRate, n.repeatRate]).toEqual([null, null]);
  });
});

describe("Today's numbers and the month-to-date report", () => {
  it('agree on six months of seeded tickets, at the start, middle and end of a day and of a month', () => {
    t = tempDb(Date.parse('2026-11-20T02:00:00Z'));
    seedTickets(t.ctx, null, { tickets: 6000, months: 6, seed: 11 });
    const checked: number[] = [];
    for (const at of [cn(2026, 11, 20, 10), cn(2026, 11, 1, 0, 5), cn(2026, 10, 31, 23, 59), cn(2026, 10, 15, 12), cn(2026, 9, 30, 8)]) {
      t.clock.now = at;
      const n = todayNumbers(t.ctx);
      const month = buildReport(t.ctx, { range: { from: `${n.day.slice(0, 8)}01`, to: n.day } });
      const day = buildReport(t.ctx, { range: { from: n.day, to: n.day } });
      const r = { receivedToday: day.total, total: month.total, resolved: month.resolved, dueCount: month.dueCount, onTime: month.onTime, repeat: month.repeat };
      expect({ receivedToday: n.receivedToday, total: n.total, resolved: n.resolved, dueCount: n.dueCount, onTime: n.onTime, repeat: n.repeat }, n.day).toEqual(r);
      expect([n.timelinessRate, n.repeatRate]).toEqual([month.timelinessRate, month.repeatRate]);
      expect(n.targets).toEqual(month.targets.filter((x) => x.kpi === 'timelinessRate' || x.kpi === 'repeatRate'));
      checked.push(n.total);
    }
    expect(checked.filter((x) => x > 100).length).toBeGreaterThanOrEqual(4);
  });
});

describe("Today's numbers are never stale", () => {
  it('a write on this connection, a commit by another one and a clock reaching its due instant each change them', () => {
    // 21 October 07:00: T4 (10080, received 20 October 08:00) is due at 08:00.
    t = tempDb(cn(2026, 10, 21, 7));
    seedOctober(t.ctx);
    const before = todayNumbers(t.ctx);
    // received by then: T1 T2 T4 T5 (T6 voided); resolved and so due: T1 T2 T5, in time T1 T5; T4 still running
    expect([before.total, before.resolved, before.dueCount, before.onTime, before.repeat]).toEqual([4, 3, 3, 2, 1]);

    t.clock.now = cn(2026, 10, 21, 7, 59);
    expect(todayNumbers(t.ctx).dueCount).toBe(3);
    t.clock.now = cn(2026, 10, 21, 8, 0); // T4's resolution is missed: due, not on time
    expect(todayNumbers(t.ctx).dueCount).toBe(4);

    t.db.prepare("UPDATE tickets SET is_repeat = 1 WHERE ticket_no = 'T1'").run();
    expect(todayNumbers(t.ctx).repeat).toBe(2);

    const other = new Database(t.file);
    other.prepare("UPDATE tickets SET status = 'voided' WHERE ticket_no = 'T5'").run();
    other.close();
    expect(todayNumbers(t.ctx).total).toBe(3);
  });

  it('a write inside a transaction that is rolled back is forgotten with it; a write to a ticket of another month leaves them too', () => {
    t = tempDb(cn(2026, 10, 21, 7));
    seedOctober(t.ctx);
    const counts = () => {
      const n = todayNumbers(t.ctx);
      return [n.total, n.resolved, n.dueCount, n.onTime, n.repeat];
    };
    expect(counts()).toEqual([4, 3, 3, 2, 1]);
    // Inside the transaction the numbers see its write; after the rollback, the numbers before it.
    t.db.exec('BEGIN');
    t.db.prepare("UPDATE tickets SET is_repeat = 1 WHERE ticket_no = 'T1'").run();
    expect(counts()).toEqual([4, 3, 3, 2, 2]);
    t.db.exec('ROLLBACK');
    // The same count of writes again at once, to a different ticket: counted afresh, not the rolled-back numbers.
    t.db.prepare("UPDATE tickets SET status = 'voided' WHERE ticket_no = 'T5'").run();
    expect(counts()).toEqual([3, 2, 2, 1, 1]);
    t.db.prepare("UPDATE tickets SET status = 'resolved' WHERE ticket_no = 'T5'").run();
    expect(counts()).toEqual([4, 3, 3, 2, 1]);
    const sept = cn(2026, 9, 30, 10);
    // T1 (resolved in time, not a repeat) leaves October: one fewer received, resolved, due and in time.
    t.db.prepare("UPDATE tickets SET received_at = ? WHERE ticket_no = 'T1'").run(sept);
    expect(counts()).toEqual([3, 2, 2, 1, 1]);
    t.db.prepare("UPDATE tickets SET is_repeat = 1 WHERE ticket_no = 'T1'").run(); // September: no change here
    expect(counts()).toEqual([3, 2, 2, 1, 1]);
  });
});
