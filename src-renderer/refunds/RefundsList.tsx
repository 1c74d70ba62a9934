/**
 * 全部: every refund, paged from SQL through ag-grid's infinite row model,
 * with the totals by type and status on top (which also filter the grid) and
 * a ticket-number search. Double-click or Enter opens the ticket.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AgGridReact } from 'ag-grid-react';
import type { CellKeyDownEvent } from 'ag-grid-community';
import { Alert } from '../components/Alert';
import { gridTheme } from '../tickets/gridSetup';
import { navigate, ticketHref } from '../state/route';
import { useBranch } from '../state/session';
import { useQuery } from '../state/useQuery';
import { refundColumns, refundDatasource, type RefundListQuery } from './grid';
import { ExportButton } from '../components/ExportButton';
import { RefundTotalsPanel } from './RefundTotalsPanel';
import type { RefundFilter, RefundRow } from './types';

export function RefundsList() {
  const { t, i18n } = useTranslation();
  const { zone } = useBranch();
  const [filter, setFilter] = useState<RefundFilter>({});
  const [search, setSearch] = useState('');
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const effective = useMemo(() => ({ ...filter, ...(search.trim() ? { q: search.trim() } : {}) }), [filter, search]);
  const totals = useQuery('refunds/totals', { filter: effective });
  // A new datasource (the filter changed) makes the grid start again from the first block.
  const listQuery = useRef<RefundListQuery | null>(null);
  const datasource = useMemo(() => refundDatasource(effective, { total: setTotal, error: setError }, (query) => (listQuery.current = query)), [effective]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const columns = useMemo(() => refundColumns(t, zone), [t, zone, i18n.language]);
  const open = useCallback((row: RefundRow | undefined) => row && navigate(ticketHref(row.ticketId)), []);
  const onCellKeyDown = useCallback((e: CellKeyDownEvent<RefundRow>) => {
    if ((e.event as KeyboardEvent | null)?.key === 'Enter') open(e.data);
  }, [open]);

  return (
    <>
      <RefundTotalsPanel totals={totals.data} filter={filter} onFilter={setFilter} />
      <div className="page-head">
        <input
          type="search"
          className="search"
          placeholder={t('refunds.col.ticketNo')}
          aria-label={t('refunds.col.ticketNo')}
          value={search}
          maxLength={40}
          onChange={(e) => setSearch(e.target.value)}
        />
        <span className="spacer" />
        <span className="total" data-testid="refunds-total" data-total={total ?? ''}>
          {total === null ? '' : t('refunds.listTotal', { count: total })}
        </span>
        <ExportButton testId="export-refunds" request={() => listQuery.current && { kind: 'refunds', ...listQuery.current }} />
      </div>
      {(error || totals.error) && <Alert kind="error">{error ?? totals.error}</Alert>}
      <div className="grid-host" data-testid="refunds-grid">
        <AgGridReact<RefundRow>
          theme={gridTheme}
          rowModelType="infinite"
          cacheBlockSize={100}
          maxBlocksInCache={20}
          datasource={datasource}
          columnDefs={columns}
          localeText={{ loadingOoo: t('common.loading'), noRowsToShow: t('refunds.none') }}
          getRowId={(p) => String(p.data.id)}
          onRowDoubleClicked={(e) => open(e.data)}
          onCellKeyDown={onCellKeyDown}
          tooltipShowDelay={600}
        />
      </div>
    </>
  );
}
