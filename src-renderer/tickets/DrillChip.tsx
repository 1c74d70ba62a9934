/** The chip that says the list shows a report chart's slice, with a way back to the whole list. */
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/time';
import { useMeta } from '../state/meta';
import { ticketsHref } from '../state/route';
import { drillFilter, hasDrill } from './reportDrill';

export function DrillChip({ params, zone, keep }: { params: URLSearchParams; zone: string; keep: Record<string, string | undefined> }) {
  const { t } = useTranslation();
  const { categories } = useMeta();
  if (!hasDrill(params)) return null;
  const f = drillFilter(params, zone);
  const day = (ms: number | undefined) => (ms === undefined ? '' : formatDateTime(ms, zone).slice(0, 10));
  const to = f.receivedTo === undefined ? undefined : f.receivedTo - 1;
  const slot = /^([0-6]):(\d{1,2})$/.exec(params.get('slot') ?? '');
  const parts = [
    f.receivedFrom !== undefined ? `${day(f.receivedFrom)} – ${day(to)}` : null,
    f.categoryId !== undefined ? (categories.find((c) => c.id === f.categoryId)?.path ?? `#${f.categoryId}`) : null,
    f.district ?? null,
    f.department ?? null,
    f.missed && f.missed !== 'any' ? t('reports.drill.missed', { clock: t(`reports.clock.${f.missed}`) }) : null,
    slot ? t('reports.drill.slot', { weekday: t('reports.chart.weekdays').split(',')[Number(slot[1])] ?? '', hour: slot[2] ?? '' }) : null,
  ].filter(Boolean);
  return (
    <span className="search-chip" data-testid="drill-chip">
      {t('reports.drill.label')}: {parts.join(' · ')}
      <a href={ticketsHref(keep)} aria-label={t('reports.drill.clear')}>
        ✕
      </a>
    </span>
  );
}
