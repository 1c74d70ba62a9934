/**
 * The plain rows the QC measures (core/reports/qc-measures.ts) read for a
 * range [from, to) with the report's filters: tickets with their top-level
 * category, the backlog's spans (arrival, resolution, resolution due time),
 * and refund entries (drafts and reversals out) with their ticket's arrival.
 */
import { notDemo } from './demo-sql';
import { z } from 'zod';
import type { Db } from './open';
import type { BacklogSpan, QcTicket } from '../core/reports/qc-measures';
import type { ReportFilters } from '../core/reports/model';
import { REFUND_STATUSES, type RefundStatus } from '../core/refunds/types';
import { filterSql } from './report-filter-sql';
import { allKindChecked, allRows, flag, int, intOrNull, text, type ColumnKinds } from './rows';

export type QcTicketRow = Omit<QcTicket, 'sp'>;

export interface QcRefundRow {
  ticketId: number;
  ticketReceivedAt: number;
  createdAt: number;
  status: RefundStatus;
  decidedAt: number | null;
  executedAt: number | null;
}

const TICKET_COLUMNS = `t.id, t.phone, t.received_at AS receivedAt, t.first_response_at AS firstResponseAt,
  t.resolved_at AS resolvedAt, coalesce(p.name, c.name) AS topCategory, t.is_repeat AS repeat
  FROM tickets t JOIN categories c ON c.id = t.category_id LEFT JOIN categories p ON p.id = c.parent_id`;

/**
 * The range's tickets from the report's covering index (tickets_report, migration 0004), which holds every
 * column here but the phone: the table is never read for them (a month's rows are scattered over the file:
 * seconds cold). The phone is read for the repeat complaints alone (core/reports/qc-measures.ts QcTicket).
 */
const RANGE_TICKET_COLUMNS = `t.id, t.received_at AS receivedAt, t.first_response_at AS firstResponseAt,
  t.resolved_at AS resolvedAt, coalesce(p.name, c.name) AS topCategory, t.is_repeat AS repeat
  FROM tickets t INDEXED BY tickets_report JOIN categories c ON c.id = t.category_id LEFT JOIN categories p ON p.id = c.parent_id`;
type RangeTicketRow = Omit<QcTicketRow, 'phone' | 'repeat'> & { repeat: number };
const RANGE_TICKET_KINDS: ColumnKinds<RangeTicketRow> = [
  ['id', 'int'],
  ['receivedAt', 'int'],
  ['firstResponseAt', 'int?'],
  ['resolvedAt', 'int?'],
  ['topCategory', 'text'],
  // is_repeat: 0 or 1 (a CHECK of the table).
  ['repeat', 'int'],
];

/** What the backlog reads, all of it in the index tickets_backlog (migration 0028): the table is never touched. */
const SPAN_COLUMNS = `t.id, t.received_at AS receivedAt, t.resolved_at AS resolvedAt, t.resolution_due_at AS resolutionDueAt
  FROM tickets t INDEXED BY tickets_backlog`;
const SPAN_KINDS: ColumnKinds<BacklogSpan> = [
  ['id', 'int'],
  ['receivedAt', 'int'],
  ['resolvedAt', 'int?'],
  ['resolutionDueAt', 'int?'],
];

const REFUND_COLUMNS = `r.ticket_id AS ticketId, t.received_at AS ticketReceivedAt, r.created_at AS createdAt, r.status,
  r.decided_at AS decidedAt, r.executed_at AS executedAt FROM refunds r JOIN tickets t ON t.id = r.ticket_id
  WHERE r.reverses_id IS NULL AND r.status <> 'draft' AND ${notDemo('t')}`;

/** How far back a repeat complaint looks for the caller's earlier ones. */
const REPEAT_LOOKBACK = '30 * 86400000';

const TicketRow: z.ZodType<QcTicketRow> = z.object({
  id: int,
  phone: text,
  receivedAt: int,
  firstResponseAt: intOrNull,
  resolvedAt: intOrNull,
  topCategory: text,
  repeat: flag,
});

const PhoneRow = z.object({ id: int, phone: text });

