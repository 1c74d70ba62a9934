/**
 * The grid's infinite-model datasource: each block of rows is one tickets/list
 * call with offset/limit, the grid's sort mapped to a backend sort field and
 * the filter the URL asks for (listParams.ts).
 */
import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import { call } from '../api/client';
import { deliverPage, type GridReport } from '../lib/gridPage';
import type { TicketFilter, TicketSortField } from '../api/types';
import { SORTABLE } from '../lib/codes';

export const DEFAULT_SORT: { field: TicketSortField; dir: 'asc' | 'desc' } = { field: 'receivedAt', dir: 'desc' };

export function sortFromModel(sortModel: IGetRowsParams['sortModel']) {
  const first = sortModel[0];
  const field = first ? SORTABLE[first.colId] : undefined;
  return field && first ? { field, dir: first.sort } : DEFAULT_SORT;
}

/** The list's filter and sort as last sent: what 导出 exports. */
export type TicketListQuery = { sort: { field: TicketSortField; dir: 'asc' | 'desc' }; filter: TicketFilter };

export function ticketDatasource(filter: TicketFilter, report: GridReport, onQuery?: (q: TicketListQuery) => void): IDatasource {
  return {
    getRows(params) {
      const query: TicketListQuery = { sort: sortFromModel(params.sortModel), filter };
      onQuery?.(query);
      const input = { offset: params.startRow, limit: params.endRow - params.startRow, ...query };
      deliverPage(params, call('tickets/list', input), report);
    },
  };
}
