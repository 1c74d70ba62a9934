/**
 * One refund entry: what, how much, where it stands, who must approve, its
 * execution deadline, the steps this user may take (as the server allows),
 * and its history. Every step is sent with the version shown.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../src-main/core/money';
import { call } from '../api/client';
import { Alert } from '../components/Alert';
import { formatDateTime } from '../lib/time';
import { useBranch } from '../state/session';
import { useAction } from '../state/useAction';
import { RefundHistory } from './RefundHistory';
import { STEP_FIELD, StepForm } from './StepForm';
import type { RefundAction, RefundView, TicketRefunds } from './types';

interface Props {
  entry: RefundView;
  onChanged(value: TicketRefunds, done: string): void;
}

export function RefundStatusBadge({ status }: { status: RefundView['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`badge refund-status-${status}`} data-refund-status={status}>
      {t(`refunds.status.${status}`)}
    </span>
  );
}

function ClockNote({ entry }: { entry: RefundView }) {
  const { t } = useTranslation();
  const { zone } = useBranch();
  const c = entry.clock;
  if (!c || c.state === 'cancelled') return null;
  const at = formatDateTime(c.dueAt, zone);
  if (c.stoppedAt !== null) return <span className="muted">{t(c.state === 'breached' ? 'refunds.executedLate' : 'refunds.executedOnTime')}</span>;
  const late = c.state === 'breached';
  return (
    <span className={late ? 'refund-clock late' : c.elapsedPct >= 80 ? 'refund-clock warn' : 'refund-clock'} data-testid="refund-clock">
      {late ? `✕ ${t('refunds.overdue', { at })}` : `⏱ ${t('refunds.dueBy', { at })}`}
    </span>
  );
}

export function RefundEntry({ entry, onChanged }: Props) {
  const { t } = useTranslation();
  const { zone } = useBranch();
  const [active, setActive] = useState<RefundAction | null>(null);
  const step = useAction();
  const e = entry;

  /** The call one step makes; every step answers the ticket's refunds as they now stand. */
  function stepCall(action: RefundAction, text: string): Promise<TicketRefunds> {
    const base = { id: e.id, version: e.version };
    if (action === 'submit') return call('refunds/submit', base);
    if (action === 'approve') return call('refunds/approve', { ...base, comment: text || null });
    if (action === 'reject') return call('refunds/reject', { ...base, comment: text });
    if (action === 'execute') return call('refunds/execute', { ...base, voucherNo: text });
    return call('refunds/reverse', { id: e.id, reason: text });
  }

  async function send(action: RefundAction, text: string) {
    const value = await step.run(() => stepCall(action, text));
    if (value) {
      setActive(null);
      onChanged(value, t('refunds.done', { action: t(`refunds.action.${action}`) }));
    }
  }
  function choose(action: RefundAction) {
    step.setMsg(null);
    if (STEP_FIELD[action] === null) void send(action, '');
    else setActive((cur) => (cur === action ? null : action));
  }

  return (
    <li className={`refund${e.amountFen < 0 ? ' reversal' : ''}`} data-refund-id={e.id} data-status={e.status} data-testid="refund-entry">
      <div className="refund-head">
        <span className="muted num">#{e.id}</span>
        <strong>{t(`refunds.type.${e.type}`)}</strong>
        <span className="refund-amount num" data-testid="refund-amount">
          {formatFen(e.amountFen)}
        </span>
        <RefundStatusBadge status={e.status} />
        {e.status === 'pending_approval' && e.requiredRole && (
          <span className="muted" data-testid="refund-needs">
            {t('refunds.needs', { role: t(`refunds.role.${e.requiredRole}`) })}
          </span>
        )}
        {e.status === 'approved' && !e.allowed.includes('execute') && (
          <span className="muted" data-testid="refund-awaits-executor">
            {t('refunds.awaitsExecutor')}
          </span>
        )}
        {e.reversesId !== null && <span className="badge">{t('refunds.reversalOf', { no: String(e.reversesId) })}</span>}
        {e.reversedById !== null && <span className="badge">{t('refunds.reversedBy', { no: String(e.reversedById) })}</span>}
        <ClockNote entry={e} />
      </div>
      <div className="refund-meta muted">
        {t('refunds.enteredBy', { name: e.createdByName })} · <span className="num">{formatDateTime(e.createdAt, zone)}</span>
        {e.voucherNo && <> · {t('refunds.voucher', { no: e.voucherNo })}</>}
      </div>
      <p className="refund-reason">{e.reason}</p>
      {e.allowed.length > 0 && (
        <div className="action-buttons">
          {e.allowed.map((a) => (
            <button
              key={a}
              type="button"
              className={`btn small${active === a ? ' pressed' : ''}${a === 'reject' || a === 'reverse' ? ' danger' : ''}`}
              disabled={step.busy}
              onClick={() => choose(a)}
              data-refund-action={a}
            >
              {t(`refunds.action.${a}`)}
            </button>
          ))}
        </div>
      )}
      {active && <StepForm key={active} action={active} busy={step.busy} onSubmit={(text) => void send(active, text)} onClose={() => setActive(null)} />}
      {step.msg && (
        <Alert kind="error" testId="refund-step-error">
          {step.msg.text}
        </Alert>
      )}
      <RefundHistory events={e.events} />
    </li>
  );
}
