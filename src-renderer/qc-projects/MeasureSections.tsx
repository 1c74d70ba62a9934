/**
 * 对策制定 and 对策实施: countermeasures with their cause, owner and due day;
 * ticking one done records when; each can be corrected (修改) or deleted.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useAction } from '../state/useAction';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { formatDateTime } from '../lib/time';
import { useBranch } from '../state/session';
import type { StoredCause, StoredMeasure } from './types';
import { DeleteButton } from './DeleteButton';

export function AddMeasureForm({ projectId, causes, onDone }: { projectId: number; causes: StoredCause[]; onDone(): void }) {
  const { t } = useTranslation();
  const [what, setWhat] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDay, setDueDay] = useState('');
  const [causeId, setCauseId] = useState('');
  const { busy, msg, run } = useAction();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const done = await run(
      () => call('qcProjects/addMeasure', { projectId, causeId: causeId ? Number(causeId) : null, measure: what, owner, dueDay }),
      { ok: () => t('qcProjects.measure.added') },
    );
    if (done === null) return;
    setWhat('');
    setOwner('');
    setDueDay('');
    setCauseId('');
    onDone();
  }
  // Countermeasures answer the main causes; the others stay offered, after them.
  const ordered = [...causes].sort((a, b) => Number(b.verdict === 'confirmed') - Number(a.verdict === 'confirmed'));
  return (
    <form className="qc-inline-form no-print" onSubmit={(e) => void submit(e)} aria-label={t('qcProjects.measure.add')}>
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      <div className="form-row">
        <Field label={t('qcProjects.measure.what')} required className="grow">
          <input value={what} maxLength={500} onChange={(e) => setWhat(e.target.value)} />
        </Field>
        <Field label={t('qcProjects.measure.cause')}>
          <select value={causeId} onChange={(e) => setCauseId(e.target.value)}>
            <option value="">{t('qcProjects.measure.noCause')}</option>
            {ordered.map((c) => (
              <option key={c.id} value={c.id}>
                {c.text}
                {c.verdict === 'confirmed' ? `（${t('qcProjects.verdict.confirmed')}）` : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('qcProjects.measure.owner')} required>
          <input value={owner} maxLength={40} onChange={(e) => setOwner(e.target.value)} />
        </Field>
        <Field label={t('qcProjects.measure.dueDay')} required>
          <input type="date" value={dueDay} onChange={(e) => setDueDay(e.target.value)} />
        </Field>
        <button type="submit" className="btn" disabled={busy || what.trim() === '' || owner.trim() === '' || dueDay === ''}>
          {t('qcProjects.measure.add')}
        </button>
      </div>
    </form>
  );
}

function MeasureRow({
  m,
  causes,
  editable,
  today,
  onDone,
}: {
  m: StoredMeasure;
  causes: StoredCause[];
  editable: boolean;
  today: string;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const { zone } = useBranch();
  const { busy, msg, run } = useAction();
  const [editing, setEditing] = useState(false);
  const [what, setWhat] = useState(m.what);
  const [owner, setOwner] = useState(m.owner);
  const [dueDay, setDueDay] = useState(m.dueDay);
  const [causeId, setCauseId] = useState(m.causeId === null ? '' : String(m.causeId));
  const done = m.doneAt !== null;
  const send = (next: { what: string; owner: string; dueDay: string; causeId: number | null; done: boolean }) =>
    run(() => call('qcProjects/updateMeasure', { id: m.id, causeId: next.causeId, measure: next.what, owner: next.owner, dueDay: next.dueDay, done: next.done }));
  async function toggle(next: boolean) {
    const r = await send({ what: m.what, owner: m.owner, dueDay: m.dueDay, causeId: m.causeId, done: next });
    if (r !== null) onDone();
  }
  async function save() {
    const r = await send({ what, owner, dueDay, causeId: causeId ? Number(causeId) : null, done });
    if (r !== null) onDone();
  }
  const overdue = !done && m.dueDay < today;
  const causeText = causes.find((c) => c.id === m.causeId)?.text ?? '—';
  if (editing)
    return (
      <tr data-testid={`qc-measure-${m.id}`} className="qc-editing">
        <td>
          <input aria-label={t('qcProjects.measure.what')} value={what} maxLength={500} onChange={(e) => setWhat(e.target.value)} data-testid="qc-measure-edit-what" />
        </td>
        <td>
          <select aria-label={t('qcProjects.measure.cause')} value={causeId} onChange={(e) => setCauseId(e.target.value)}>
            <option value="">{t('qcProjects.measure.noCause')}</option>
            {causes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.text}
              </option>
            ))}
          </select>
        </td>
        <td>
          <input aria-label={t('qcProjects.measure.owner')} value={owner} maxLength={40} onChange={(e) => setOwner(e.target.value)} data-testid="qc-measure-edit-owner" />
        </td>
        <td>
          <input type="date" aria-label={t('qcProjects.measure.dueDay')} value={dueDay} onChange={(e) => setDueDay(e.target.value)} data-testid="qc-measure-edit-due" />
        </td>
        <td>
          <div className="qc-row-actions">
            <button type="button" className="btn small primary" disabled={busy || what.trim() === '' || owner.trim() === '' || dueDay === ''} onClick={() => void save()} data-testid="qc-measure-save">
              {t('qcProjects.form.save')}
            </button>
            <button type="button" className="btn small" disabled={busy} onClick={() => setEditing(false)}>
              {t('qcProjects.form.cancel')}
            </button>
          </div>
          {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
        </td>
      </tr>
    );
  return (
    <tr data-testid={`qc-measure-${m.id}`}>
      <td>{m.what}</td>
      <td>{causeText}</td>
      <td>{m.owner}</td>
      <td>{m.dueDay}</td>
      <td>
        <label className="qc-done">
          {editable && <input type="checkbox" className="no-print" checked={done} disabled={busy} onChange={(e) => void toggle(e.target.checked)} />}
          <span className={done ? 'ok' : overdue ? 'danger' : 'muted'}>
            {done ? t('qcProjects.measure.doneAt', { at: formatDateTime(m.doneAt, zone) }) : overdue ? t('qcProjects.measure.overdue') : t('qcProjects.measure.notDone')}
          </span>
        </label>
        {editable && (
          <div className="qc-row-actions no-print">
            <button type="button" className="btn small" onClick={() => setEditing(true)} data-testid="qc-measure-edit">
              {t('qcProjects.edit')}
            </button>
            <DeleteButton
              question={t('qcProjects.delete.measure', { what: m.what })}
              onDelete={() => call('qcProjects/deleteMeasure', { id: m.id })}
              onDone={onDone}
              testId="qc-measure-delete"
            />
          </div>
        )}
        {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      </td>
    </tr>
  );
}

export function MeasureTable({
  measures,
  causes,
  editable,
  today,
  onDone,
}: {
  measures: StoredMeasure[];
  causes: StoredCause[];
  editable: boolean;
  today: string;
  onDone(): void;
}) {
  const { t } = useTranslation();
  if (measures.length === 0) return <p className="muted">{t('qcProjects.measure.none')}</p>;
  return (
    <table className="table qc-table" data-testid="qc-measures">
      <thead>
        <tr>
          <th>{t('qcProjects.measure.what')}</th>
          <th>{t('qcProjects.measure.cause')}</th>
          <th>{t('qcProjects.measure.owner')}</th>
          <th>{t('qcProjects.measure.dueDay')}</th>
          <th>{t('qcProjects.measure.done')}</th>
        </tr>
      </thead>
      <tbody>
        {measures.map((m) => (
          <MeasureRow key={`${m.id}-${m.updatedAt}`} m={m} causes={causes} editable={editable} today={today} onDone={onDone} />
        ))}
      </tbody>
    </table>
  );
}
