import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useAction } from '../state/useAction';
import type { Role, UserInfo } from '../api/types';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { RoleSelect } from './RoleSelect';
import { useMeta } from '../state/meta';
import { useUser } from '../state/session';
import { ListSelect } from '../components/ListSelect';
import { UserEdit } from './UserEdit';

/** A new account starts with the least authority. */
const EMPTY = { username: '', displayName: '', role: 'agent' as Role, department: '', password: '' };

export function UsersSection() {
  const { t } = useTranslation();
  const { allUsers: users, reloadUsers } = useMeta();
  const me = useUser();
  const toggle = useAction();
  const [v, setV] = useState(EMPTY);
  const { busy, msg, run } = useAction();
  const [resetFor, setResetFor] = useState<UserInfo | null>(null);
  const [editing, setEditing] = useState<UserInfo | null>(null);
  // A reset's confirmation belongs to the table, not to the new-account form below it.
  const [notice, setNotice] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const user = await run(
      () => call('users/create', { ...v, department: v.department.trim() || null }),
      { ok: (u) => t('settings.created', { name: u.displayName }) },
    );
    if (!user) return;
    setV(EMPTY);
    reloadUsers();
  }

  /** Disable (sessions end at once, history stays) or enable an account again. */
  async function setActive(user: UserInfo, active: boolean) {
    setNotice(null);
    const done = await toggle.run(() => call('users/setActive', { userId: user.id, active }));
    if (!done) return;
    setNotice(t(active ? 'settings.enabled' : 'settings.disabled', { name: user.displayName }));
    reloadUsers();
  }

  return (
    <section className="panel" aria-labelledby="users-title">
      <h2 id="users-title">{t('settings.usersTitle')}</h2>
      {notice && <Alert kind="ok">{notice}</Alert>}
      {toggle.msg?.kind === 'error' && <Alert kind="error">{toggle.msg.text}</Alert>}
      <table className="table compact">
        <thead>
          <tr>
            <th>{t('settings.username')}</th>
            <th>{t('settings.displayName')}</th>
            <th>{t('settings.role')}</th>
            <th>{t('settings.department')}</th>
            <th>{t('settings.state')}</th>
            <th>{t('settings.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-username={u.username} className={u.active ? undefined : 'inactive'}>
              <td>{u.username}</td>
              <td>{u.displayName}</td>
              <td>{t(`role.${u.role}`)}</td>
              <td>{u.department ?? ''}</td>
              <td>
                <span className={`badge ${u.active ? 'account-active' : 'account-inactive'}`}>{t(u.active ? 'settings.active' : 'settings.inactive')}</span>
              </td>
              <td>
                <div className="cell-actions">
                  <button
                    type="button"
                    className="btn small"
                    onClick={() => {
                      setNotice(null);
                      setResetFor(null);
                      setEditing(u);
                    }}
                  >
                    {t('users.edit')}
                  </button>
                  <button
                    type="button"
                    className="btn small"
                    onClick={() => {
                      setNotice(null);
                      setEditing(null);
                      setResetFor(u);
                    }}
                  >
                    {t('settings.resetPassword')}
                  </button>
                  {u.id !== me.id && (
                    <button type="button" className="btn small" disabled={toggle.busy} onClick={() => void setActive(u, !u.active)}>
                      {t(u.active ? 'settings.disable' : 'settings.enable')}
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && (
        <UserEdit
          key={editing.id}
          user={editing}
          self={editing.id === me.id}
          onDone={(text) => {
            setEditing(null);
            setNotice(text);
            reloadUsers();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {resetFor && (
        <PasswordReset
          user={resetFor}
          onDone={(text) => {
            setResetFor(null);
            setNotice(text);
          }}
          onCancel={() => setResetFor(null)}
        />
      )}
      <form onSubmit={submit} aria-label={t('settings.newUser')}>
        <h3>{t('settings.newUser')}</h3>
        {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
        <div className="form-grid">
          <Field label={t('settings.username')} required>
            <input value={v.username} onChange={(e) => setV({ ...v, username: e.target.value })} maxLength={40} autoComplete="off" />
          </Field>
          <Field label={t('settings.displayName')} required>
            <input value={v.displayName} onChange={(e) => setV({ ...v, displayName: e.target.value })} maxLength={40} />
          </Field>
          <Field label={t('settings.role')} required>
            <RoleSelect value={v.role} onChange={(role) => setV({ ...v, role })} />
          </Field>
          <Field label={t('settings.department')}>
            <ListSelect kind="department" value={v.department} onChange={(d) => setV({ ...v, department: d })} />
          </Field>
          <Field label={t('settings.password')} required hint={t('auth.passwordTooShort')}>
            <input type="password" value={v.password} onChange={(e) => setV({ ...v, password: e.target.value })} autoComplete="new-password" />
          </Field>
        </div>
        <button type="submit" className="btn primary small" disabled={busy}>
          {t('settings.create')}
        </button>
      </form>
    </section>
  );
}

/** An administrator sets a colleague's password (forgotten, or a demo colleague's unknown one). */
function PasswordReset({ user, onDone, onCancel }: { user: UserInfo; onDone: (message: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const { busy, msg, run } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await run(() => call('users/resetPassword', { userId: user.id, password }))) onDone(t('settings.passwordReset', { name: user.displayName }));
  }

  return (
    <form onSubmit={submit} aria-label={t('settings.resetPassword')} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <h3>{t('settings.resetPassword')}</h3>
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      <div className="form-grid">
        <Field label={t('settings.newPassword', { name: user.displayName })} required hint={t('auth.passwordTooShort')}>
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" autoFocus />
        </Field>
      </div>
      <button type="submit" className="btn primary small" disabled={busy}>
        {t('settings.savePassword')}
      </button>{' '}
      <button type="button" className="btn small" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
