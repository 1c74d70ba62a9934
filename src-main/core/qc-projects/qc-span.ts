/**
 * A QC-measure project's numbers, read once for its whole chart. The chart
 * asks the same measure over a dozen ranges that overlap (each month, the
 * baseline, the time since the start), and each ask read its rows again:
 * the backlog's "open at some moment of the range" alone read every ticket
 * resolved since the range began, months of them for an old month. Here
 * the rows are read once for the hull of all the ranges, and each range's
 * input is cut from them in memory — exactly the rows the QC measures'
 * reader (db/qc-rows.ts) would give for that range, so each value is the
 * QC measures' own (core/reports/qc-measures.ts) and not counted a second
 * way. Only the rows a measure reads are read at all.
 */
import type { QcInput } from '../reports/qc-measures';
import type { QcProjectKpi } from './kpis';

/** The 30 days a repeat complaint looks back (db/qc-rows.ts REPEAT_LOOKBACK). */
export const REPEAT_LOOKBACK_MS = 30 * 86_400_000;

/** The row sets of the QC measures' reader. */
export type QcRowSet = 'tickets' | 'backlogTickets' | 'history' | 'refunds' | 'approvedRefunds';

/** Which of them each measure reads (qcMeasures: spReply, refundFromComplaint, refundDelayRepeat, backlog). */
export const QC_ROWS_NEEDED: Record<QcProjectKpi, readonly QcRowSet[]> = {
  spReply1h: ['tickets'],
  spReply4h: ['tickets'],
  refundFromComplaint: ['approvedRefunds'],
  refundDelayRepeat: ['tickets', 'history', 'refunds'],
  backlog: ['backlogTickets'],
};

/** The rows read once over the hull [fromMs, toMs), each set as QcInput has it; a set not needed is empty. */
export type QcSpanRows = Pick<QcInput, 'fromMs' | 'toMs' | QcRowSet>;

export interface QcSlice {
  fromMs: number;
  toMs: number;
  days: QcInput['days'];
}

/**
 * One range's input, cut from the hull's rows by the reader's own conditions:
 * - tickets: received in the range;
 * - backlog: received before its end and not resolved before its start;
 * - history: received from 30 days before its start to its end (the reader
 *   also keeps only repeat callers' phones; the measure looks history up by
 *   the phone of a repeat ticket of the range, so others never count);
 * - refunds: of tickets received from 30 days before its start to its end,
 *   and of the range's tickets or history (the reader reads only the repeat
 *   callers' complaints' entries, the only ones the measure looks up);
 * - approved refunds: decided in the range.
 */
export function qcSliceInput(span: QcSpanRows, slice: QcSlice, at: number): QcInput {
  const { fromMs: from, toMs: to } = slice;
  if (from < span.fromMs || to > span.toMs) throw new RangeError('a slice must lie inside the rows read');
  const tickets = span.tickets.filter((t) => t.receivedAt >= from && t.receivedAt < to);
  const history = span.history.filter((t) => t.receivedAt >= from - REPEAT_LOOKBACK_MS && t.receivedAt < to);
  const ids = new Set([...tickets, ...history].map((t) => t.id));
  return {
    at,
    fromMs: from,
    toMs: to,
    tickets,
    backlogTickets: span.backlogTickets.filter((t) => t.receivedAt < to && (t.resolvedAt === null || t.resolvedAt >= from)),
    history,
    refunds: span.refunds.filter((r) => r.ticketReceivedAt >= from - REPEAT_LOOKBACK_MS && r.ticketReceivedAt < to && ids.has(r.ticketId)),
    approvedRefunds: span.approvedRefunds.filter((r) => r.approvedAt !== null && r.approvedAt >= from && r.approvedAt < to),
    days: slice.days,
  };
}
