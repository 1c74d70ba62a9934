/**
 * The console's notice for volume warnings a check raised (or raised in
 * level), shown as the host reports them, like a deadline alert. It stays
 * until closed or followed to the 预警 page. One line per warning and at most
 * SHOWN_LINES of them: a check that raises a dozen at once used to be one
 * long paragraph over the page it sat on; the rest wait on the 预警 page.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLastWarnings } from '../state/deskEvents';
import { warningsHref } from '../state/route';

const SHOWN_LINES = 3;

export function WarningNotice() {
  const { t } = useTranslation();
  const last = useLastWarnings();
  const [closed, setClosed] = useState<number | null>(null);
  if (!last || closed === last.seq) return null;
  const lines = last.batch.notices
    .slice(0, SHOWN_LINES)
    .map(
      (n) =>
        `${n.category} · ${n.district ?? t('warnings.branch')} · ${t(`warnings.period.${n.period}`)} ${n.count} · ${n.kind === 'level_raised' ? `${t('warnings.notice.levelRaised')} ` : ''}${t(`warnings.level.${n.level}`)}`,
    );
  const more = last.batch.notices.length - lines.length;
  const first = last.batch.notices[0];
  return (
    <div className="alert-notice warning-notice" role="status" data-testid="warning-notice-bar">
      <div className="warning-notice-text">
        <strong>{t('warnings.notice.title')}</strong>
        <ul data-testid="warning-notice-lines">
          {lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
        {more > 0 && <div data-testid="warning-notice-more">{t('warnings.notice.more', { count: more })}</div>}
      </div>
      <a className="btn small" href={warningsHref(first && last.batch.notices.length === 1 ? first.id : null)} onClick={() => setClosed(last.seq)}>
        {t('warnings.notice.open')}
      </a>
      <button type="button" className="btn small" aria-label={t('alerts.notice.close')} onClick={() => setClosed(last.seq)}>
        ✕
      </button>
    </div>
  );
}
