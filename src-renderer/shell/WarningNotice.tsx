/**
 * The console's notice for volume warnings a check raised (or raised in
 * level), shown as the host reports them, like a deadline alert. It stays
 * until closed or followed to the 预警 page.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLastWarnings } from '../state/deskEvents';

export function WarningNotice() {
  const { t } = useTranslation();
  const last = useLastWarnings();
  const [closed, setClosed] = useState<number | null>(null);
  if (!last || closed === last.seq) return null;
  const text = last.batch.notices
    .map(
      (n) =>
        `${n.category} · ${n.district ?? t('warnings.branch')} · ${t(`warnings.period.${n.period}`)} ${n.count} · ${n.kind === 'level_raised' ? `${t('warnings.notice.levelRaised')} ` : ''}${t(`warnings.level.${n.level}`)}`,
    )
    .join(t('alerts.notice.sep'));
  const first = last.batch.notices[0];
  return (
    <div className="alert-notice warning-notice" role="status" data-testid="warning-notice-bar">
      <span>
        <strong>{t('warnings.notice.title')}</strong> {text}
      </span>
      <a className="btn small" href={`#/warnings${first && last.batch.notices.length === 1 ? `?id=${first.id}` : ''}`} onClick={() => setClosed(last.seq)}>
        {t('warnings.notice.open')}
      </a>
      <button type="button" className="btn small" aria-label={t('alerts.notice.close')} onClick={() => setClosed(last.seq)}>
        ✕
      </button>
    </div>
  );
}
