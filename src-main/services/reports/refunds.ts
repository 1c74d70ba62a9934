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
import { refundTypeCounts } from '../../db/refund-type-counts';

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
  const rows = refundTypeCounts(db, { now, fromMs, toMs, filters, defaultLimitMs: DEFAULT_LIMIT_MS });
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
