/**
 * The refunds list and its totals, paged and summed in SQL over indexed
 * columns: the renderer only ever holds the page it shows.
 */
import type { Db } from './open';
import { ticketNotDemo } from './demo-sql';
import type { Page } from '../core/model';
import { z } from 'zod';
import { REFUND_STATUSES, REFUND_TYPES, type RefundFilter, type RefundPageQuery, type RefundRow, type RefundSortField, type RefundTotals } from '../core/refunds/types';
import { allRows, int, intOrNull, text, textOrNull, value } from './rows';

const SORT_SQL: Record<RefundSortField, string> = {
  createdAt: 'r.created_at',
  amountFen: 'r.amount_fen',
  status: 'r.status',
  type: 'r.type',
  ticketNo: 'r.ticket_id',
};

function whereClause(f: RefundFilter | undefined, now: number): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  const inList = (column: string, key: string, values: readonly string[] | undefined) => {
    if (!values?.length) return;
    parts.push(`${column} IN (${values.map((v, i) => ((params[`${key}${i}`] = v), `@${key}${i}`)).join(',')})`);
  };
  inList('r.status', 'st', f?.status);
  inList('r.type', 'ty', f?.type);
  if (f?.q?.trim()) {
    // A prefix range on the ticket numbers' index, then the refunds of those tickets.
    parts.push('r.ticket_id IN (SELECT id FROM tickets WHERE ticket_no >= @q AND ticket_no < @qEnd)');
    params.q = f.q.trim();
    params.qEnd = `${f.q.trim()}\uffff`;
  }
  if (f?.createdFrom !== undefined) {
    parts.push('r.created_at >= @from');
    params.from = f.createdFrom;
  }
  if (f?.createdTo !== undefined) {
    parts.push('r.created_at < @to');
    params.to = f.createdTo;
  }
  if (f?.notDemo) parts.push(ticketNotDemo('r.ticket_id'));
  if (f?.overdue) {
    // The execution clock (services/refunds/clock.ts) still running past its due time: its partial index (migration 0005).
    parts.push(`r.status = 'approved' AND r.id IN (SELECT subject_id FROM ticket_clocks WHERE clock = 'refund' AND stopped_at IS NULL AND cancelled = 0 AND due_at <= @now)`);
    params.now = now;
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const type = z.enum(REFUND_TYPES);
const status = z.enum(REFUND_STATUSES);

const ListRow: z.ZodType<RefundRow> = z
  .object({
    id: int,
    ticket_id: int,
    ticket_no: text,
    type,
    amount_fen: int,
    status,
    reason: text,
    reverses_id: intOrNull,
    created_at: int,
    created_by_name: text,
    decided_by_name: textOrNull,
    executed_at: intOrNull,
    voucher_no: textOrNull,
    version: int,
  })
  .transform((r) => ({
    id: r.id,
    ticketId: r.ticket_id,
    ticketNo: r.ticket_no,
    type: r.type,
    amountFen: r.amount_fen,
    status: r.status,
    reason: r.reason,
    reversesId: r.reverses_id,
    createdAt: r.created_at,
    createdByName: r.created_by_name,
    decidedByName: r.decided_by_name,
    executedAt: r.executed_at,
    voucherNo: r.voucher_no,
    version: r.version,
  }));

const TotalsRow = z.object({ type, status, n: int, fen: int });

/** `now`: the instant the overdue filter is read at. */
export function refundPage(db: Db, q: RefundPageQuery, now: number): Page<RefundRow> {
  const sort = q.sort ?? { field: 'createdAt', dir: 'desc' };
  const where = whereClause(q.filter, now);
  const dir = sort.dir === 'asc' ? 'ASC' : 'DESC';
  const order = `${SORT_SQL[sort.field]} ${dir}, r.created_at ${dir}, r.id ${dir}`;
  const rows = allRows(
    ListRow,
    db.prepare(
      `SELECT r.id, r.ticket_id, t.ticket_no, r.type, r.amount_fen, r.status, r.reason, r.reverses_id, r.created_at,
         cu.display_name AS created_by_name, du.display_name AS decided_by_name, r.executed_at, r.voucher_no, r.version
       FROM refunds r JOIN tickets t ON t.id = r.ticket_id JOIN users cu ON cu.id = r.created_by
       LEFT JOIN users du ON du.id = r.decided_by
       WHERE r.id IN (SELECT r.id FROM refunds r ${where.sql} ORDER BY ${order} LIMIT @limit OFFSET @offset)
       ORDER BY ${order}`,
    ),
    { ...where.params, limit: q.limit, offset: q.offset },
  );
  const total = value(int, db.prepare(`SELECT count(*) AS n FROM refunds r ${where.sql}`), where.params) ?? 0;
  return { total, rows };
}

type Sum = { count: number; amountFen: number };
function add<K>(map: Map<K, Sum>, key: K, n: number, fen: number): void {
  const cur = map.get(key) ?? { count: 0, amountFen: 0 };
  map.set(key, { count: cur.count + n, amountFen: cur.amountFen + fen });
}

/** Count and sum by type and by status over the same filter as the list (integer sums: SQLite adds INTEGERs exactly). */
export function refundTotals(db: Db, filter: RefundFilter | undefined, now: number): RefundTotals {
  const where = whereClause(filter, now);
  const groups = allRows(
    TotalsRow,
    db.prepare(`SELECT r.type, r.status, count(*) AS n, sum(r.amount_fen) AS fen FROM refunds r ${where.sql} GROUP BY r.type, r.status`),
    where.params,
  );
  const byType = new Map<RefundRow['type'], Sum>();
  const byStatus = new Map<RefundRow['status'], Sum>();
  let count = 0;
  let net = 0;
  for (const g of groups) {
    // By type: money in play (submitted, not rejected); by status: everything.
    if (g.status !== 'draft' && g.status !== 'rejected') add(byType, g.type, g.n, g.fen);
    add(byStatus, g.status, g.n, g.fen);
    count += g.n;
    if (g.status === 'executed') net += g.fen;
  }
  return {
    byType: [...byType].map(([type, v]) => ({ type, ...v })),
    byStatus: [...byStatus].map(([status, v]) => ({ status, ...v })),
    count,
    netExecutedFen: net,
  };
}
