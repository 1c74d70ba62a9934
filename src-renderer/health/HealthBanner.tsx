import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../components/Alert';
import { useQuery } from '../state/useQuery';
import { restoreCommand } from './restoreCommand';

/** How often the banner asks: the checks run in the background a few seconds after start, then daily. */
const POLL_MS = 30_000;

/**
 * A damaged database file, or a daily backup that failed its full check, is
 * shown to whoever is at the desk on every page, with the way to restore.
 */
export function HealthBanner() {
  const { t } = useTranslation();
  const q = useQuery('system/health', {});
  const { reload } = q;
  useEffect(() => {
    const timer = window.setInterval(reload, POLL_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  const h = q.data;
  if (!h?.problem) return null;
  const record = h.problem === 'database' ? h.database : h.backup?.check;
  const problems = record?.problems.join('；') ?? '';
  return (
    <div data-testid="health-banner">
      <Alert kind="error">
        <p>{h.problem === 'database' ? t('health.bannerDatabase', { problems }) : t('health.bannerBackup', { problems })}</p>
        {h.restoreFrom ? (
          <p>
            {t('health.bannerRestore')} <code>{restoreCommand(h)}</code>
          </p>
        ) : (
          <p>{t('health.bannerNoGoodBackup', { dir: h.backupDir })}</p>
        )}
      </Alert>
    </div>
  );
}
