/**
 * 执行 from the refunds list: the entry it is about (ticket, type, amount,
 * deadline) and the billing voucher, confirmed before anything is sent —
 * the same step as on the ticket page, sent with the version the list showed.
 * The server checks the role, the status and the version again, and refuses
 * a voucher already used on another entry.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../src-main/core/money';
import { call } from '../api/client';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { formatDateTime } from '../lib/time';
import { useBranch } from '../state/session';
import { useAction } from '../state/useAction';
import type { RefundListRow } from './types';

export function ExecuteConfirm({ row, onDone, onClose }: { row: RefundListRow; onDone(message: string): void; onClose(): void }) {
  const { t } = useTranslation();
  const { zone } = useBranch();
  const [voucher, setVoucher] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const step = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!voucher.trim()) {
      setMissing(t('refunds.required', { field: t('refunds.field.voucherNo') }));
      return;
    }
    const done = await step.run(() => call('refunds/execute', { id: row.id, version: row.version, voucherNo: voucher.trim() }));
    if (done) onDone(t('refunds.listExecuted', { id: String(row.id), ticketNo: row.ticketNo, amount: formatFen(row.amountFen) }));
  }

  return (
    <form className="panel execute-confirm" onSubmit={(e) => void submit(e)} noValidate data-testid="execute-confirm" aria-label={t('refunds.listExecuteTitle')}>
      <strong>{t('refunds.listExecuteTitle')}</strong>
      <p>
        {t('refunds.listExecuteWhat', { id: String(row.id), ticketNo: row.ticketNo, type: t(`refunds.type.${row.type}`), amount: formatFen(row.amountFen) })}
        {row.clock?.dueAt != null && <> · {t('refunds.dueBy', { at: formatDateTime(row.clock.dueAt, zone) })}</>}
      </p>
      <Field label={t('refunds.field.voucherNo')} error={missing} required>
        <input value={voucher} onChange={(e) => (setVoucher(e.target.value), setMissing(null))} maxLength={60} autoFocus className="num" />
      </Field>
      <div className="row-actions">
        <button type="submit" className="btn primary small" disabled={step.busy} data-testid="confirm-execute">
          {t('refunds.listExecuteConfirm')}
        </button>
        <button type="button" className="btn small" onClick={onClose}>
          {t('refunds.cancel')}
        </button>
      </div>
      {step.msg && (
        <Alert kind="error" testId="execute-error">
          {step.msg.text}
        </Alert>
      )}
    </form>
  );
}
