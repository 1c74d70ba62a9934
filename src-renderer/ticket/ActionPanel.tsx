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
import { RecordedProposal } from './TransferProposal';
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
  // The department the recorded proposal's button put in the transfer form.
  const [proposed, setProposed] = useState<string | null>(null);
  const { busy, msg, setMsg, run } = useAction();
  const { ticket, allowedActions, transferRequest } = detail;
  const { users } = useMeta();
  const actions = ACTION_ORDER.filter((a) => allowedActions.includes(a));
  const transferAction = actions.includes('transfer') ? 'transfer' : actions.includes('request_transfer') ? 'request_transfer' : null;

  async function send(action: TicketAction, dispatch?: { department: string; accepted: boolean }) {
    const next = await run(
      () => call('tickets/act', { id: ticket.id, version: ticket.version, action, ...(dispatch ? { dispatch } : {}) }),
      { ok: () => t('ticket.done', { action: t(`action.${action.type}`) }) },
    );
    if (!next) return;
    setActive(null);
    setProposed(null);
    onChanged(next);
  }

  function choose(type: ActionType) {
    setMsg(null);
    setProposed(null);
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
      {/* A ticket without a department (imported from the CRM): the proposal recorded for it, and a way to take it. */}
      {!ticket.department && transferAction && (
        <RecordedProposal
          ticketId={ticket.id}
          version={ticket.version}
          request={transferAction === 'request_transfer'}
          onTake={(d) => {
            setMsg(null);
            setProposed(d);
            setActive(transferAction);
          }}
        />
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
          key={`${active}:${proposed ?? ''}`}
          type={active}
          currentLevel={ticket.level}
          description={ticket.description}
          // Confirming an agent's request starts from what they asked for.
          initial={
            proposed !== null && active === transferAction
              ? { department: proposed }
              : active === 'transfer' && transferRequest
                ? { department: transferRequest.department, assigneeId: transferRequest.assigneeId === null ? '' : String(transferRequest.assigneeId) }
                : undefined
          }
          takenDepartment={proposed !== null && active === transferAction ? proposed : undefined}
          busy={busy}
          onSubmit={(action, dispatch) => void send(action, dispatch)}
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
