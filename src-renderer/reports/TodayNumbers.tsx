/**
 * 工作台 Today's numbers (docs/REQUIREMENTS.md §10): received today and this month,
 * resolved, timeliness so far this month against its 90 % target as a small
 * gauge, and repeat complaints — from reports/today, the month so far's counts (no charts
 * library: this is on the start page).
 */
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/time';
import { useBranch } from '../state/session';
import { useQuery } from '../state/useQuery';
import { pct } from './format';
import './today.css';

export function TodayNumbers({ refresh }: { refresh?: unknown }) {
  const { t, i18n } = useTranslation();
  const { zone } = useBranch();
  // One narrow call: the counts of the day and the month so far, for the branch's day by the console's clock.
  const m = useQuery('reports/today', {}, refresh).data;
  const today = m?.day ?? formatDateTime(Date.now(), zone).slice(0, 10);
  const n = (v: number | undefined) => (v === undefined ? '…' : v.toLocaleString(i18n.language));
  const target = m?.targets.find((x) => x.kpi === 'timelinessRate');
  const rate = m?.timelinessRate ?? null;
  const tone = target?.met === true ? 'good' : target?.met === false ? 'bad' : '';
  const targetText = target ? pct(target.value, 0) : '';
  return (
    <a className="today-numbers" href={`#/reports?month=${today.slice(0, 7)}`} title={t('reports.today.toReports')} data-testid="today-numbers">
      <span className="today-number">
        <span className="counter-label">{t('reports.today.receivedToday')}</span>
        <span className="counter-value">{n(m?.receivedToday)}</span>
      </span>
      <span className="today-number">
        <span className="counter-label">{t('reports.today.received')}</span>
        <span className="counter-value">{n(m?.total)}</span>
      </span>
      <span className="today-number">
        <span className="counter-label">{t('reports.today.resolved')}</span>
        <span className="counter-value">{n(m?.resolved)}</span>
      </span>
      <span className={`today-number gauge ${tone}`} data-testid="today-timeliness" data-value={rate ?? ''}>
        <span className="counter-label">{t('reports.today.timeliness')}</span>
        <span className="counter-value">
          {pct(rate)} {target?.met === true ? '✓' : target?.met === false ? '✕' : ''}
        </span>
        <span className="gauge-track" role="img" aria-label={t('reports.today.gauge', { value: pct(rate), target: targetText })}>
          <span className="gauge-fill" style={{ width: `${Math.round((rate ?? 0) * 100)}%` }} />
          {target && <span className="gauge-target" style={{ left: `${target.value * 100}%` }} />}
        </span>
        <span className="hint">{t('reports.today.target', { target: targetText })}</span>
      </span>
      <span className="today-number">
        <span className="counter-label">{t('reports.today.repeat')}</span>
        <span className="counter-value">
          {n(m?.repeat)} <span className="small muted">{m ? pct(m.repeatRate) : ''}</span>
        </span>
      </span>
    </a>
  );
}
