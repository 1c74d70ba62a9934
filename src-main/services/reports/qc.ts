/**
 * The QC studies' measures for a range of local days (docs/KPIS.md, "QC
 * measures"): reads the plain rows core/reports/qc-measures.ts needs, in one
 * transaction, with the report's filters.
 */
import type { ServiceContext } from '../context';
import { DomainError } from '../../core/errors';
import type { DayRange, ReportFilters } from '../../core/reports/model';
import { daysOf, rangeInstants, rangeProblem } from '../../core/reports/period';
import { qcChecks, qcMeasures, SP_GROUP, type QcCheck, type QcMeasures, type QcRefund, type QcTicket } from '../../core/reports/qc-measures';
import { branchSettings } from '../settings';
import { QcRows, type QcRefundRow, type QcTicketRow } from '../../db/qc-rows';
import type { QcRowSet, QcSpanRows } from '../../core/qc-projects/qc-span';

export interface QcReport extends QcMeasures {
  range: DayRange;
  at: number;
  /** Each rate measure against its target (the report flags the missed ones). */
  checks: QcCheck[];
}

const toTicket = (r: QcTicketRow): QcTicket => ({ ...r, sp: r.topCategory === SP_GROUP });

const toRefund = (r: QcRefundRow): QcRefund => ({
  ticketId: r.ticketId,
  ticketReceivedAt: r.ticketReceivedAt,
  createdAt: r.createdAt,
  approvedAt: r.status === 'approved' || r.status === 'executed' ? r.decidedAt : null,
  executedAt: r.executedAt,
  rejected: r.status === 'rejected',
});

/**
 * The rows of the sets a measure needs, read once over [fromMs, toMs) for an
 * improvement project's chart to cut its ranges from (core/qc-projects/qc-span.ts).
 * The caller holds the transaction.
 */
export function qcSpanRows(ctx: ServiceContext, fromMs: number, toMs: number, filters: ReportFilters, needed: readonly QcRowSet[]): QcSpanRows {
  const rows = new QcRows(ctx.db, fromMs, toMs, filters);
  const want = (s: QcRowSet) => needed.includes(s);
  return {
    fromMs,
    toMs,
    tickets: want('tickets') ? rows.tickets().map(toTicket) : [],
    backlogTickets: want('backlogTickets') ? rows.backlogTickets() : [],
    history: want('history') ? rows.repeatHistory().map(toTicket) : [],
    refunds: want('refunds') ? rows.refundsOfRepeatCallers().map(toRefund) : [],
    approvedRefunds: want('approvedRefunds') ? rows.approvedRefunds().map(toRefund) : [],
  };
}

export function qcReport(ctx: ServiceContext, query: { range: DayRange; filters?: ReportFilters | undefined }): QcReport {
  const range = query.range;
  if (rangeProblem(range)) throw new DomainError('validation', { field: 'range', rule: 'invalid', value: `${range.from} – ${range.to}` });
  const zone = branchSettings(ctx).zone;
  const at = ctx.now();
  const { fromMs, toMs } = rangeInstants(range, zone);
  const days = daysOf(range).map((day) => ({ day, endMs: rangeInstants({ from: day, to: day }, zone).toMs }));
  const rows = new QcRows(ctx.db, fromMs, toMs, query.filters ?? {});
  return ctx.db.transaction((): QcReport => {
    const tickets = rows.tickets().map(toTicket);
    const backlogTickets = rows.backlogTickets();
    const history = rows.repeatHistory().map(toTicket);
    const ids = new Set([...tickets, ...history].map((t) => t.id));
    const refunds = rows
      .refundsOfRepeatCallers()
      .filter((r) => ids.has(r.ticketId))
      .map(toRefund);
    const approvedRefunds = rows.approvedRefunds().map(toRefund);
    const measures = qcMeasures({ at, fromMs, toMs, tickets, backlogTickets, history, refunds, approvedRefunds, days });
    return { range, at, ...measures, checks: qcChecks(measures) };
  })();
}
