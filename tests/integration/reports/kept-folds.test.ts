/**
 * The report's compared periods are kept between reports (db/kept-folds.ts).
 * Kept or not, each report must count what a fresh one would: a clock of the
 * compared period reaching its due instant, a write on this connection and a
 * commit by another one each change the numbers at once.
 *
 * On the October of fixture.ts, the report of 21 October compares with
 * 20 October, which holds T4 alone (10080, overlevel, in progress, its
 * resolution due on 21 October at 08:00).
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDb, type TestDb } from '../../helpers/temp-db';
import { buildReport } from '../../../src-main/services/reports/report';
import { cn, seedOctober } from './fixture';

let t: TestDb;
afterEach(() => t.close());

const previous = () => {
  const k = buildReport(t.ctx, { range: { from: '2026-10-21', to: '2026-10-21' } }).previous.kpis;
  return { total: k.total, dueCount: k.dueCount, repeat: k.repeat, breached: k.breached };
};

describe('compared periods kept between reports', () => {
  it('change when a clock of theirs falls due, on a write and on a commit by another connection', () => {
    t = tempDb(cn(2026, 10, 21, 7));
    seedOctober(t.ctx);
    expect(previous()).toEqual({ total: 1, dueCount: 0, repeat: 0, breached: 0 });
    t.clock.now = cn(2026, 10, 21, 7, 59);
    expect(previous()).toEqual({ total: 1, dueCount: 0, repeat: 0, breached: 0 });
    t.clock.now = cn(2026, 10, 21, 8, 0); // T4's resolution is missed: due, and breached
    expect(previous()).toEqual({ total: 1, dueCount: 1, repeat: 0, breached: 1 });
    t.clock.now = cn(2026, 10, 21, 9, 0);
    expect(previous()).toEqual({ total: 1, dueCount: 1, repeat: 0, breached: 1 });

    t.db.prepare("UPDATE tickets SET is_repeat = 1 WHERE ticket_no = 'T4'").run();
    expect(previous()).toEqual({ total: 1, dueCount: 1, repeat: 1, breached: 1 });

    const other = new Database(t.file);
    other.prepare("UPDATE tickets SET status = 'voided' WHERE ticket_no = 'T4'").run();
    other.close();
    expect(previous()).toEqual({ total: 0, dueCount: 0, repeat: 0, breached: 0 });
  });

  it('a report taken at an earlier instant than the kept one is counted afresh', () => {
    t = tempDb(cn(2026, 10, 21, 9));
    seedOctober(t.ctx);
    expect(previous().dueCount).toBe(1);
    t.clock.now = cn(2026, 10, 21, 7);
    expect(previous().dueCount).toBe(0);
  });
});
