/** The small form a refund step asks for: a comment, a voucher number or a reason. Esc closes it. */
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../components/Field';
import type { RefundAction } from './types';

/** Which text a step asks for, and whether it is required. */
export const STEP_FIELD: Record<RefundAction, { field: 'comment' | 'voucherNo' | 'reverseReason'; required: boolean } | null> = {
  submit: null,
  approve: { field: 'comment', required: false },
  reject: { field: 'comment', required: true },
  execute: { field: 'voucherNo', required: true },
  reverse: { field: 'reverseReason', required: true },
};

interface Props {
  action: RefundAction;
  busy: boolean;
  onSubmit(text: string): void;
  onClose(): void;
}

export function StepForm({ action, busy, onSubmit, onClose }: Props) {
  const { t } = useTranslation();
  const spec = STEP_FIELD[action]!;
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const label = spec.field === 'comment' && !spec.required ? t('refunds.field.commentOptional') : t(`refunds.field.${spec.field}`);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (spec.required && !text.trim()) {
      setError(t('refunds.required', { field: t(`refunds.field.${spec.field}`) }));
      return;
    }
    onSubmit(text.trim());
  }
  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  }
  return (
    <form className="action-form step-form" onSubmit={submit} onKeyDown={onKeyDown} noValidate data-step={action} aria-label={t(`refunds.action.${action}`)}>
      <Field label={label} error={error} required={spec.required}>
        {spec.field === 'voucherNo' ? (
          <input value={text} onChange={(e) => setText(e.target.value)} maxLength={60} autoFocus className="num" />
        ) : (
          <textarea rows={2} maxLength={500} value={text} onChange={(e) => setText(e.target.value)} autoFocus />
        )}
      </Field>
      <div className="row-actions">
        <button type="submit" className="btn primary small" disabled={busy} data-testid="confirm-step">
          {t(`refunds.action.${action}`)}
        </button>
        <button type="button" className="btn small" onClick={onClose}>
          {t('refunds.cancel')}
        </button>
      </div>
    </form>
  );
}
