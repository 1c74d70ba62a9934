/**
 * The actions this ticket allows now (from tickets/get's allowedActions, never
 * guessed here). Each is sent with the version the user is looking at, so a
 * change made meanwhile by someone else is refused, not overwritten.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiFailure, call, messageOf } from '../api/client';
import type { ActionType, TicketAction, TicketDetail } from '../api/types';
import { Alert } from '../components/Alert';
import { ACTION_ORDER } from '../lib/codes';
import { ACTION_FIELDS } from './actionInput';
import { ActionForm } from './ActionForm';
import { useMeta } from '../state/meta';

interface Props {
  detail: TicketDetail;
  onChanged(detail: TicketDetail): void;
  onReload(): void;
}

export function ActionPanel({ detail, onChanged, onReload }: Props) {
  const { t } = useTranslation();
  const [active, setActive] = useState<ActionType | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; code: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { ticket, allowedActions, transferRequest } = detail;
  const { users } = useMeta();
  const actions = ACTION_ORDER.filter((a) => allowedActions.includes(a));

  async function send(action: TicketAction) {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const next = await call('tickets/act', { id: ticket.id, version: ticket.version, action });
      setActive(null);
      setDone(t('ticket.done', { action: t(`action.${action.type}`) }));
      onChanged(next);
    } catch (e) {
      setError({ message: messageOf(e), code: e instanceof ApiFailure ? e.code : 'error' });
    } finally {
      setBusy(false);
    }
  }

  function choose(type: ActionType) {
    setError(null);
    setDone(null);
    if (Object.keys(ACTION_FIELDS[type]).length === 0) {
      setActive(null);
      void send({ type } as TicketAction);
    } else setActive((cur) => (cur === type ? null : type));
  }

  return (
    <section className="panel actions" aria-labelledby="actions-title" data-testid="action-panel">
      <h2 id="actions-title">{t('ticket.actions')}</h2>
      {transferRequest && (
        <Alert kind="info" testId="transfer-request">
          <p>
            {t('ticket.transferRequested', {
              name: transferRequest.requestedByName ?? '',
              target: [transferRequest.department, users.find((u) => u.id === transferRequest.assigneeId)?.displayName].filter(Boolean).join(' · '),
              reason: transferRequest.reason ?? '',
            })}
          </p>
          <p className="muted">{t('ticket.transferRequestHint')}</p>
        </Alert>
      )}
      {actions.length === 0 && <p className="empty">{t('ticket.noActions')}</p>}
      <div className="action-buttons">
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            className={`btn small${active === a ? ' pressed' : ''}${a === 'void' ? ' danger' : ''}`}
            aria-expanded={Object.keys(ACTION_FIELDS[a]).length ? active === a : undefined}
            disabled={busy}
            onClick={() => choose(a)}
            data-action={a}
          >
            {t(`action.${a}`)}
          </button>
        ))}
      </div>
      {active && (
        <ActionForm
          key={active}
          type={active}
          currentLevel={ticket.level}
          // Confirming an agent's request starts from what they asked for.
          initial={
            active === 'transfer' && transferRequest
              ? { department: transferRequest.department, assigneeId: transferRequest.assigneeId === null ? '' : String(transferRequest.assigneeId) }
              : undefined
          }
          busy={busy}
          onSubmit={(action) => void send(action)}
          onClose={() => {
            setActive(null);
            setError(null);
          }}
        />
      )}
      {error && (
        <Alert kind="error" testId="action-error">
          <p>{error.message}</p>
          {error.code === 'conflict' && (
            <button
              type="button"
              className="btn small"
              onClick={() => {
                setError(null);
                setActive(null);
                onReload();
              }}
            >
              {t('common.reload')}
            </button>
          )}
        </Alert>
      )}
      {done && (
        <Alert kind="ok" testId="action-done">
          {done}
        </Alert>
      )}
    </section>
  );
}
