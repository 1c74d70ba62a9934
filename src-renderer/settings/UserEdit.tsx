/**
 * An administrator corrects a colleague's name, role or department. The
 * server refuses a change of one's own role and the last administrator's
 * demotion; the form says so before sending by not offering one's own role.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { UserInfo } from '../api/types';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { ListSelect } from '../components/ListSelect';
import { RoleSelect } from './RoleSelect';
import { useAction } from '../state/useAction';

export function UserEdit({ user, self, onDone, onCancel }: { user: UserInfo; self: boolean; onDone: (message: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ displayName: user.displayName, role: user.role, department: user.department ?? '' });
  const { busy, msg, run } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const saved = await run(() => call('users/update', { userId: user.id, displayName: v.displayName, role: v.role, department: v.department || null }));
    if (saved) onDone(t('users.saved', { name: saved.displayName }));
  }

  return (
    <form onSubmit={submit} aria-label={t('users.editTitle', { name: user.displayName })} onKeyDown={(e) => e.key === 'Escape' && onCancel()} data-testid="user-edit">
      <h3>{t('users.editTitle', { name: user.displayName })}</h3>
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      <div className="form-grid">
        <Field label={t('settings.displayName')} required>
          <input value={v.displayName} onChange={(e) => setV({ ...v, displayName: e.target.value })} maxLength={40} autoFocus />
        </Field>
        <Field label={t('settings.role')} required hint={self ? t('users.ownRoleHint') : undefined}>
          <RoleSelect value={v.role} onChange={(role) => setV({ ...v, role })} disabled={self} />
        </Field>
        <Field label={t('settings.department')}>
          <ListSelect kind="department" value={v.department} onChange={(d) => setV({ ...v, department: d })} />
        </Field>
      </div>
      <button type="submit" className="btn primary small" disabled={busy}>
        {t('lists.save')}
      </button>{' '}
      <button type="button" className="btn small" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
