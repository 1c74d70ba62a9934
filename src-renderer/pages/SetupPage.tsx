/**
 * First start: the administrator account and the branch, in one step, with an
 * optional demo data set. The password is the user's own; nothing is preset.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { isValidZone } from '../lib/time';
import { useSession } from '../state/session';
import { useAction } from '../state/useAction';
import { AuthFrame } from './AuthFrame';

const ZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau'];
const MIN_PASSWORD = 8;

interface Form {
  username: string;
  displayName: string;
  password: string;
  confirm: string;
  branchName: string;
  branchId: string;
  zone: string;
  loadDemo: boolean;
}
type Errors = Partial<Record<keyof Form, string>>;

export function SetupPage() {
  const { t } = useTranslation();
  const { setStatus } = useSession();
  const [form, setForm] = useState<Form>({
    username: 'admin',
    displayName: '',
    password: '',
    confirm: '',
    branchName: '',
    branchId: '',
    zone: 'Asia/Shanghai',
    loadDemo: false,
  });
  const [errors, setErrors] = useState<Errors>({});
  const { busy, msg, run } = useAction();
  const serverError = msg?.text ?? null;
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));

  function validate(): Errors {
    const e: Errors = {};
    const need = (k: keyof Form, label: string) => {
      if (!String(form[k]).trim()) e[k] = t('common.required', { field: label });
    };
    need('username', t('auth.username'));
    need('displayName', t('auth.displayName'));
    need('branchName', t('auth.branchName'));
    need('branchId', t('auth.branchId'));
    if (form.password.length < MIN_PASSWORD) e.password = t('auth.passwordTooShort');
    else if (form.password !== form.confirm) e.confirm = t('auth.passwordMismatch');
    if (!isValidZone(form.zone.trim())) e.zone = t('auth.badZone');
    return e;
  }

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    const e = validate();
    setErrors(e);
    if (Object.keys(e).length) return;
    const { confirm: _confirm, ...input } = form;
    const next = await run(() => call('auth/setup', { ...input, zone: form.zone.trim() }));
    if (next) setStatus(next);
  }

  const text = (k: Exclude<keyof Form, 'loadDemo'>, label: string, extra: Record<string, unknown> = {}) => (
    <Field label={label} error={errors[k]} required>
      <input value={form[k]} onChange={(e) => set(k, e.target.value)} {...extra} />
    </Field>
  );

  return (
    <AuthFrame title={t('auth.setupTitle')} subtitle={t('auth.setupIntro')} wide>
      {serverError && (
        <Alert kind="error" testId="setup-error">
          {serverError}
        </Alert>
      )}
      <form onSubmit={submit} noValidate aria-label={t('auth.setupTitle')}>
        <div className="setup-grid">
          <fieldset>
            <legend>{t('auth.account')}</legend>
            {text('username', t('auth.username'), { autoComplete: 'username' })}
            {text('displayName', t('auth.displayName'), { autoFocus: true })}
            {text('password', t('auth.password'), { type: 'password', autoComplete: 'new-password' })}
            {text('confirm', t('auth.passwordConfirm'), { type: 'password', autoComplete: 'new-password' })}
          </fieldset>
          <fieldset>
            <legend>{t('auth.branch')}</legend>
            {text('branchName', t('auth.branchName'))}
            {text('branchId', t('auth.branchId'))}
            {text('zone', t('auth.zone'), { list: 'setup-zones' })}
            <datalist id="setup-zones">
              {ZONES.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
            <label className="check">
              <input type="checkbox" checked={form.loadDemo} onChange={(e) => set('loadDemo', e.target.checked)} />
              {t('auth.loadDemo')}
            </label>
          </fieldset>
        </div>
        <button type="submit" className="btn primary" disabled={busy}>
          {busy ? t('auth.settingUp') : t('auth.setupSubmit')}
        </button>
      </form>
    </AuthFrame>
  );
}
