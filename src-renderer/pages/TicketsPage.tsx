/**
 * The ticket list: ag-grid over the infinite row model (blocks of 100 from
 * tickets/list), quick-filter chips and the top bar's search in the URL, column
 * filters and sort in the grid. Double-click or Enter opens; j/k move.
 */
import { useTimeLeftTones } from '../state/deadlineSummary';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AgGridReact } from 'ag-grid-react';
import type { CellKeyDownEvent } from 'ag-grid-community';
import type { TicketRow } from '../api/types';
import { Alert } from '../components/Alert';
import { ticketColumns } from '../tickets/columns';
import { ticketDatasource, type TicketListQuery } from '../tickets/datasource';
import { ExportButton } from '../components/ExportButton';
import { gridTheme } from '../tickets/gridSetup';
import { parseChips, QuickFilters, type Chip } from '../tickets/QuickFilters';
import { FilterBar, FilterChips } from '../tickets/FilterBar';
import { BatchTransfer } from '../tickets/BatchTransfer';
import { AssigneeCounts } from '../tickets/AssigneeCounts';
import { deadlineParam, listFilter, withParams } from '../tickets/listParams';
import { navigate, ticketHref } from '../state/route';
import { useBranch, useUser } from '../state/session';
import { useNow } from '../state/useNow';
import { mayCall } from '../lib/access';

export function TicketsPage({ params }: { params: URLSearchParams }) {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const { zone } = useBranch();
  const grid = useRef<AgGridReact<TicketRow>>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  // 导出 takes the filter and sort the grid last asked for, exactly as sent to tickets/list.
  const listQuery = useRef<TicketListQuery | null>(null);

  const q = params.get('q')?.trim() ?? '';
  const chips = useMemo(() => parseChips(params.get('chips')), [params]);
  const deadline = deadlineParam(params);
  // The whole filter comes from the URL every time it changes (a Today tile, a report chart, a chip, the bar).
  const filterKey = JSON.stringify(listFilter(params, zone, user.id));
  const datasource = useMemo(() => ticketDatasource(JSON.parse(filterKey) as ReturnType<typeof listFilter>, { total: setTotal, error: setError }, (query) => (listQuery.current = query)), [filterKey]);
  // Countdowns move with the clock: re-render just that column twice a minute.
  const now = useNow(30_000);
  const tones = useTimeLeftTones();
  const context = useMemo(() => ({ now, tones }), [now, tones]);
  useEffect(() => grid.current?.api?.refreshCells({ columns: ['due'], force: true }), [now]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const columns = useMemo(() => ticketColumns(t, zone), [t, zone, i18n.language]);
  const localeText = useMemo(() => ({ loadingOoo: t('common.loading'), noRowsToShow: t('tickets.noRows') }), [t]);

  const open = useCallback((row: TicketRow | undefined) => row && navigate(ticketHref(row.id)), []);
  const onCellKeyDown = useCallback(
    (e: CellKeyDownEvent<TicketRow>) => {
      const event = e.event as KeyboardEvent | null;
      const key = event?.key;
      if (key === 'Enter') open(e.data);
      else if ((key === 'j' || key === 'k') && e.rowIndex !== null && !event?.ctrlKey && !event?.altKey) {
        const next = Math.max(0, Math.min(e.api.getDisplayedRowCount() - 1, e.rowIndex + (key === 'j' ? 1 : -1)));
        e.api.ensureIndexVisible(next);
        e.api.setFocusedCell(next, e.column);
      }
    },
    [open],
  );
  // Supervisors tick tickets to transfer them together (tickets/transferMany).
  const mayBatch = mayCall(user.role, 'tickets/transferMany');
  const [selected, setSelected] = useState<TicketRow[]>([]);
  const rowSelection = useMemo(() => (mayBatch ? ({ mode: 'multiRow', checkboxes: true, headerCheckbox: false } as const) : undefined), [mayBatch]);
  // After a batch transfer the rows (assignee, department, version) and the per-assignee counts are read again.
  const [batches, setBatches] = useState(0);
  const afterBatch = useCallback(() => {
    grid.current?.api?.deselectAll();
    grid.current?.api?.refreshInfiniteCache();
    setBatches((n) => n + 1);
  }, []);
  // 按处理人 (supervisors): the list's tickets per assignee, kept in the URL like every filter.
  const mayGroup = mayCall(user.role, 'tickets/byAssignee');
  const byAssignee = mayGroup && params.get('by') === 'assignee';
  const setChips = (next: Chip[]) => navigate(withParams(params, { chips: next.join(',') }));

  return (
    <section className="page tickets" aria-labelledby="tickets-title">
      <div className="page-head">
        <h1 id="tickets-title">{t('tickets.title')}</h1>
        <QuickFilters chips={chips} onChange={setChips} />
        {mayCall(user.role, 'import/upload') && (
          <a className="btn small" href="#/tickets/import" data-testid="import-link">
            {t('tickets.importCrm')}
          </a>
        )}
        {q && (
          <span className="search-chip" data-testid="search-chip">
            {t('tickets.searching', { q })}
            <a href={withParams(params, { q: undefined })} aria-label={t('tickets.clearSearch')}>
              ✕
            </a>
          </span>
        )}
        {deadline && (
          <span className="search-chip" data-testid="deadline-chip">
            {t(`today.${deadline}`)}
            <a href={withParams(params, { deadline: undefined })} aria-label={t('tickets.clear')}>
              ✕
            </a>
          </span>
        )}
        {mayGroup && (
          <button type="button" className={`btn small${byAssignee ? ' pressed' : ''}`} aria-pressed={byAssignee} data-testid="toggle-by-assignee" onClick={() => navigate(withParams(params, { by: byAssignee ? undefined : 'assignee' }))}>
            {t('tickets.byAssignee.toggle')}
          </button>
        )}
        <span className="spacer" />
        <span className="total" data-testid="tickets-total" data-total={total ?? ''}>
          {total === null ? '' : t('tickets.total', { count: total })}
        </span>
        <ExportButton request={() => listQuery.current && { kind: 'tickets', ...listQuery.current }} />
      </div>
      <FilterBar params={params} zone={zone} />
      <FilterChips params={params} zone={zone} />
      {byAssignee && <AssigneeCounts params={params} filter={JSON.parse(filterKey) as ReturnType<typeof listFilter>} refresh={batches} />}
      {mayBatch && <BatchTransfer selected={selected} onDone={afterBatch} />}
      {error && <Alert kind="error">{error}</Alert>}
      <div className="grid-host" data-testid="tickets-grid">
        <AgGridReact<TicketRow>
          ref={grid}
          theme={gridTheme}
          rowModelType="infinite"
          cacheBlockSize={100}
          maxBlocksInCache={20}
          datasource={datasource}
          columnDefs={columns}
          localeText={localeText}
          getRowId={(p) => String(p.data.id)}
          rowSelection={rowSelection}
          selectionColumnDef={{ width: 34, pinned: 'left', resizable: false }}
          onSelectionChanged={(e) => setSelected(e.api.getSelectedRows())}
          onRowDoubleClicked={(e) => open(e.data)}
          onCellKeyDown={onCellKeyDown}
          context={context}
          tooltipShowDelay={600}
        />
      </div>
      <p className="hint keys-hint">{t('tickets.keysHint')}</p>
    </section>
  );
}
