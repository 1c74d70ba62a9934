/**
 * The bar that appears when a supervisor ticks tickets in the list: transfer
 * them together to a department (and a colleague). The server transfers each
 * one it may, with its own event, and names the ones it refused and why.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketRow } from '../api/types';
import { call } from '../api/client';
import { useMeta } from '../state/meta';
import { useAction } from '../state/useAction';
import { Alert } from '../components/Alert';
import { ListSelect } from '../components/ListSelect';

export function BatchTransfer({ selected, onDone }: { selected: TicketRow[]; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const meta = useMeta();
  const [department, setDepartment] = useState('');
  const [assignee, setAssignee] = useState('');
  const [reason, setReason] = useState('');
  const { busy, msg, run } = useAction();
  const [outcome, setOutcome] = useState<{ moved: number; refused: string[] } | null>(null);
  if (selected.length === 0 && !outcome) return null;
  const submit = async () => {
    // A refusal of the whole batch is worded by useAction in the user's language (it used to show the raw error).
    const r = await run(() =>
      call('tickets/transferMany', {
        items: selected.map((row) => ({ id: row.id, version: row.version })),
        department: department.trim(),
        assigneeId: assignee ? Number(assignee) : null,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      }),
    );
    if (!r) return;
    const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
    setOutcome({ moved: r.transferred.length, refused: r.refused.map((x) => `${x.ticketNo ?? `#${x.id}`}: ${x.message[lang]}`) });
    onDone();
  };
  return (
    <div className="batch-bar" data-testid="batch-transfer">
      {selected.length > 0 && (
        <>
          <strong>{t('tickets.batch.selected', { count: selected.length })}</strong>
          <ListSelect kind="department" aria-label={t('tickets.batch.department')} blank={t('tickets.batch.department')} value={department} onChange={setDepartment} />
          <select aria-label={t('tickets.batch.assignee')} value={assignee} onChange={(e) => setAssignee(e.target.value)}>
            <option value="">{t('tickets.batch.noAssignee')}</option>
            {meta.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.displayName}
              </option>
            ))}
          </select>
          <input aria-label={t('tickets.batch.reason')} placeholder={t('tickets.batch.reason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
          <button type="button" className="btn small primary" disabled={busy || !department.trim()} onClick={() => void submit()}>
            {t('tickets.batch.transfer')}
          </button>
        </>
      )}
      {outcome && (
        <span className="batch-outcome" data-testid="batch-outcome" role="status">
          {t('tickets.batch.done', { count: outcome.moved })}
          {outcome.refused.length > 0 && ` ${t('tickets.batch.refused', { count: outcome.refused.length })} ${outcome.refused.join('；')}`}
          <button type="button" className="btn small link" onClick={() => setOutcome(null)} aria-label={t('tickets.clear')}>
            ✕
          </button>
        </span>
      )}
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
    </div>
  );
}
