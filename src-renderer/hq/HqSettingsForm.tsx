/** The administrator's export settings: masking of phones and names, headquarters' endpoint and the branch token. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportSettingsView } from '../../src-main/services/export/console';
import { call } from '../api/client';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { mayCall } from '../lib/access';
import { useUser } from '../state/session';
import { useAction } from '../state/useAction';

export function HqSettingsForm({ view, onSaved }: { view: ExportSettingsView; onSaved(v: ExportSettingsView): void }) {
  const { t } = useTranslation();
  const admin = mayCall(useUser().role, 'export/saveSettings');
  const [masking, setMasking] = useState(view.masking);
  const [url, setUrl] = useState(view.uploadUrl);
  const [token, setToken] = useState('');
  const { busy, msg, run } = useAction();

  async function save(e: FormEvent) {
    e.preventDefault();
    const saved = await run(() => call('export/saveSettings', { masking, uploadUrl: url.trim(), token: token.trim() ? token.trim() : null }), {
      ok: () => t('hq.settings.saved'),
    });
    if (!saved) return;
    setToken('');
    onSaved(saved);
  }

  return (
    <form className="panel hq-settings" onSubmit={save} noValidate aria-labelledby="hq-settings-title" data-testid="hq-settings">
      <h2 id="hq-settings-title">{t('hq.settings.title')}</h2>
      {!admin && <p className="hint">{t('hq.settings.adminOnly')}</p>}
      <fieldset disabled={!admin}>
        <label className="check">
          <input type="checkbox" checked={masking.phones} onChange={(e) => setMasking((m) => ({ ...m, phones: e.target.checked }))} />
          {t('hq.settings.maskPhones')}
        </label>
        <label className="check">
          <input type="checkbox" checked={masking.names} onChange={(e) => setMasking((m) => ({ ...m, names: e.target.checked }))} />
          {t('hq.settings.maskNames')}
        </label>
        <Field label={t('hq.settings.url')}>
          <input value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" maxLength={500} />
        </Field>
        <Field label={t('hq.settings.token')}>
          <input type="password" value={token} onChange={(e) => setToken(e.target.value)} placeholder={view.tokenSet ? t('hq.settings.tokenSet') : ''} autoComplete="off" />
        </Field>
        <div className="row-actions">
          <button type="submit" className="btn primary small" disabled={busy}>
            {t('hq.settings.save')}
          </button>
        </div>
      </fieldset>
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
    </form>
  );
}
