/**
 * The actions this ticket allows now (from tickets/get's allowedActions, never
 * guessed here). Each is sent with the version the user is looking at, so a
 * change made meanwhile by someone else is refused, not overwritten.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import type { ActionType, TicketAction, TicketDetail } from '../api/types';
import { Alert } from '../components/Alert';
import { ACTION_ORDER } from '../lib/codes';
import { ACTION_FIELDS } from './actionInput';
import { ActionForm } from './ActionForm';
import { useMeta } from '../state/meta';
import { useAction } from '../state/useAction';

interface Props {
  detail: TicketDetail;
  onChanged(detail: TicketDetail): void;
  onReload(): void;
}

export function ActionPanel({ detail, onChanged, onReload }: Props) {
  const { t } = useTranslation();
  const [active, setActive] = useState<ActionType | null>(null);
  const { busy, msg, setMsg, run } = useAction();
  const { ticket, allowedActions, transferRequest } = detail;
  const { users } = useMeta();
  const actions = ACTION_ORDER.filter((a) => allowedActions.includes(a));

  async function send(action: TicketAction) {
    const next = await run(
      () => call('tickets/act', { id: ticket.id, version: ticket.version, action }),
      { ok: () => t('ticket.done', { action: t(`action.${action.type}`) }) },
    );
    if (!next) return;
    setActive(null);
    onChanged(next);
  }

  function choose(type: ActionType) {
    setMsg(null);
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
          description={ticket.description}
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
            setMsg(null);
          }}
        />
      )}
      {msg?.kind === 'error' && (
        <Alert kind="error" testId="action-error">
          <p>{msg.text}</p>
          {msg.code === 'conflict' && (
            <button
              type="button"
              className="btn small"
              onClick={() => {
                setMsg(null);
                setActive(null);
                onReload();
              }}
            >
              {t('common.reload')}
            </button>
          )}
        </Alert>
      )}
      {msg?.kind === 'ok' && (
        <Alert kind="ok" testId="action-done">
          {msg.text}
        </Alert>
      )}
    </section>
  );
}
