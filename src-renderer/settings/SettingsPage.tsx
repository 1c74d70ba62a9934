import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, messageOf } from '../api/client';
import { Alert } from '../components/Alert';
import { useUser } from '../state/session';
import { BranchForm } from './BranchForm';
import { UsersSection } from './UsersSection';

function DemoSection() {
  const { t } = useTranslation();
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  async function load() {
    setBusy(true);
    try {
      const r = await call('demo/load', {});
      setMsg({ kind: 'ok', text: t('settings.demoLoaded', { count: r.tickets }) });
    } catch (e) {
      setMsg({ kind: 'error', text: messageOf(e) });
    } finally {
      setBusy(false);
    }
  }
  return (
    <section className="panel" aria-labelledby="demo-title">
      <h2 id="demo-title">{t('settings.demoTitle')}</h2>
      <p>{t('settings.demoBody')}</p>
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      <button type="button" className="btn small" onClick={() => void load()} disabled={busy}>
        {busy ? t('common.loading') : t('settings.demoLoad')}
      </button>
    </section>
  );
}

/** What the backend lets an administrator change today: branch, accounts, demo data. */
export function SettingsPage() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <section className="page settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      {user.role !== 'admin' ? (
        <Alert kind="info">{t('settings.adminOnly')}</Alert>
      ) : (
        <div className="settings-grid">
          <BranchForm />
          <DemoSection />
          <UsersSection />
        </div>
      )}
    </section>
  );
}
