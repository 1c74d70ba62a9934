/**
 * The ticket's forecast under its clocks (deadlines/forecast): when the
 * branch's own history expects it to be settled, the share of like tickets
 * that went past this one's limit, and why, in the branch's words
 * (同类工单在此进度时 50%（3/6）最终超时，剩 28 小时). The finish is past the due
 * time exactly when the ticket is flagged. Labelled as an estimate; said
 * plainly when there are too few like tickets to say anything.
 */
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/time';
import { useBranch } from '../state/session';
import { useQuery } from '../state/useQuery';

export function ForecastLine({ ticketId, version }: { ticketId: number; version: number }) {
  const { t, i18n } = useTranslation();
  const { zone } = useBranch();
  // Reloaded whenever the ticket moves (its version), like the rest of the page.
  const q = useQuery('deadlines/forecast', { id: ticketId, locale: i18n.language === 'en' ? 'en' : 'zh-CN' }, version);
  const f = q.data;
  if (!f || f.state === 'none') return null;
  if (f.state === 'unknown') {
    return (
      <p className="forecast muted" data-testid="forecast" data-state="unknown">
        <span className="forecast-label">{t('qc.forecast.label')}</span> {t('qc.forecast.unknown', { peers: String(f.peers), min: String(f.minPeers) })}
      </p>
    );
  }
  return (
    <p className={`forecast${f.likelyToMiss ? ' likely' : ''}`} data-testid="forecast" data-state={f.likelyToMiss ? 'likely' : 'fine'} data-finish={f.finishAt} data-risk={f.missRisk}>
      <span className="forecast-label">{t('qc.forecast.label')}</span>{' '}
      <span className="forecast-finish" title={t('qc.forecast.finishHint')}>
        {t('qc.forecast.finish', { at: formatDateTime(f.finishAt, zone) })}
      </span>
      {' · '}
      <span title={t('qc.forecast.riskHint', { peers: String(f.peers) })}>{t('qc.forecast.risk', { pct: String(Math.round(f.missRisk * 100)) })}</span>
      {' · '}
      <strong className="forecast-verdict">{f.likelyToMiss ? t('qc.forecast.likely') : t('qc.forecast.fine')}</strong>
      {' · '}
      <span className="forecast-reason" data-testid="forecast-reason">
        {f.reason}
      </span>
      {f.queueAhead > 0 && <span className="muted"> · {t('qc.forecast.queue', { n: String(f.queueAhead) })}</span>}
    </p>
  );
}
