/**
 * The KPI tiles: each value with how it was counted, its target where it has
 * one, and its change against the previous period and the same period last
 * year. Better or worse is said in words and arrows as well as colour.
 */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Report } from './charts/types';
import { count, duration, pct, showsAsZero } from './format';

type TileId =
  | 'total'
  | 'resolutionRate'
  | 'timelinessRate'
  | 'repeatRate'
  | 'overlevelRate'
  | 'satisfactionRate'
  | 'responseMeanMs'
  | 'handlingMeanMs'
  | 'breached'
  | 'complaintsPer10k';
type Kind = 'count' | 'rate' | 'duration' | 'per10k';

const TILES: ReadonlyArray<{ id: TileId; kind: Kind }> = [
  { id: 'total', kind: 'count' },
  { id: 'resolutionRate', kind: 'rate' },
  { id: 'timelinessRate', kind: 'rate' },
  { id: 'repeatRate', kind: 'rate' },
  { id: 'overlevelRate', kind: 'rate' },
  { id: 'satisfactionRate', kind: 'rate' },
  { id: 'responseMeanMs', kind: 'duration' },
  { id: 'handlingMeanMs', kind: 'duration' },
  { id: 'breached', kind: 'count' },
  { id: 'complaintsPer10k', kind: 'per10k' },
];
type Change = Report['previous']['change'][TileId];

function value(r: Report, id: TileId, kind: Kind, t: TFunction, locale: string): string {
  const v = r[id];
  if (kind === 'rate') return pct(v);
  if (kind === 'duration') return duration(v, t);
  if (kind === 'per10k') return v === null ? '—' : v.toFixed(2);
  return count(v, locale);
}

function detail(r: Report, id: TileId, t: TFunction, locale: string): string {
  const n = (x: number) => x.toLocaleString(locale);
  switch (id) {
    case 'resolutionRate':
      return t('reports.detail.resolutionRate', { n: n(r.resolved), d: n(r.total) });
    case 'timelinessRate':
      return t('reports.detail.timelinessRate', { n: n(r.onTime), d: n(r.dueCount) });
    case 'repeatRate':
      return t('reports.detail.repeatRate', { n: n(r.repeat), d: n(r.total) });
    case 'overlevelRate':
      return t('reports.detail.overlevelRate', { n: n(r.overlevel), d: n(r.total) });
    case 'satisfactionRate':
      return t('reports.detail.satisfactionRate', { n: n(r.satisfied), d: n(r.rated) });
    case 'responseMeanMs':
      return t('reports.detail.responseMeanMs', { median: duration(r.responseMedianMs, t), n: n(r.responded) });
    case 'handlingMeanMs':
      return t('reports.detail.handlingMeanMs', { median: duration(r.handlingMedianMs, t), n: n(r.handled) });
    case 'breached':
      return t('reports.detail.breached', { fr: n(r.breaches.first_response), res: n(r.breaches.resolution), fu: n(r.breaches.follow_up) });
    case 'complaintsPer10k':
      return r.subscribers === null ? t('reports.detail.noSubscribers') : t('reports.detail.complaintsPer10k', { subscribers: n(r.subscribers) });
    default:
      return t('reports.detail.total');
  }
}

/** `empty`: the compared period has no tickets at all (say, before the data begins): nothing to compare with. */
function ChangeLine({ label, change, kind, empty, partial }: { label: string; change: Change; kind: Kind; empty: boolean; partial: boolean }) {
  const { t } = useTranslation();
  let text: string;
  // A change that rounds away on screen ("▼ 下降 0.0 个百分点（变差）") is shown as no change, in no colour.
  const flat = change.delta !== null && !empty && showsAsZero(change.delta, change.relative, kind === 'rate');
  if (change.delta === null || empty) text = t('reports.noBase');
  else if (flat) text = t('reports.unchanged');
  else {
    const arrow = change.delta > 0 ? '▲' : '▼';
    const amount =
      kind === 'rate'
        ? t('reports.points', { value: Math.abs(change.delta * 100).toFixed(1) })
        : change.relative === null
          ? String(Math.abs(Math.round(change.delta)))
          : pct(Math.abs(change.relative));
    const verdict = change.improved === null ? '' : t(change.improved ? 'reports.better' : 'reports.worse');
    text = `${arrow} ${t(change.delta > 0 ? 'reports.up' : 'reports.down')} ${amount}${verdict}`;
  }
  const tone = change.improved === null || empty || flat ? '' : change.improved ? ' good' : ' bad';
  return (
    <div className={`kpi-change${tone}${partial && !empty ? ' partial' : ''}`} title={partial && !empty ? t('reports.coverage.mark') : undefined}>
      <span className="kpi-change-label">
        {label}
        {partial && !empty ? '*' : ''}
      </span>{' '}
      {text}
    </div>
  );
}

/**
 * The breached tile counts tickets; its detail counts missed clocks per clock.
 * A ticket can miss more than one clock, so the three add up to at least the
 * tile: say so, with the sum, rather than leave the reader to wonder.
 */
function BreachOverlap({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const b = report.breaches;
  const sum = b.first_response + b.resolution + b.follow_up;
  const words = { sum: sum.toLocaleString(i18n.language), n: (report.breached ?? 0).toLocaleString(i18n.language) };
  return (
    <div className="kpi-detail" title={t('reports.detail.breachOverlapWhy', words)} data-testid="breach-overlap" data-sum={sum}>
      {t('reports.detail.breachOverlap', words)}
    </div>
  );
}

export function KpiTiles({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="kpi-tiles" data-testid="kpi-tiles">
      {TILES.map(({ id, kind }) => {
        const target = report.targets.find((x) => x.kpi === id);
        return (
          <div key={id} className="kpi-tile" data-testid={`kpi-${id}`} data-value={report[id] ?? ''}>
            <div className="kpi-label">{t(`reports.tile.${id}`)}</div>
            <div className="kpi-value">{value(report, id, kind, t, i18n.language)}</div>
            {target && (
              <div className={`kpi-target${target.met === null ? '' : target.met ? ' good' : ' bad'}`}>
                {t('reports.target', { target: `${target.op === '>=' ? '≥' : '<'} ${pct(target.value, 0)}` })}
                {target.met !== null && ` · ${target.met ? '✓ ' + t('reports.meets') : '✕ ' + t('reports.misses')}`}
              </div>
            )}
            <div className="kpi-detail">{detail(report, id, t, i18n.language)}</div>
            {id === 'breached' && <BreachOverlap report={report} />}
            {kind !== 'per10k' && (
              <>
                <ChangeLine
                  label={t('reports.vsPrevious')}
                  change={report.previous.change[id]}
                  kind={kind}
                  empty={report.previous.kpis.total === 0}
                  partial={report.previous.coverage.partial || report.coverage.partial}
                />
                <ChangeLine
                  label={t('reports.vsLastYear')}
                  change={report.lastYear.change[id]}
                  kind={kind}
                  empty={report.lastYear.kpis.total === 0}
                  partial={report.lastYear.coverage.partial || report.coverage.partial}
                />
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}
