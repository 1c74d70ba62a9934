/**
 * The QC studies' measures for a range of local days (docs/KPIS.md, "QC
 * measures"): reads the plain rows core/reports/qc-measures.ts needs, in one
 * transaction, with the report's filters.
 */
import type { ServiceContext } from '../context';
import { DomainError } from '../../core/errors';
import type { DayRange, ReportFilters } from '../../core/reports/model';
import { daysOf, rangeInstants, rangeProblem } from '../../core/reports/period';
import { qcMeasures, SP_GROUP, type QcMeasures, type QcRefund, type QcTicket } from '../../core/reports/qc-measures';
import { branchSettings } from '../settings';
import { filterSql } from './filters';

export interface QcReport extends QcMeasures {
  range: DayRange;
  at: number;
}

const TICKET_COLUMNS = `t.id, t.phone, t.received_at AS receivedAt, t.first_response_at AS firstResponseAt,
  t.resolved_at AS resolvedAt, coalesce(p.name, c.name) AS topCategory, t.is_repeat AS isRepeat,
  (SELECT k.due_at FROM ticket_clocks k WHERE k.ticket_id = t.id AND k.clock = 'resolution' AND k.subject_id = 0) AS resolutionDueAt
  FROM tickets t JOIN categories c ON c.id = t.category_id LEFT JOIN categories p ON p.id = c.parent_id`;

interface TicketRow extends Omit<QcTicket, 'sp' | 'repeat'> {
  isRepeat: number;
}

const toTicket = (r: TicketRow): QcTicket => ({
  id: r.id,
  phone: r.phone,
  receivedAt: r.receivedAt,
  firstResponseAt: r.firstResponseAt,
  resolvedAt: r.resolvedAt,
  topCategory: r.topCategory,
  sp: r.topCategory === SP_GROUP,
  repeat: r.isRepeat === 1,
  resolutionDueAt: r.resolutionDueAt,
});

interface RefundRow {
  ticketId: number;
  ticketReceivedAt: number;
  createdAt: number;
  status: string;
  decidedAt: number | null;
  executedAt: number | null;
}

const toRefund = (r: RefundRow): QcRefund => ({
  ticketId: r.ticketId,
  ticketReceivedAt: r.ticketReceivedAt,
  createdAt: r.createdAt,
  approvedAt: r.status === 'approved' || r.status === 'executed' ? r.decidedAt : null,
  executedAt: r.executedAt,
  rejected: r.status === 'rejected',
});

export function qcReport(ctx: ServiceContext, query: { range: DayRange; filters?: ReportFilters | undefined }): QcReport {
  const range = query.range;
  if (rangeProblem(range)) throw new DomainError('validation', { field: 'range', rule: 'invalid', value: `${range.from} – ${range.to}` });
  const zone = branchSettings(ctx).zone;
  const at = ctx.now();
  const { fromMs, toMs } = rangeInstants(range, zone);
  const f = filterSql(query.filters ?? {});
  const days = daysOf(range).map((day) => ({ day, endMs: rangeInstants({ from: day, to: day }, zone).toMs }));
  const db = ctx.db;
  return db.transaction((): QcReport => {
    const params = { ...f.params, from: fromMs, to: toMs };
    const tickets = (
      db.prepare(`SELECT ${TICKET_COLUMNS} WHERE t.received_at >= @from AND t.received_at < @to AND t.status <> 'voided'${f.sql}`).all(params) as TicketRow[]
    ).map(toTicket);
    const backlogTickets = (
      db
        .prepare(
          `SELECT ${TICKET_COLUMNS} WHERE t.received_at < @to AND t.status <> 'voided' AND (t.resolved_at IS NULL OR t.resolved_at >= @from)${f.sql}`,
        )
        .all(params) as TicketRow[]
    ).map(toTicket);
    // Earlier complaints of the range's repeat callers, within the 30 days a repeat looks back.
    const history = (
      db
        .prepare(
          `SELECT ${TICKET_COLUMNS} WHERE t.status <> 'voided' AND t.received_at < @to AND t.received_at >= @from - 30 * 86400000
             AND t.phone IN (SELECT r.phone FROM tickets r WHERE r.received_at >= @from AND r.received_at < @to AND r.is_repeat = 1)`,
        )
        .all({ from: fromMs, to: toMs }) as TicketRow[]
    ).map(toTicket);
    const ids = new Set([...tickets, ...history].map((t) => t.id));
    const refundColumns = `r.ticket_id AS ticketId, t.received_at AS ticketReceivedAt, r.created_at AS createdAt, r.status,
      r.decided_at AS decidedAt, r.executed_at AS executedAt FROM refunds r JOIN tickets t ON t.id = r.ticket_id
      WHERE r.reverses_id IS NULL AND r.status <> 'draft'`;
    const refunds = (
      db
        .prepare(`SELECT ${refundColumns} AND t.received_at >= @from - 30 * 86400000 AND t.received_at < @to`)
        .all({ from: fromMs, to: toMs }) as RefundRow[]
    )
      .filter((r) => ids.has(r.ticketId))
      .map(toRefund);
    const approvedRefunds = (
      db
        .prepare(`SELECT ${refundColumns} AND r.status IN ('approved', 'executed') AND r.decided_at >= @from AND r.decided_at < @to${f.sql}`)
        .all(params) as RefundRow[]
    ).map(toRefund);
    return { range, at, ...qcMeasures({ at, fromMs, toMs, tickets, backlogTickets, history, refunds, approvedRefunds, days }) };
  })();
}

