/**
 * The ticket grid's columns. Only columns the backend can sort (TICKET_SORT_FIELDS,
 * via SORTABLE) are sortable; status and channel have code-list filters that
 * become the SQL filter object.
 */
import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { Channel, Satisfaction, Status, TicketRow } from '../api/types';
import { CHANNELS, STATUSES } from '../../src-main/core/enums';
import { SORTABLE } from '../lib/codes';
import { formatDateTime } from '../lib/time';
import { CodeSetFilter, type CodeSetParams } from './CodeSetFilter';
import { CustomerCell, DueCell, FlagsCell, LevelCell, StatusCell } from './cells';

export function ticketColumns(t: TFunction, zone: string): ColDef<TicketRow>[] {
  const col = (colId: string, header: string, extra: ColDef<TicketRow> = {}): ColDef<TicketRow> => ({
    colId,
    headerName: header,
    sortable: colId in SORTABLE,
    ...extra,
  });
  const statusFilter: CodeSetParams = { codes: STATUSES, label: (c) => t(`status.${c as Status}`), testId: 'filter-status' };
  const channelFilter: CodeSetParams = { codes: CHANNELS, label: (c) => t(`channel.${c as Channel}`), testId: 'filter-channel' };
  return [
    col('ticketNo', t('tickets.col.ticketNo'), { field: 'ticketNo', width: 150, cellClass: 'cell-strong', pinned: 'left' }),
    col('status', t('tickets.col.status'), { field: 'status', width: 138, cellRenderer: StatusCell, filter: CodeSetFilter, filterParams: statusFilter }),
    col('due', t('tickets.col.due'), {
      width: 180,
      cellRenderer: DueCell,
      headerTooltip: t('tickets.dueSortHint'),
    }),
    col('level', t('tickets.col.level'), { field: 'level', width: 118, cellRenderer: LevelCell }),
    col('channel', t('tickets.col.channel'), {
      field: 'channel',
      width: 124,
      valueFormatter: (p) => (p.value ? t(`channel.${p.value as Channel}`) : ''),
      filter: CodeSetFilter,
      filterParams: channelFilter,
    }),
    col('categoryPath', t('tickets.col.category'), { field: 'categoryPath', width: 168, tooltipField: 'categoryPath' }),
    col('customer', t('tickets.col.customer'), { width: 160, cellRenderer: CustomerCell }),
    col('district', t('tickets.col.district'), { field: 'district', width: 80 }),
    col('receivedAt', t('tickets.col.received'), {
      field: 'receivedAt',
      width: 132,
      valueFormatter: (p) => formatDateTime(p.value as number | undefined, zone),
      cellClass: 'num',
    }),
    col('assigneeName', t('tickets.col.assignee'), { field: 'assigneeName', width: 90 }),
    col('firstResponder', t('tickets.col.firstResponder'), { field: 'firstResponderName', width: 110 }),
    col('department', t('tickets.col.department'), { field: 'department', width: 100 }),
    col('satisfaction', t('tickets.col.satisfaction'), {
      field: 'satisfaction',
      width: 100,
      valueFormatter: (p) => (p.value ? t(`satisfaction.${p.value as Satisfaction}`) : ''),
    }),
    col('flags', t('tickets.col.flags'), { width: 150, cellRenderer: FlagsCell }),
  ];
}
