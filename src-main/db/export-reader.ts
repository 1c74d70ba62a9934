/**
 * The rows of a month's bundle, read in a stable order (received or decided
 * time, then id) one at a time: iterate() never holds the month in memory.
 * Callers read inside one transaction so every file is of the same moment.
 */
import { notDemo, ticketNotDemo } from './demo-sql';
import type { Db } from './open';
import { eachKindChecked, int, value, type ColumnKinds } from './rows';

/** The month's rows are checked by hand as they stream (zod per row would show on a 40,000-ticket month). */
const TICKET_KINDS: ColumnKinds<TicketExportRaw> = [
  ['ticket_no', 'text'],
  ['channel', 'text'],
  ['received_at', 'int'],
  ['phone', 'text'],
  ['customer_name', 'text?'],
  ['city', 'text?'],
  ['district', 'text?'],
  ['category', 'text'],
  ['level', 'text'],
  ['status', 'text'],
  ['department', 'text?'],
  ['assignee', 'text?'],
  ['first_response_at', 'int?'],
  ['resolved_at', 'int?'],
  ['closed_at', 'int?'],
  ['satisfaction', 'text?'],
  ['is_repeat', 'int'],
  ['is_collective', 'int'],
  ['reopen_count', 'int'],
  ['root_cause', 'text?'],
  ['description', 'text'],
  ['fr_missed_at', 'int?'],
  ['res_missed_at', 'int?'],
  ['fu_missed_at', 'int?'],
];

const REFUND_KINDS: ColumnKinds<RefundExportRaw> = [
  ['refund_id', 'int'],
  ['ticket_no', 'text'],
  ['channel', 'text'],
  ['type', 'text'],
  ['amount_fen', 'int'],
  ['status', 'text'],
  ['reverses_id', 'int?'],
  ['submitted_at', 'int?'],
  ['decided_at', 'int?'],
  ['executed_at', 'int?'],
  ['execute_due_at', 'int?'],
  ['voucher_no', 'text?'],
  ['reason', 'text'],
  ['category', 'text'],
  ['department', 'text?'],
  ['assignee', 'text?'],
];
import type { RefundExportRaw, TicketExportRaw } from '../core/export/rows';

/** An approved entry without a clock row (older data) is due 72 h after approval, as the reports count it. */
const DEFAULT_EXECUTE_LIMIT_MS = 72 * 3_600_000;

const CATEGORY_PATH = `CASE WHEN p.name IS NULL THEN c.name ELSE p.name || '/' || c.name END`;

export class ExportReader {
  constructor(private readonly db: Db) {}

  countTickets(fromMs: number, toMs: number): number {
    return value(int, this.db.prepare(`SELECT count(*) AS n FROM tickets t WHERE t.received_at >= ? AND t.received_at < ? AND ${notDemo('t')}`), fromMs, toMs) ?? 0;
  }

  countRefunds(fromMs: number, toMs: number): number {
    return value(int, this.db.prepare(`SELECT count(*) AS n FROM refunds WHERE decided_at >= ? AND decided_at < ? AND ${ticketNotDemo('ticket_id')}`), fromMs, toMs) ?? 0;
  }

  /** Tickets received in [from, to), voided ones included (their status says so). */
  tickets(fromMs: number, toMs: number): IterableIterator<TicketExportRaw> {
    return eachKindChecked(
      TICKET_KINDS,
      this.db.prepare(
        `SELECT t.ticket_no, t.channel, t.received_at, t.phone, t.customer_name, t.city, t.district, ${CATEGORY_PATH} AS category,
           t.level, t.status, t.department, t.assignee_name AS assignee, t.first_response_at, t.resolved_at, t.closed_at,
           t.satisfaction, t.is_repeat, t.is_collective, t.reopen_count, t.root_cause, t.description,
           t.fr_missed_at, t.res_missed_at, t.fu_missed_at
         FROM tickets t INDEXED BY tickets_received
         JOIN categories c ON c.id = t.category_id LEFT JOIN categories p ON p.id = c.parent_id
         WHERE t.received_at >= ? AND t.received_at < ? AND ${notDemo('t')}
         ORDER BY t.received_at, t.id`,
      ),
      fromMs,
      toMs,
    );
  }

  /** Refund entries decided (approved or rejected) in [from, to), reversals included, with their execution deadline. */
  refunds(fromMs: number, toMs: number): IterableIterator<RefundExportRaw> {
    return eachKindChecked(
      REFUND_KINDS,
      this.db.prepare(
        `SELECT r.id AS refund_id, t.ticket_no, t.channel, r.type, r.amount_fen, r.status, r.reverses_id, r.submitted_at,
           r.decided_at, r.executed_at,
           coalesce(k.due_at, CASE WHEN r.status IN ('approved', 'executed') AND r.reverses_id IS NULL THEN r.decided_at + @defaultLimit END) AS execute_due_at, r.voucher_no, r.reason,
           ${CATEGORY_PATH} AS category, t.department, t.assignee_name AS assignee
         FROM refunds r JOIN tickets t ON t.id = r.ticket_id
         JOIN categories c ON c.id = t.category_id LEFT JOIN categories p ON p.id = c.parent_id
         LEFT JOIN ticket_clocks k ON k.ticket_id = r.ticket_id AND k.clock = 'refund' AND k.subject_id = r.id
         WHERE r.decided_at >= @from AND r.decided_at < @to AND ${notDemo('t')}
         ORDER BY r.decided_at, r.id`,
      ),
      { from: fromMs, to: toMs, defaultLimit: DEFAULT_EXECUTE_LIMIT_MS },
    );
  }
}
