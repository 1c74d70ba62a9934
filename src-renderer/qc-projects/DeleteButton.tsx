/**
 * 删除 with a confirmation in place: the first click asks (naming what goes
 * and what follows from it), the second deletes; with `reasonNeeded` the
 * confirmation takes a reason (删除原因) first, as the server requires.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../state/useAction';
import { Alert } from '../components/Alert';

interface Props {
  /** The question asked: 确定删除原因“培训不够”？ */
  question: string;
  /** Said under the question: what else the deletion does. */
  note?: string;
  reasonNeeded?: boolean;
  onDelete(reason: string): Promise<unknown>;
  onDone(): void;
  testId: string;
}

export function DeleteButton({ question, note, reasonNeeded, onDelete, onDone, testId }: Props) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, msg, run } = useAction();
  async function confirmed() {
    const done = await run(() => onDelete(reason));
    if (done === null) return;
    setAsking(false);
    onDone();
  }
  if (!asking)
    return (
      <button type="button" className="btn small danger no-print" onClick={() => setAsking(true)} data-testid={testId}>
        {t('qcProjects.delete.button')}
      </button>
    );
  return (
    <div className="qc-confirm no-print" role="alertdialog" aria-label={question} data-testid={`${testId}-confirm`}>
      <p>
        <strong>{question}</strong>
        {note && <span className="muted"> {note}</span>}
      </p>
      {reasonNeeded && (
        <label className="qc-confirm-reason">
          {t('qcProjects.delete.reason')}
          <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} data-testid={`${testId}-reason`} />
        </label>
      )}
      {msg && msg.kind === 'error' && <Alert kind="error">{msg.text}</Alert>}
      <div className="form-actions">
        <button type="button" className="btn small danger" disabled={busy} onClick={() => void confirmed()} data-testid={`${testId}-yes`}>
          {t('qcProjects.delete.confirm')}
        </button>
        <button type="button" className="btn small" disabled={busy} onClick={() => setAsking(false)}>
          {t('qcProjects.form.cancel')}
        </button>
      </div>
    </div>
  );
}
