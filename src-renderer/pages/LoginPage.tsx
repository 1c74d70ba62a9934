import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { useSession } from '../state/session';
import { useAction } from '../state/useAction';
import { AuthFrame } from './AuthFrame';

export function LoginPage() {
  const { t } = useTranslation();
  const { status, notice, setStatus } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { busy, msg, run } = useAction();
  const error = msg?.text ?? null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next = await run(() => call('auth/login', { username, password }), { refused: () => setPassword('') });
    if (next) setStatus(next);
  }

  const branch = status?.branch.branchName;
  return (
    <AuthFrame title={t('auth.loginTitle')} subtitle={branch || undefined}>
      {notice && !error && (
        <Alert kind="warn" testId="login-notice">
          {notice}
        </Alert>
      )}
      {error && (
        <Alert kind="error" testId="login-error">
          {error}
        </Alert>
      )}
      <form onSubmit={submit} className="form-stack" aria-label={t('auth.loginTitle')}>
        <Field label={t('auth.username')} required>
          <input autoFocus autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
        </Field>
        <Field label={t('auth.password')} required>
          <input type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        </Field>
        <button type="submit" className="btn primary" disabled={busy}>
          {busy ? t('auth.loggingIn') : t('auth.login')}
        </button>
      </form>
    </AuthFrame>
  );
}
