/**
 * Enter a refund on a ticket: type, amount as people write it (parsed exactly
 * into fen), reason. A likely duplicate comes back from the server with its
 * own words; the user confirms it is not one, or stops.
 */
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { useAction } from '../state/useAction';
import { amountFromText } from './amount';
import { REFUND_TYPES, type RefundType, type TicketRefunds } from './types';

interface Props {
  ticketId: number;
  onDone(value: TicketRefunds, submitted: boolean): void;
  onCancel(): void;
}

type Errors = Partial<Record<'type' | 'amount' | 'reason', string>>;

export function RefundForm({ ticketId, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const [type, setType] = useState<RefundType | ''>('');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [pendingDuplicate, setPendingDuplicate] = useState<{ submit: boolean } | null>(null);
  const step = useAction();

  async function send(submit: boolean, confirmDuplicate: boolean) {
    const parsed = amountFromText(amount, t);
    const next: Errors = {};
    if (!type) next.type = t('refunds.required', { field: t('refunds.field.type') });
    if (parsed.error) next.amount = parsed.error;
    if (!reason.trim()) next.reason = t('refunds.required', { field: t('refunds.field.reason') });
    setErrors(next);
    if (Object.keys(next).length > 0 || !type || parsed.fen === null) return;
    setPendingDuplicate(null);
    const value = await step.run(() => call('refunds/create', { ticketId, type, amountFen: parsed.fen, reason: reason.trim(), submit, confirmDuplicate }));
    if (value) onDone(value, submit);
  }

  // A duplicate refusal keeps the form as it is and asks; anything else is shown as the server said it.
  const duplicate = step.msg?.code === 'refund_duplicate' ? step.msg : null;
  function onSubmit(e: FormEvent, submit = true) {
    e.preventDefault();
    setPendingDuplicate({ submit });
    void send(submit, false);
  }
  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onCancel();
    }
  }

  return (
    <form className="action-form refund-form" onSubmit={onSubmit} onKeyDown={onKeyDown} noValidate aria-label={t('refunds.add')} data-testid="refund-form">
      <div className="refund-form-row">
        <Field label={t('refunds.field.type')} error={errors.type} required>
          <select value={type} onChange={(e) => setType(e.target.value as RefundType | '')} autoFocus>
            <option value="">—</option>
            {REFUND_TYPES.map((ty) => (
              <option key={ty} value={ty}>
                {t(`refunds.type.${ty}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('refunds.field.amount')} error={errors.amount} hint={t('refunds.field.amountHint')} required>
          <input value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" maxLength={20} className="num" />
        </Field>
      </div>
      <Field label={t('refunds.field.reason')} error={errors.reason} required>
        <textarea rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      {duplicate && (
        <Alert kind="warn" testId="refund-duplicate">
          <p>
            <strong>{t('refunds.duplicateTitle')}</strong> {duplicate.text}
          </p>
          <button type="button" className="btn small" disabled={step.busy} onClick={() => void send(pendingDuplicate?.submit ?? true, true)}>
            {t('refunds.duplicateConfirm')}
          </button>
        </Alert>
      )}
      {step.msg && !duplicate && (
        <Alert kind="error" testId="refund-error">
          {step.msg.text}
        </Alert>
      )}
      <div className="row-actions">
        <button type="submit" className="btn primary small" disabled={step.busy} data-testid="refund-submit">
          {t('refunds.submitNow')}
        </button>
        <button type="button" className="btn small" disabled={step.busy} onClick={(e) => onSubmit(e, false)}>
          {t('refunds.saveDraft')}
        </button>
        <button type="button" className="btn small" onClick={onCancel}>
          {t('refunds.cancel')}
        </button>
        <span className="hint">{t('form.escHint')}</span>
      </div>
    </form>
  );
}
