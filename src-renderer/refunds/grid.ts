/**
 * The refunds grid: columns and the infinite-model datasource (each block of
 * rows is one refunds/list call with offset/limit and the grid's sort).
 */
import type { ColDef, IDatasource, IGetRowsParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import { formatFen } from '../../src-main/core/money';
import { call } from '../api/client';
import { deliverPage, type GridReport } from '../lib/gridPage';
import { formatDateTime } from '../lib/time';
import type { RefundFilter, RefundListRow, RefundSortField, RefundStatus, RefundType } from './types';
import { DeadlineCell, ExecuteCell } from './cells';

/** Grid column id → the backend's sort field (columns not listed cannot be sorted). */
const SORTABLE: Record<string, RefundSortField> = {
  ticketNo: 'ticketNo',
  type: 'type',
  amountFen: 'amountFen',
  status: 'status',
  createdAt: 'createdAt',
};

export function refundColumns(t: TFunction, zone: string): ColDef<RefundListRow>[] {
  const col = (colId: string, header: string, extra: ColDef<RefundListRow> = {}): ColDef<RefundListRow> => ({
    colId,
    headerName: header,
    sortable: colId in SORTABLE,
    ...extra,
  });
  const time = (p: { value: unknown }) => formatDateTime(p.value as number | null | undefined, zone);
  return [
    col('id', t('refunds.col.id'), { field: 'id', width: 80, cellClass: 'num' }),
    col('ticketNo', t('refunds.col.ticketNo'), { field: 'ticketNo', width: 160, cellClass: 'cell-strong' }),
    col('type', t('refunds.col.type'), { field: 'type', width: 120, valueFormatter: (p) => (p.value ? t(`refunds.type.${p.value as RefundType}`) : '') }),
    col('amountFen', t('refunds.col.amount'), {
      field: 'amountFen',
      width: 120,
      // Setting cellClass replaces the rightAligned type's own class, so name both.
      cellClass: ['num', 'ag-right-aligned-cell'],
      headerClass: 'ag-right-aligned-header',
      valueFormatter: (p) => (typeof p.value === 'number' ? formatFen(p.value) : ''),
    }),
    col('status', t('refunds.col.status'), { field: 'status', width: 120, valueFormatter: (p) => (p.value ? t(`refunds.status.${p.value as RefundStatus}`) : '') }),
    // 72 h from approval (the refund clock), counted down like every deadline; 执行 where the server allows it.
    col('deadline', t('refunds.col.deadline'), { width: 150, cellRenderer: DeadlineCell, headerTooltip: t('refunds.col.deadlineHint') }),
    col('execute', '', { width: 70, cellRenderer: ExecuteCell }),
    col('createdAt', t('refunds.col.createdAt'), { field: 'createdAt', width: 140, cellClass: 'num', valueFormatter: time }),
    col('createdBy', t('refunds.col.createdBy'), { field: 'createdByName', width: 90 }),
    col('decidedBy', t('refunds.col.decidedBy'), { field: 'decidedByName', width: 90 }),
    col('executedAt', t('refunds.col.executedAt'), { field: 'executedAt', width: 140, cellClass: 'num', valueFormatter: time }),
    col('voucherNo', t('refunds.col.voucherNo'), { field: 'voucherNo', width: 160, cellClass: 'num' }),
    col('reason', t('refunds.col.reason'), { field: 'reason', flex: 1, minWidth: 200, tooltipField: 'reason' }),
  ];
}

function sortFromModel(sortModel: IGetRowsParams['sortModel']) {
  const first = sortModel[0];
  const field = first ? SORTABLE[first.colId] : undefined;
  return field && first ? { field, dir: first.sort } : { field: 'createdAt' as const, dir: 'desc' as const };
}

/** The list's filter and sort as last sent: what 导出 exports. */
export type RefundListQuery = { sort: { field: RefundSortField; dir: 'asc' | 'desc' }; filter: RefundFilter };

export function refundDatasource(filter: RefundFilter, report: GridReport, onQuery?: (q: RefundListQuery) => void): IDatasource {
  return {
    getRows(params) {
      const query: RefundListQuery = { sort: sortFromModel(params.sortModel), filter };
      onQuery?.(query);
      const page = call('refunds/list', { offset: params.startRow, limit: params.endRow - params.startRow, ...query });
      deliverPage(params, page, report);
    },
  };
}
