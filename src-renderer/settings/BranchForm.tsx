import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useAction } from '../state/useAction';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { isValidZone } from '../lib/time';
import { useSession } from '../state/session';

export function BranchForm() {
  const { t } = useTranslation();
  const { status, setStatus } = useSession();
  const [v, setV] = useState(() => status?.branch ?? { branchName: '', branchId: '', zone: 'Asia/Shanghai' });
  const { busy, msg, setMsg, run } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!isValidZone(v.zone.trim())) return setMsg({ kind: 'error', text: t('auth.badZone') });
    const branch = await run(() => call('settings/branch', { ...v, zone: v.zone.trim() }), { ok: () => t('settings.branchSaved') });
    if (branch && status) setStatus({ ...status, branch });
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
