/**
 * 修改我的密码: anyone changes their own password by giving the current one.
 * The server ends their sessions elsewhere (another workstation, another
 * browser) and keeps this one.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { useAction } from '../state/useAction';

const EMPTY = { current: '', password: '', confirm: '' };

export function OwnPasswordSection() {
  const { t } = useTranslation();
  const [v, setV] = useState(EMPTY);
  const [mismatch, setMismatch] = useState(false);
  const { busy, msg, setMsg, run } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const differs = v.password !== v.confirm;
    setMismatch(differs);
    if (differs) {
      setMsg(null);
      return;
    }
    const done = await run(() => call('auth/changePassword', { current: v.current, password: v.password }), { ok: () => t('settings.ownPasswordChanged') });
    if (done) setV(EMPTY);
  }

  return (
    <section className="panel" aria-labelledby="own-password-title">
      <h2 id="own-password-title">{t('settings.ownPasswordTitle')}</h2>
      <form onSubmit={submit} aria-label={t('settings.ownPasswordTitle')}>
        {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
        <div className="form-grid">
          <Field label={t('settings.currentPassword')} required>
            <input type="password" value={v.current} onChange={(e) => setV({ ...v, current: e.target.value })} autoComplete="current-password" />
          </Field>
          <Field label={t('settings.ownNewPassword')} required hint={t('auth.passwordTooShort')}>
            <input type="password" value={v.password} onChange={(e) => setV({ ...v, password: e.target.value })} autoComplete="new-password" />
          </Field>
          <Field label={t('auth.passwordConfirm')} required error={mismatch ? t('auth.passwordMismatch') : null}>
            <input type="password" value={v.confirm} onChange={(e) => setV({ ...v, confirm: e.target.value })} autoComplete="new-password" />
          </Field>
        </div>
        <button type="submit" className="btn primary small" disabled={busy || !v.current || !v.password}>
          {t('settings.ownPasswordSave')}
        </button>
      </form>
    </section>
  );
}
