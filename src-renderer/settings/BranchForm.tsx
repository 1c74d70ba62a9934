import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call, messageOf } from '../api/client';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { isValidZone } from '../lib/time';
import { useSession } from '../state/session';

export function BranchForm() {
  const { t } = useTranslation();
  const { status, setStatus } = useSession();
  const [v, setV] = useState(() => status?.branch ?? { branchName: '', branchId: '', zone: 'Asia/Shanghai' });
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!isValidZone(v.zone.trim())) return setMsg({ kind: 'error', text: t('auth.badZone') });
    setBusy(true);
    try {
      const branch = await call('settings/branch', { ...v, zone: v.zone.trim() });
      if (status) setStatus({ ...status, branch });
      setMsg({ kind: 'ok', text: t('settings.branchSaved') });
    } catch (err) {
      setMsg({ kind: 'error', text: messageOf(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="branch-title">
      <h2 id="branch-title">{t('settings.branchTitle')}</h2>
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      <div className="form-grid">
        <Field label={t('auth.branchName')} required>
          <input value={v.branchName} onChange={(e) => setV({ ...v, branchName: e.target.value })} maxLength={60} />
        </Field>
        <Field label={t('auth.branchId')} required>
          <input value={v.branchId} onChange={(e) => setV({ ...v, branchId: e.target.value })} maxLength={20} />
        </Field>
        <Field label={t('auth.zone')} required>
          <input value={v.zone} onChange={(e) => setV({ ...v, zone: e.target.value })} maxLength={60} />
        </Field>
      </div>
      <button type="submit" className="btn primary small" disabled={busy}>
        {busy ? t('common.saving') : t('common.save')}
      </button>
    </form>
  );
}
