/**
 * 演示数据 (administrators): load the demo only into an empty database — the
 * button says why it is disabled otherwise — and, once the branch works in
 * the database, remove every demo ticket together (asked to confirm first;
 * the server deletes them in one audited step). While demo tickets are there
 * the section says they are kept out of reports and exports.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { Alert } from '../components/Alert';
import { useAction } from '../state/useAction';
import { useQuery } from '../state/useQuery';

export function DemoSection() {
  const { t } = useTranslation();
  const [changes, setChanges] = useState(0);
  const status = useQuery('demo/status', {}, changes);
  const { busy, msg, run } = useAction();
  const [confirming, setConfirming] = useState(false);
  const s = status.data;
  const load = () =>
    run(() => call('demo/load', {}), {
      ok: (r) => {
        setChanges((n) => n + 1);
        return t('settings.demoLoaded', { count: r.tickets });
      },
    });
  const remove = () =>
    run(() => call('demo/remove', {}), {
      ok: (r) => {
        setConfirming(false);
        setChanges((n) => n + 1);
        return t('settings.demoRemoved', { count: r.tickets, refunds: r.refunds });
      },
    });
  return (
    <section className="panel demo-section" aria-labelledby="demo-title" data-testid="demo-section">
      <h2 id="demo-title">{t('settings.demoTitle')}</h2>
      <p>{t('settings.demoBody')}</p>
      {status.error && <Alert kind="error">{status.error}</Alert>}
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      {s && (
        <>
          <p>
            <button type="button" className="btn small" onClick={() => void load()} disabled={busy || !s.mayLoad} data-testid="demo-load" aria-describedby={s.mayLoad ? undefined : 'demo-why'}>
              {t('settings.demoLoad')}
            </button>{' '}
            {!s.mayLoad && (
              <span id="demo-why" className="hint" data-testid="demo-why">
                {t('settings.demoNeedsEmpty', { count: s.tickets })}
              </span>
            )}
          </p>
          {s.demoTickets > 0 && (
            <div className="demo-present" data-testid="demo-present">
              <p>{t('settings.demoPresent', { count: s.demoTickets })}</p>
              {!confirming ? (
                <button type="button" className="btn small danger" onClick={() => setConfirming(true)} disabled={busy} data-testid="demo-remove">
                  {t('settings.demoRemove')}
                </button>
              ) : (
                <div className="row-actions" role="group" aria-label={t('settings.demoRemove')}>
                  <strong>{t('settings.demoRemoveConfirm', { count: s.demoTickets })}</strong>
                  <button type="button" className="btn small danger" onClick={() => void remove()} disabled={busy} data-testid="demo-remove-confirm">
                    {t('settings.demoRemoveYes')}
                  </button>
                  <button type="button" className="btn small" onClick={() => setConfirming(false)}>
                    {t('common.cancel')}
                  </button>
                </div>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
