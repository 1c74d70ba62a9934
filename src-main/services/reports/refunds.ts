/**
 * Refunds by type with the share executed within the execution limit
 * (docs/REQUIREMENTS.md §5; 72 h by default, the refund clock's own due time when it has one).
 * Counted: entries approved in the range (decided_at, status approved or
 * executed), of tickets that pass the report's filters; reversals are not
 * entries of their own here.
 */
import type { Db } from '../../db/open';
import type { ReportFilters } from '../../core/reports/model';
import { rate } from '../../core/reports/rates';
import { filterSql } from './filters';

export interface RefundTypeRow {
  type: string;
  approved: number;
  amountFen: number;
  executed: number;
  /** Approved entries executed, or whose limit has passed at the report's now: the denominator. */
  due: number;
  executedInTime: number;
  /** executedInTime ÷ due; null when nothing fell due. */
  inTimeShare: number | null;
}

export type RefundSummary = { byType: RefundTypeRow[]; total: RefundTypeRow };

const DEFAULT_LIMIT_MS = 72 * 3_600_000;

export function refundSummary(db: Db, now: number, fromMs: number, toMs: number, filters: ReportFilters): RefundSummary {
  const f = filterSql(filters);
  // The ticket is read only to apply the report's filters: a refund's own row says the rest.
  const ticketJoin = f.sql ? 'JOIN tickets t ON t.id = r.ticket_id' : '';
  const rows = db
    .prepare(
      `SELECT type, count(*) AS approved, total(amount_fen) AS amountFen, sum(executed_at IS NOT NULL) AS executed,
         sum(executed_at IS NOT NULL OR due <= @now) AS due,
         sum(executed_at IS NOT NULL AND executed_at <= due) AS executedInTime
       FROM (SELECT r.type, r.amount_fen, r.executed_at, coalesce(k.due_at, r.decided_at + ${DEFAULT_LIMIT_MS}) AS due
             FROM refunds r INDEXED BY refunds_decided ${ticketJoin}
             LEFT JOIN ticket_clocks k INDEXED BY ticket_clocks_refund ON k.clock = 'refund' AND k.subject_id = r.id
             WHERE r.reverses_id IS NULL AND r.status IN ('approved', 'executed')
               AND r.decided_at >= @from AND r.decided_at < @to${f.sql})
       GROUP BY type ORDER BY type`,
    )
    .all({ ...f.params, now, from: fromMs, to: toMs }) as Array<Omit<RefundTypeRow, 'inTimeShare'>>;
  const byType = rows.map((r) => ({ ...r, inTimeShare: rate(r.executedInTime, r.due) }));
  const sum = (k: 'approved' | 'amountFen' | 'executed' | 'due' | 'executedInTime') => byType.reduce((s, r) => s + r[k], 0);
  const total: RefundTypeRow = {
    type: 'all',
    approved: sum('approved'),
    amountFen: sum('amountFen'),
    executed: sum('executed'),
    due: sum('due'),
    executedInTime: sum('executedInTime'),
    inTimeShare: rate(sum('executedInTime'), sum('due')),
  };
  return { byType, total };
}
