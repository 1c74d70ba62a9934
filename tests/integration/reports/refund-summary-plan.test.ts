/**
 * The refund summary of a report reads the range's approved entries through
 * refunds_decided and each one's execution clock through ticket_clocks_refund
 * (migration 0005), not every entry ever approved and every clock; the ticket
 * row only when a filter needs it. Found on a million tickets, where the old
 * plan took most of a monthly report.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TestDb } from '../../helpers/temp-db';
import { buildReport } from '../../../src-main/services/reports/report';
import { monthRange } from '../../../src-main/core/reports/period';
import { seedTickets } from '../../../src-main/services/seed';
import type { Db } from '../../../src-main/db/open';

let t: TestDb;
beforeEach(() => {
  t = tempDb(Date.parse('2026-11-20T02:00:00Z'));
});
afterEach(() => t.close());

/** Every statement the report prepares, with its query plan. */
function plansOf(db: Db, run: () => void): string[] {
  const prepare = db.prepare.bind(db);
  const plans: string[] = [];
  db.prepare = ((sql: string) => {
    if (/FROM refunds r/.test(sql)) plans.push(JSON.stringify(prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ from: 0, to: 1, now: 2, fd0: 'x' })));
    return prepare(sql);
  }) as typeof db.prepare;
  try {
    run();
  } finally {
    db.prepare = prepare;
  }
  return plans;
}

describe('the refund summary', () => {
  it('reads the range through the indexes of migration 0005, and the ticket only to filter', () => {
    const [plain] = plansOf(t.db, () => buildReport(t.ctx, { range: monthRange('2026-10')! }));
    expect(plain).toMatch(/USING COVERING INDEX refunds_decided \(status=\? AND decided_at>\? AND decided_at<\?\)/);
    expect(plain).toMatch(/ticket_clocks_refund/);
    expect(plain).not.toMatch(/SEARCH t /);
    const [filtered] = plansOf(t.db, () => buildReport(t.ctx, { range: monthRange('2026-10')!, filters: { district: ['禅城区'] } }));
    expect(filtered).toMatch(/refunds_decided/);
    expect(filtered).toMatch(/SEARCH t USING INTEGER PRIMARY KEY/);
  });

  it('still finds each refund clock’s own due time', () => {
    seedTickets(t.ctx, null, { tickets: 3000, months: 3, seed: 5 });
    const r = buildReport(t.ctx, { range: monthRange('2026-10')! });
    // The same counts read the slow way: every approved entry, its clock by the full key.
    const slow = t.db
      .prepare(
        `SELECT count(*) AS approved, sum(executed_at IS NOT NULL OR due <= @now) AS due, sum(executed_at IS NOT NULL AND executed_at <= due) AS inTime
         FROM (SELECT r.executed_at, coalesce((SELECT k.due_at FROM ticket_clocks k WHERE k.ticket_id = r.ticket_id AND k.clock = 'refund' AND k.subject_id = r.id),
                 r.decided_at + 259200000) AS due
               FROM refunds r NOT INDEXED WHERE r.reverses_id IS NULL AND r.status IN ('approved', 'executed') AND r.decided_at >= @from AND r.decided_at < @to)`,
      )
      .get({ from: r.fromMs, to: r.toMs, now: r.at }) as { approved: number; due: number; inTime: number };
    expect(slow.approved).toBeGreaterThan(10);
    expect(r.refunds.total).toMatchObject({ approved: slow.approved, due: slow.due, executedInTime: slow.inTime });
  });
});
