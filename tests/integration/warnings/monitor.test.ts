/**
 * When the warning check runs by itself: at start, after an import that wrote
 * tickets (a moment later, not inside the import), and daily at 00:05 China time.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TestDb } from '../../helpers/temp-db';
import { WARNING_SETTINGS_KEY } from '../../../src-main/services/warnings';
import { WarningMonitor } from '../../../src-main/services/warning-monitor';
import { WarningStore } from '../../../src-main/db/warning-store';
import { zonedInstant } from '../../../src-main/core/time';
import { addTickets, sixMonths } from './history';

const NOV_30_23H = zonedInstant('Asia/Shanghai', 2026, 11, 30, 23);

let t: TestDb;
let timers: Array<{ fn: () => void; ms: number }>;
let monitor: WarningMonitor;
beforeEach(() => {
  t = tempDb(NOV_30_23H);
  timers = [];
  t.ctx.settings.set(WARNING_SETTINGS_KEY, { categories: ['资费计费'] }, t.clock.now, null);
  sixMonths(t.ctx, '资费计费', 20);
  monitor = new WarningMonitor(t.ctx, { setTimer: (fn, ms) => timers.push({ fn, ms }), clearTimer: () => {} });
});
afterEach(() => {
  monitor.stop();
  t.close();
});

const warnings = () => new WarningStore(t.db).raisedBetween(0, Number.MAX_SAFE_INTEGER);

describe('warning monitor', () => {
  it('checks at start and sleeps towards 00:05 the next China-time day, across the month end', () => {
    addTickets(t.ctx, '资费计费', 27, [2026, 11, 5]);
    expect(monitor.start()?.raised).toHaveLength(1);
    expect(monitor.nextDaily()).toBe(zonedInstant('Asia/Shanghai', 2026, 12, 1, 0, 5));
    // One hour and five minutes away, slept at most an hour at a time.
    expect(timers.map((x) => x.ms)).toEqual([3_600_000]);
    t.clock.advance(3_600_000);
    timers.shift()!.fn();
    expect(timers.map((x) => x.ms)).toEqual([5 * 60_000]);
    t.clock.advance(5 * 60_000);
    timers.shift()!.fn();
    // December's first check: November's warning is over.
    expect(warnings()[0]).toMatchObject({ ended: 'recovered', endReason: 'period_over' });
    expect(monitor.nextDaily()).toBe(zonedInstant('Asia/Shanghai', 2026, 12, 2, 0, 5));
  });

  it('checks again a moment after an import wrote tickets, not during it', () => {
    monitor.start();
    timers.length = 0;
    addTickets(t.ctx, '资费计费', 27, [2026, 11, 5]);
    t.ctx.bus.emit('tickets-imported', { count: 27 });
    t.ctx.bus.emit('tickets-imported', { count: 1 }); // a second import before the check: one check
    expect(warnings()).toEqual([]);
    expect(timers.map((x) => x.ms)).toEqual([0]);
    timers.shift()!.fn();
    expect(warnings().map((w) => [w.period, w.count, w.level])).toEqual([['month', 27, 'yellow']]);
  });

  it('a check that fails is logged and the console carries on', () => {
    const logged: string[] = [];
    monitor.stop();
    monitor = new WarningMonitor(t.ctx, { setTimer: (fn, ms) => timers.push({ fn, ms }), clearTimer: () => {}, log: (l) => logged.push(l) });
    t.ctx.settings.set(WARNING_SETTINGS_KEY, { categories: ['卫星电话'] }, t.clock.now, null);
    expect(monitor.start()).toBeNull();
    expect(logged[0]).toMatch(/warning check \(start\) failed.*unknown_category/);
  });
});
