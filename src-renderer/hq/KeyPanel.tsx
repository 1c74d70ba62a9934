/** The branch's public signing key and fingerprint, for headquarters to register. */
import { useTranslation } from 'react-i18next';
import type { ExportSettingsView } from '../../src-main/services/export/console';
import { Alert } from '../components/Alert';
import { saveBlob } from '../lib/save-file';

export function KeyPanel({ view }: { view: ExportSettingsView }) {
  const { t } = useTranslation();
  const key = view.key;
  return (
    <section className="panel hq-key" aria-labelledby="hq-key-title" data-testid="hq-key">
      <h2 id="hq-key-title">{t('hq.key.title')}</h2>
      {!key && <p className="hint">{t('hq.key.none')}</p>}
      {key && (
        <>
          {!key.keyFilePresent && <Alert kind="error">{t('hq.key.missing')}</Alert>}
          <p>
            {t('hq.key.fingerprint')}: <code className="fingerprint" data-testid="hq-fingerprint">{key.fingerprint.match(/.{1,8}/g)!.join(' ')}</code>
          </p>
          <pre className="pem">{key.publicKeyPem}</pre>
          <button type="button" className="btn small" onClick={() => void saveBlob([key.publicKeyPem], 'application/x-pem-file', `${view.branchId || 'branch'}-signing-key.pem`)}>
            {t('hq.key.save')}
          </button>
        </>
      )}
    </section>
  );
}
