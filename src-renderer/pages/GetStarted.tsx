/**
 * Today on an empty database: no ticket yet, so every tile would read 0 and
 * say nothing. Instead point to the three ways a branch starts — import its
 * CRM export, register the first complaint, or (an administrator) load the
 * demo data to learn the console — each offered only to a role that may do it.
 */
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { Alert } from '../components/Alert';
import { mayCall } from '../lib/access';
import { useUser } from '../state/session';
import { useAction } from '../state/useAction';

export function GetStarted({ onLoaded }: { onLoaded(): void }) {
  const { t } = useTranslation();
  const user = useUser();
  const { busy, msg, run } = useAction();
  const loadDemo = () =>
    run(
      () => call('demo/load', {}),
      {
        ok: (r) => {
          onLoaded();
          return t('settings.demoLoaded', { count: r.tickets });
        },
      },
    );
  return (
    <section className="panel get-started" aria-labelledby="get-started-title" data-testid="get-started">
      <h2 id="get-started-title">{t('today.empty.title')}</h2>
      <p>{t('today.empty.body')}</p>
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      <ul className="get-started-ways">
        {mayCall(user.role, 'import/run') && (
          <li>
            <a className="btn primary" href="#/tickets/import" data-testid="start-import">
              {t('today.empty.import')}
            </a>
            <span className="hint">{t('today.empty.importHint')}</span>
          </li>
        )}
        {mayCall(user.role, 'tickets/create') && (
          <li>
            <a className="btn" href="#/tickets/new" data-testid="start-register">
              {t('today.empty.register')}
            </a>
            <span className="hint">{t('today.empty.registerHint')}</span>
          </li>
        )}
        {mayCall(user.role, 'demo/load') && (
          <li>
            <button type="button" className="btn" onClick={() => void loadDemo()} disabled={busy} data-testid="start-demo">
              {busy ? t('auth.settingUp') : t('today.empty.demo')}
            </button>
            <span className="hint">{t('today.empty.demoHint')}</span>
          </li>
        )}
      </ul>
    </section>
  );
}
