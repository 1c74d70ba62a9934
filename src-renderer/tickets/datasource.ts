/**
 * The grid's infinite-model datasource: each block of rows is one tickets/list
 * call with offset/limit, the grid's sort mapped to a backend sort field and
 * the column filters merged into the SQL filter object.
 */
import type { IDatasource, IGetRowsParams } from 'ag-grid-community';
import { call } from '../api/client';
import { deliverPage, type GridReport } from '../lib/gridPage';
import type { Channel, Status, TicketFilter, TicketSortField } from '../api/types';
import { SORTABLE } from '../lib/codes';
import type { CodeSetModel } from './CodeSetFilter';

export const DEFAULT_SORT: { field: TicketSortField; dir: 'asc' | 'desc' } = { field: 'receivedAt', dir: 'desc' };

type FilterModel = Record<string, CodeSetModel | undefined>;

export function filterFromModel(base: TicketFilter, model: FilterModel): TicketFilter {
  const filter: TicketFilter = { ...base };
  const status = model.status?.values;
  const channel = model.channel?.values;
  if (status?.length) filter.status = status as Status[];
  if (channel?.length) filter.channel = channel as Channel[];
  return filter;
}

export function sortFromModel(sortModel: IGetRowsParams['sortModel']) {
  const first = sortModel[0];
  const field = first ? SORTABLE[first.colId] : undefined;
  return field && first ? { field, dir: first.sort } : DEFAULT_SORT;
}

export function ticketDatasource(base: TicketFilter, report: GridReport): IDatasource {
  return {
    getRows(params) {
      const input = {
        offset: params.startRow,
        limit: params.endRow - params.startRow,
        sort: sortFromModel(params.sortModel),
        filter: filterFromModel(base, params.filterModel as FilterModel),
      };
      deliverPage(params, call('tickets/list', input), report);
    },
  };
}
