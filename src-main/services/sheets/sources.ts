/**
 * What each export reads, as batches of rows. The ticket list and the refunds
 * list are read through the very service calls their screens use
 * (listTickets, listRefunds) with the screen's own filter and sort, a page at
 * a time until the last: every matching row, masked as the viewer sees it.
 */
import type { Locale } from '../../core/messages';
import { DomainError } from '../../core/errors';
import { roleAtLeast } from '../../core/enums';
import type { TicketFilter, TicketSortField, UserInfo } from '../../core/model';
import type { RefundFilter, RefundSortField } from '../../core/refunds/types';
import type { RawValue, SheetKind } from '../../core/sheets/cells';
import { approvalTable, headerOf, refundTable, ticketTable, type ApprovalLine, type SheetTable } from '../../core/sheets/tables';
import type { ServiceContext } from '../context';
import { listTickets } from '../tickets';
import { approvalQueue, listRefunds } from '../refunds/queries';
import { buildReport } from '../reports/report';
import { demoLeftOut } from '../demo';
import type { ReportFilters } from '../../core/reports/model';
import { reportTables, type TableRows } from './report-tables';
import type { SheetColumnOut } from './writer';

type Sort<F> = { field: F; dir: 'asc' | 'desc' };

export type SheetRequest =
  | { kind: 'tickets'; sort?: Sort<TicketSortField> | undefined; filter?: TicketFilter | undefined }
  | { kind: 'refunds'; sort?: Sort<RefundSortField> | undefined; filter?: RefundFilter | undefined }
  | { kind: 'approvals' }
  | { kind: 'report'; from: string; to: string; filters: ReportFilters };

export interface Row {
  values: RawValue[];
  kinds?: SheetKind[] | undefined;
}

export interface TableSource {
  name: string;
  columns: SheetColumnOut[];
  /** Batches of rows, each one read from the database when asked for. */
  batches(): Iterable<Row[]>;
}

export interface SheetSource {
  /** The rows to write, for the progress bar. */
  total: number;
  tables: TableSource[];
  /** The file's name without extension, in the viewer's language. */
  baseName: string;
}

/** Rows read per query: big enough to be cheap, small enough to keep memory flat. */
export const BATCH = 500;

function columnsOf<R>(t: SheetTable<R>, l: Locale): SheetColumnOut[] {
  return t.columns.map((c) => ({ header: headerOf(c, l), kind: c.kind, width: c.width }));
}

function rowsOf<R>(t: SheetTable<R>, rows: readonly R[]): Row[] {
  return rows.map((r) => ({ values: t.columns.map((c) => c.get(r)) }));
}

function* paged<R>(first: readonly R[], more: (offset: number) => readonly R[], batch: number): Iterable<R[]> {
  let rows = first;
  let offset = 0;
  while (rows.length > 0) {
    yield [...rows];
    if (rows.length < batch) return;
    offset += rows.length;
    rows = more(offset);
  }
}

export function sheetSource(ctx: ServiceContext, viewer: UserInfo, req: SheetRequest, l: Locale, stamp: string, batch = BATCH): SheetSource {
  const w = (zh: string, en: string) => (l === 'en' ? en : zh);
  switch (req.kind) {
    case 'tickets': {
      const t = ticketTable(l);
      const page = (offset: number) => listTickets(ctx, viewer, { offset, limit: batch, sort: req.sort, filter: { ...req.filter, notDemo: true } });
      const first = page(0);
      return {
        total: first.total,
        baseName: `${w('工单', 'tickets')}-${stamp}`,
        tables: [{ name: headerOf(t, l), columns: columnsOf(t, l), batches: () => mapBatches(paged(first.rows, (o) => page(o).rows, batch), (b) => rowsOf(t, b)) }],
      };
    }
    case 'refunds': {
      const t = refundTable(l);
      const page = (offset: number) => listRefunds(ctx, viewer, { offset, limit: batch, sort: req.sort, filter: { ...req.filter, notDemo: true } });
      const first = page(0);
      return {
        total: first.total,
        baseName: `${w('退费补偿', 'refunds')}-${stamp}`,
        tables: [{ name: headerOf(t, l), columns: columnsOf(t, l), batches: () => mapBatches(paged(first.rows, (o) => page(o).rows, batch), (b) => rowsOf(t, b)) }],
      };
    }
    case 'approvals': {
      // The queue is for those who decide refunds (refunds/queue's role).
      if (!roleAtLeast(viewer.role, 'supervisor')) throw new DomainError('forbidden', { needed: 'supervisor' });
      const t = approvalTable(l);
      // Demo tickets' entries left out as in the other exports (the queue on screen still shows them).
      const dropDemo = demoLeftOut(ctx);
      const lines: ApprovalLine[] = approvalQueue(ctx, viewer, 5000)
        .filter((i) => !(dropDemo && i.ticket.isDemo))
        .map((i) => ({
          submittedAt: i.entry.submittedAt,
          ticketNo: i.ticket.ticketNo,
          categoryPath: i.ticket.categoryPath,
          type: i.entry.type,
          amountFen: i.entry.amountFen,
          reason: i.entry.reason,
          createdByName: i.entry.createdByName,
          ticketTotalFen: i.ticketTotalFen,
        }));
      return {
        total: lines.length,
        baseName: `${w('待审批', 'approvals')}-${stamp}`,
        tables: [{ name: headerOf(t, l), columns: columnsOf(t, l), batches: () => [rowsOf(t, lines)] }],
      };
    }
    case 'report': {
      const report = buildReport(ctx, { range: { from: req.from, to: req.to }, filters: req.filters });
      const tables = reportTables(report, l);
      return {
        total: tables.reduce((s, t) => s + t.rows.length, 0),
        baseName: `${w('报表', 'report')}-${req.from}-${req.to}`,
        tables: tables.map((t: TableRows) => ({ name: t.name, columns: t.columns, batches: () => [t.rows] })),
      };
    }
  }
}

function* mapBatches<A, B>(src: Iterable<A>, f: (a: A) => B): Iterable<B> {
  for (const a of src) yield f(a);
}