const RefundRow: z.ZodType<QcRefundRow> = z.object({
  ticketId: int,
  ticketReceivedAt: int,
  createdAt: int,
  status: z.enum(REFUND_STATUSES),
  decidedAt: intOrNull,
  executedAt: intOrNull,
});

export class QcRows {
  private readonly f;
  private readonly params;
  private readonly range;

  constructor(
    private readonly db: Db,
    fromMs: number,
    toMs: number,
    filters: ReportFilters,
  ) {
    this.f = filterSql(filters);
    this.range = { from: fromMs, to: toMs };
    this.params = { ...this.f.params, ...this.range };
  }

  /** Tickets received in the range (voided ones out); the phone of the repeat complaints alone. */
  tickets(): QcTicketRow[] {
    const rows = allKindChecked(
      RANGE_TICKET_KINDS,
      this.db.prepare(`SELECT ${RANGE_TICKET_COLUMNS} WHERE t.received_at >= @from AND t.received_at < @to AND t.status <> 'voided' AND ${notDemo('t')}${this.f.sql}`),
      this.params,
    );
    const phones = new Map(
      allRows(PhoneRow, this.db.prepare('SELECT t.id, t.phone FROM tickets t INDEXED BY tickets_repeat WHERE t.received_at >= @from AND t.received_at < @to AND t.is_repeat = 1'), this.range).map((r) => [r.id, r.phone]),
    );
    return rows.map((r) => ({ ...r, repeat: r.repeat === 1, phone: phones.get(r.id) ?? null }));
  }

  /** Tickets received before the range's end and not resolved before its start: each day's backlog is among them. */
  backlogTickets(): BacklogSpan[] {
    return allKindChecked(
      SPAN_KINDS,
      // Two arms of one index, its NULLs first: the range's resolutions, then the unresolved.
      this.db.prepare(
        `SELECT ${SPAN_COLUMNS} WHERE t.resolved_at >= @from AND t.received_at < @to AND t.status <> 'voided' AND ${notDemo('t')}${this.f.sql}
         UNION ALL
         SELECT ${SPAN_COLUMNS} WHERE t.resolved_at IS NULL AND t.received_at < @to AND t.status <> 'voided' AND ${notDemo('t')}${this.f.sql}`,
      ),
      this.params,
    );
  }

  /** Earlier complaints of the range's repeat callers, within the 30 days a repeat looks back (filters aside). */
  repeatHistory(): QcTicketRow[] {
    return allRows(
      TicketRow,
      this.db.prepare(
        `SELECT ${TICKET_COLUMNS} WHERE t.status <> 'voided' AND ${notDemo('t')} AND t.received_at < @to AND t.received_at >= @from - ${REPEAT_LOOKBACK}
           AND t.phone IN (SELECT r.phone FROM tickets r WHERE r.received_at >= @from AND r.received_at < @to AND r.is_repeat = 1)`,
      ),
      this.range,
    );
  }

  /**
   * Entries of the complaints the range's repeat callers made from 30 days before the range to its end
   * (filters aside): the only complaints a repeat is compared with (the history's). Found through the
   * callers' phones, not by reading every ticket of those 30 days and more.
   */
  refundsOfRepeatCallers(): QcRefundRow[] {
    return allRows(
      RefundRow,
      this.db.prepare(
        `SELECT ${REFUND_COLUMNS} AND t.received_at >= @from - ${REPEAT_LOOKBACK} AND t.received_at < @to
           AND t.phone IN (SELECT q.phone FROM tickets q WHERE q.received_at >= @from AND q.received_at < @to AND q.is_repeat = 1)`,
      ),
      this.range,
    );
  }

  /** Entries approved in the range (approved or since executed), of tickets that pass the filters. */
  approvedRefunds(): QcRefundRow[] {
    return allRows(
      RefundRow,
      this.db.prepare(`SELECT ${REFUND_COLUMNS} AND r.status IN ('approved', 'executed') AND r.decided_at >= @from AND r.decided_at < @to${this.f.sql}`),
      this.params,
    );
  }
}
