/**
 * 全部: every refund, paged from SQL through ag-grid's infinite row model,
 * with the totals by type and status on top (which also filter the grid), a
 * ticket-number search and 超时未执行 (approved entries past their execution
 * deadline). Each row shows its deadline; 执行 opens a confirmation with the
 * voucher for the rows the server says this viewer may execute. Double-click
 * or Enter opens the ticket.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AgGridReact } from 'ag-grid-react';
import type { CellKeyDownEvent } from 'ag-grid-community';
import { Alert } from '../components/Alert';
import { gridTheme } from '../tickets/gridSetup';
import { navigate, ticketHref } from '../state/route';
import { useTimeLeftTones } from '../state/deadlineSummary';
import { useBranch } from '../state/session';
import { useNow } from '../state/useNow';
import { useQuery } from '../state/useQuery';
import { refundColumns, refundDatasource, type RefundListQuery } from './grid';
import { ExportButton } from '../components/ExportButton';
import { RefundTotalsPanel } from './RefundTotalsPanel';
import { ExecuteConfirm } from './ExecuteConfirm';
import type { RefundGridContext } from './cells';
import type { RefundFilter, RefundListRow } from './types';

export function RefundsList() {
  const { t, i18n } = useTranslation();
  const { zone } = useBranch();
  const grid = useRef<AgGridReact<RefundListRow>>(null);
  const [filter, setFilter] = useState<RefundFilter>({});
  const [search, setSearch] = useState('');
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [executing, setExecuting] = useState<RefundListRow | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // Bumped after an execution: the totals and the overdue count are read again with the rows.
  const [changes, setChanges] = useState(0);
  const effective = useMemo(() => ({ ...filter, ...(search.trim() ? { q: search.trim() } : {}) }), [filter, search]);
  const totals = useQuery('refunds/totals', { filter: effective }, changes);
  const overdue = useQuery('refunds/totals', { filter: { overdue: true } }, changes);
  // A new datasource (the filter changed) makes the grid start again from the first block.
  const listQuery = useRef<RefundListQuery | null>(null);
  const datasource = useMemo(() => refundDatasource(effective, { total: setTotal, error: setError }, (query) => (listQuery.current = query)), [effective]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const columns = useMemo(() => refundColumns(t, zone), [t, zone, i18n.language]);
  const now = useNow(30_000);
  const tones = useTimeLeftTones();
  const onExecute = useCallback((row: RefundListRow) => {
    setDone(null);
    setExecuting(row);
  }, []);
  // Countdowns move with the clock: re-render just that column twice a minute.
  useEffect(() => grid.current?.api?.refreshCells({ columns: ['deadline'], force: true }), [now]);
  const context = useMemo((): RefundGridContext => ({ now, tones, onExecute }), [now, tones, onExecute]);
  const open = useCallback((row: RefundListRow | undefined) => row && navigate(ticketHref(row.ticketId)), []);
  const onCellKeyDown = useCallback((e: CellKeyDownEvent<RefundListRow>) => {
    if ((e.event as KeyboardEvent | null)?.key === 'Enter') open(e.data);
  }, [open]);
  const afterExecute = (message: string) => {
    setExecuting(null);
    setDone(message);
    grid.current?.api?.refreshInfiniteCache();
    setChanges((n) => n + 1);
  };
  const overdueCount = overdue.data?.count ?? 0;

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
        <button
          type="button"
          className={`btn small${filter.overdue ? ' pressed' : ''}${overdueCount ? ' danger' : ''}`}
          aria-pressed={Boolean(filter.overdue)}
          data-testid="overdue-filter"
          data-count={overdue.data ? overdueCount : ''}
          onClick={() => setFilter({ ...filter, overdue: filter.overdue ? undefined : true })}
        >
          {t('refunds.overdueFilter', { count: overdueCount })}
        </button>
        <span className="spacer" />
        <span className="total" data-testid="refunds-total" data-total={total ?? ''}>
          {total === null ? '' : t('refunds.listTotal', { count: total })}
        </span>
        <ExportButton testId="export-refunds" request={() => listQuery.current && { kind: 'refunds', ...listQuery.current }} />
      </div>
      {executing && <ExecuteConfirm key={executing.id} row={executing} onDone={afterExecute} onClose={() => setExecuting(null)} />}
      {done && <Alert kind="ok" testId="execute-done">{done}</Alert>}
      {(error || totals.error) && <Alert kind="error">{error ?? totals.error}</Alert>}
      <div className="grid-host" data-testid="refunds-grid">
        <AgGridReact<RefundListRow>
          ref={grid}
          theme={gridTheme}
          rowModelType="infinite"
          cacheBlockSize={100}
          maxBlocksInCache={20}
          datasource={datasource}
          columnDefs={columns}
          context={context}
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
