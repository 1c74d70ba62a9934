/**
 * The report's refunds by type: entries approved in a range (decided_at,
 * status approved or executed, reversals not entries of their own) of
 * tickets that pass the report's filters, with how many were executed, fell
 * due by `now` and were executed in time. The limit is the refund clock's own
 * due time, or `defaultLimitMs` after the decision when it has none.
 */
import { z } from 'zod';
import type { Db } from './open';
import type { ReportFilters } from '../core/reports/model';
import { filterSql } from './report-filter-sql';
import { ticketNotDemo } from './demo-sql';
import { allRows, int, text } from './rows';

export interface RefundTypeCounts {
  type: string;
  approved: number;
  amountFen: number;
  executed: number;
  due: number;
  executedInTime: number;
}

const CountsRow: z.ZodType<RefundTypeCounts> = z.object({
  type: text,
  approved: int,
  // total() is a REAL even over integers.
  amountFen: z.number(),
  executed: int,
  due: int,
  executedInTime: int,
});

export function refundTypeCounts(
  db: Db,
  q: { now: number; fromMs: number; toMs: number; filters: ReportFilters; defaultLimitMs: number },
): RefundTypeCounts[] {
  const f = filterSql(q.filters);
  // The ticket is read only to apply the report's filters: a refund's own row says the rest.
  const ticketJoin = f.sql ? 'JOIN tickets t ON t.id = r.ticket_id' : '';
  return allRows(
    CountsRow,
    db.prepare(
      `SELECT type, count(*) AS approved, total(amount_fen) AS amountFen, sum(executed_at IS NOT NULL) AS executed,
         sum(executed_at IS NOT NULL OR due <= @now) AS due,
         sum(executed_at IS NOT NULL AND executed_at <= due) AS executedInTime
       FROM (SELECT r.type, r.amount_fen, r.executed_at, coalesce(k.due_at, r.decided_at + ${Number(q.defaultLimitMs)}) AS due
             FROM refunds r INDEXED BY refunds_decided ${ticketJoin}
             LEFT JOIN ticket_clocks k INDEXED BY ticket_clocks_refund ON k.clock = 'refund' AND k.subject_id = r.id
             WHERE r.reverses_id IS NULL AND r.status IN ('approved', 'executed')
               AND r.decided_at >= @from AND r.decided_at < @to AND ${ticketNotDemo('r.ticket_id')}${f.sql})
       GROUP BY type ORDER BY type`,
    ),
    { ...f.params, now: q.now, from: q.fromMs, to: q.toMs },
  );
}
