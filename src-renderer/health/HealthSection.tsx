import { useTranslation } from 'react-i18next';
import type { CheckRecord } from '../api/types';
import { Alert } from '../components/Alert';
import { formatDateTime } from '../lib/time';
import { useBranch } from '../state/session';
import { useQuery } from '../state/useQuery';
import { restoreCommand } from './restoreCommand';

function CheckLine({ record }: { record: CheckRecord }) {
  const { t } = useTranslation();
  const zone = useBranch().zone;
  const args = { kind: t(`health.kind.${record.kind}`), at: formatDateTime(record.at, zone), seconds: (record.ms / 1000).toFixed(1) };
  return record.ok ? (
    <span>{t('health.passed', args)}</span>
  ) : (
    <strong>{t('health.failed', { ...args, problems: record.problems.join('；') })}</strong>
  );
}

/** Settings: when the database and its backups were last checked, what they showed, and how to restore. */
export function HealthSection() {
  const { t } = useTranslation();
  const zone = useBranch().zone;
  const { data: h, error } = useQuery('system/health', {});
  return (
    <section className="panel" aria-labelledby="health-title" data-testid="health-section">
      <h2 id="health-title">{t('health.title')}</h2>
      <p>{t('health.intro')}</p>
      {error && <Alert kind="error">{error}</Alert>}
      {h && (
        <dl className="facts">
          <dt>{t('health.database')}</dt>
          <dd>
            <code>{h.file}</code>
            <br />
            {h.database ? <CheckLine record={h.database} /> : t('health.notYet')}
          </dd>
          <dt>{t('health.backup')}</dt>
          <dd>
            {h.backup ? (
              <>
                <code>{h.backup.path}</code> ({formatDateTime(h.backup.at, zone)})
                <br />
                {h.backup.check ? <CheckLine record={h.backup.check} /> : t('health.checking')}
              </>
            ) : (
              t('health.noBackup')
            )}
          </dd>
          <dt>{t('health.backupDir')}</dt>
          <dd>
            <code>{h.backupDir}</code>
          </dd>
          <dt>{t('health.restoreFrom')}</dt>
          <dd>{h.restoreFrom ? <code>{h.restoreFrom}</code> : t('health.none')}</dd>
          <dt>{t('health.howToRestore')}</dt>
          <dd>
            <code>{restoreCommand(h)}</code>
          </dd>
        </dl>
      )}
    </section>
  );
}
