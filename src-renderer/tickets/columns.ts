/**
 * The ticket grid's columns. Only columns the backend can sort (TICKET_SORT_FIELDS,
 * via SORTABLE) are sortable; filtering is the filter bar's (listParams.ts).
 * The widths add up to fit a 1280×720 screen beside the navigation rail, each
 * wide enough for its longest value (a date is never cut); the category
 * column takes what is left. The first responder and the rating are on the
 * ticket page.
 */
import type { ColDef } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { Channel, Satisfaction, TicketRow } from '../api/types';
import { SORTABLE } from '../lib/codes';
import { formatDateTime } from '../lib/time';
import { CustomerCell, DueCell, FlagsCell, LevelCell, StatusCell, TicketNoCell } from './cells';

export function ticketColumns(t: TFunction, zone: string): ColDef<TicketRow>[] {
  const col = (colId: string, header: string, extra: ColDef<TicketRow> = {}): ColDef<TicketRow> => ({
    colId,
    headerName: header,
    sortable: colId in SORTABLE,
    ...extra,
  });
  return [
    col('ticketNo', t('tickets.col.ticketNo'), { field: 'ticketNo', width: 140, cellClass: 'cell-strong', pinned: 'left', cellRenderer: TicketNoCell }),
    col('status', t('tickets.col.status'), { field: 'status', width: 100, cellRenderer: StatusCell }),
    col('due', t('tickets.col.due'), {
      width: 140,
      cellRenderer: DueCell,
      headerTooltip: t('tickets.dueSortHint'),
    }),
    col('level', t('tickets.col.level'), { field: 'level', width: 70, cellRenderer: LevelCell }),
    col('channel', t('tickets.col.channel'), {
      field: 'channel',
      width: 80,
      valueFormatter: (p) => (p.value ? t(`channel.${p.value as Channel}`) : ''),
    }),
    col('categoryPath', t('tickets.col.category'), { field: 'categoryPath', flex: 1, minWidth: 96, tooltipField: 'categoryPath' }),
    col('customer', t('tickets.col.customer'), { width: 116, cellRenderer: CustomerCell, tooltipValueGetter: (p) => [p.data?.phone, p.data?.customerName].filter(Boolean).join(' ') }),
    col('district', t('tickets.col.district'), { field: 'district', width: 60 }),
    col('receivedAt', t('tickets.col.received'), {
      field: 'receivedAt',
      width: 124,
      minWidth: 124,
      valueFormatter: (p) => formatDateTime(p.value as number | undefined, zone),
      cellClass: 'num',
    }),
    col('assigneeName', t('tickets.col.assignee'), { field: 'assigneeName', width: 64 }),
    col('firstResponder', t('tickets.col.firstResponder'), { field: 'firstResponderName', width: 100, hide: true }),
    col('department', t('tickets.col.department'), { field: 'department', width: 72, tooltipField: 'department' }),
    col('satisfaction', t('tickets.col.satisfaction'), {
      field: 'satisfaction',
      width: 90,
      hide: true,
      valueFormatter: (p) => (p.value ? t(`satisfaction.${p.value as Satisfaction}`) : ''),
    }),
    col('flags', t('tickets.col.flags'), { width: 60, cellRenderer: FlagsCell }),
  ];
}
