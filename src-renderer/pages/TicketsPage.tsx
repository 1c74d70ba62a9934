/**
 * The ticket list: ag-grid over the infinite row model (blocks of 100 from
 * tickets/list), quick-filter chips and the top bar's search in the URL, column
 * filters and sort in the grid. Double-click or Enter opens; j/k move.
 */
import { useTimeLeftTones } from '../state/deadlineSummary';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AgGridReact } from 'ag-grid-react';
import type { CellKeyDownEvent, GridState } from 'ag-grid-community';
import type { TicketFilter, TicketRow } from '../api/types';
import { Alert } from '../components/Alert';
import { ticketColumns } from '../tickets/columns';
import { ticketDatasource } from '../tickets/datasource';
import { gridTheme } from '../tickets/gridSetup';
import { chipFilter, parseChips, QuickFilters, type Chip } from '../tickets/QuickFilters';
import { drillFilter, drillParams } from '../tickets/reportDrill';
import { DrillChip } from '../tickets/DrillChip';
import { navigate, ticketHref, ticketsHref } from '../state/route';
import { useBranch, useUser } from '../state/session';
import { useNow } from '../state/useNow';
import { mayCall } from '../lib/access';

const DEADLINE_PARAMS = ['within2h', 'approaching'] as const;
type DeadlineParam = (typeof DEADLINE_PARAMS)[number];
const deadlineParam = (v: string | null): DeadlineParam | null => DEADLINE_PARAMS.find((d) => d === v) ?? null;

function initialFilterState(params: URLSearchParams): GridState {
  const model: Record<string, { values: string[] }> = {};
  for (const key of ['status', 'channel']) {
    const values = params.get(key)?.split(',').filter(Boolean);
    if (values?.length) model[key] = { values };
  }
  return { filter: { filterModel: model } };
}

export function TicketsPage({ params }: { params: URLSearchParams }) {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const { zone } = useBranch();
  const grid = useRef<AgGridReact<TicketRow>>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const q = params.get('q')?.trim() ?? '';
  const chipsParam = params.get('chips');
  const chips = useMemo(() => parseChips(chipsParam), [chipsParam]);
  const deadline = deadlineParam(params.get('deadline'));
  // A report chart's slice (#/tickets?rf=…&cat=…), kept while chips and search change.
  const drillKey = new URLSearchParams(drillParams(params)).toString();
  const drill = useMemo(() => drillFilter(new URLSearchParams(drillKey), zone), [drillKey, zone]);
  const datasource = useMemo(() => {
    const base: TicketFilter = { ...drill, ...chipFilter(chips, user.id), ...(q ? { q } : {}) };
    if (deadline && !base.deadline) base.deadline = deadline;
    return ticketDatasource(base, { total: setTotal, error: setError });
  }, [drill, chips, q, deadline, user.id]);
  // Countdowns move with the clock: re-render just that column twice a minute.
  const now = useNow(30_000);
  const tones = useTimeLeftTones();
  const context = useMemo(() => ({ now, tones }), [now, tones]);
  useEffect(() => grid.current?.api?.refreshCells({ columns: ['due'], force: true }), [now]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const columns = useMemo(() => ticketColumns(t, zone), [t, zone, i18n.language]);
  // Read once: the Today counters link here with ?status=…
  const [initialState] = useState(() => initialFilterState(params));
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
  const href = (over: { chips?: Chip[]; q?: string | null; deadline?: DeadlineParam | null }) => {
    const c = over.chips ?? chips;
    return ticketsHref({
      ...drillParams(params),
      chips: c.join(',') || undefined,
      q: (over.q === undefined ? q : over.q) || undefined,
      deadline: (over.deadline === undefined ? deadline : over.deadline) ?? undefined,
    });
  };
  const setChips = (next: Chip[]) => navigate(href({ chips: next }));

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
            <a href={href({ q: null })} aria-label={t('tickets.clearSearch')}>
              ✕
            </a>
          </span>
        )}
        {deadline && (
          <span className="search-chip" data-testid="deadline-chip">
            {t(`today.${deadline}`)}
            <a href={href({ deadline: null })} aria-label={t('tickets.clear')}>
              ✕
            </a>
          </span>
        )}
        <DrillChip params={params} zone={zone} keep={{ chips: chips.join(',') || undefined, q: q || undefined, deadline: deadline ?? undefined }} />
        <span className="spacer" />
        <span className="total" data-testid="tickets-total" data-total={total ?? ''}>
          {total === null ? '' : t('tickets.total', { count: total })}
        </span>
      </div>
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
          initialState={initialState}
          localeText={localeText}
          getRowId={(p) => String(p.data.id)}
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
