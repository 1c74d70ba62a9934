/**
 * 原因分析 and 要因确认: the causes on a fishbone (five groups, the problem at
 * the head), a form to add one, and each cause's verdict with its evidence.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { useAction } from '../state/useAction';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { currentLocale } from '../i18n';
import { CAUSE_GROUPS, CAUSE_GROUP_LABELS, CAUSE_VERDICTS, type CauseGroup, type CauseVerdict } from '../../src-main/core/qc-projects/rules';
import type { StoredCause, StoredMeasure } from './types';
import { DeleteButton } from './DeleteButton';

export const groupLabel = (g: CauseGroup) => (currentLocale() === 'en' ? CAUSE_GROUP_LABELS[g].en : CAUSE_GROUP_LABELS[g].zh);

export function Fishbone({ causes, problem }: { causes: StoredCause[]; problem: string }) {
  const { t } = useTranslation();
  return (
    <div className="fishbone" data-testid="qc-fishbone">
      <div className="fishbone-groups">
        {CAUSE_GROUPS.map((g) => {
          const mine = causes.filter((c) => c.group === g);
          return (
            <div key={g} className="fishbone-bone" data-group={g}>
              <div className="fishbone-group">{groupLabel(g)}</div>
              <ul>
                {mine.length === 0 && <li className="muted">{t('qcProjects.cause.none')}</li>}
                {mine.map((c) => (
                  <li key={c.id} className={`verdict-${c.verdict}`}>
                    {c.text}
                    {c.verdict !== 'unchecked' && <span className={`badge verdict ${c.verdict}`}>{t(`qcProjects.verdict.${c.verdict}`)}</span>}
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
      <div className="fishbone-spine" aria-hidden="true" />
      <div className="fishbone-head">
        <span className="muted">{t('qcProjects.cause.problem')}</span>
        <strong>{problem}</strong>
      </div>
    </div>
  );
}

export function AddCauseForm({ projectId, onDone }: { projectId: number; onDone(): void }) {
  const { t } = useTranslation();
  const [group, setGroup] = useState<CauseGroup>('man');
  const [text, setText] = useState('');
  const { busy, msg, run } = useAction();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const done = await run(() => call('qcProjects/addCause', { projectId, causeGroup: group, causeText: text }), { ok: () => t('qcProjects.cause.added') });
    if (done === null) return;
    setText('');
    onDone();
  }
  return (
    <form className="qc-inline-form no-print" onSubmit={(e) => void submit(e)} aria-label={t('qcProjects.cause.add')}>
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      <div className="form-row">
        <Field label={t('qcProjects.cause.group')}>
          <select value={group} onChange={(e) => setGroup(e.target.value as CauseGroup)}>
            {CAUSE_GROUPS.map((g) => (
              <option key={g} value={g}>
                {groupLabel(g)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('qcProjects.cause.text')} required className="grow">
          <input value={text} maxLength={200} onChange={(e) => setText(e.target.value)} />
        </Field>
        <button type="submit" className="btn" disabled={busy || text.trim() === ''}>
          {t('qcProjects.cause.add')}
        </button>
      </div>
    </form>
  );
}

function VerdictRow({ cause, editable, measures, onDone }: { cause: StoredCause; editable: boolean; measures: number; onDone(): void }) {
  const { t } = useTranslation();
  const [verdict, setVerdict] = useState<CauseVerdict>(cause.verdict);
  const [evidence, setEvidence] = useState(cause.evidence);
  const [editing, setEditing] = useState(false);
  const [group, setGroup] = useState<CauseGroup>(cause.group);
  const [text, setText] = useState(cause.text);
  const { busy, msg, run } = useAction();
  const changed = verdict !== cause.verdict || evidence !== cause.evidence || group !== cause.group || text !== cause.text;
  async function save() {
    const done = await run(
      () => call('qcProjects/updateCause', { id: cause.id, causeGroup: group, causeText: text, verdict, evidence }),
      { ok: () => t('qcProjects.cause.saved') },
    );
    if (done !== null) onDone();
  }
  return (
    <tr data-testid={`qc-cause-${cause.id}`}>
      <td>
        {editing ? (
          <select aria-label={t('qcProjects.cause.group')} value={group} onChange={(e) => setGroup(e.target.value as CauseGroup)} data-testid="qc-cause-edit-group">
            {CAUSE_GROUPS.map((g) => (
              <option key={g} value={g}>
                {groupLabel(g)}
              </option>
            ))}
          </select>
        ) : (
          groupLabel(cause.group)
        )}
      </td>
      <td>
        {editing ? (
          <input aria-label={t('qcProjects.cause.text')} value={text} maxLength={200} onChange={(e) => setText(e.target.value)} data-testid="qc-cause-edit-text" />
        ) : (
          cause.text
        )}
      </td>
      <td>
        {editable && (
          <select className="no-print" aria-label={t('qcProjects.cause.verdict')} value={verdict} onChange={(e) => setVerdict(e.target.value as CauseVerdict)}>
            {CAUSE_VERDICTS.map((v) => (
              <option key={v} value={v}>
                {t(`qcProjects.verdict.${v}`)}
              </option>
            ))}
          </select>
        )}
        <span className={`badge verdict ${cause.verdict}${editable ? ' print-only' : ''}`}>{t(`qcProjects.verdict.${cause.verdict}`)}</span>
      </td>
      <td className="evidence">
        {editable ? (
          <>
            <input
              className="no-print"
              aria-label={t('qcProjects.cause.evidence')}
              value={evidence}
              maxLength={1000}
              placeholder={t('qcProjects.cause.evidenceHint')}
              onChange={(e) => setEvidence(e.target.value)}
            />
            <span className="print-only">{cause.evidence}</span>
            {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
          </>
        ) : (
          cause.evidence
        )}
      </td>
      {editable && (
        <td className="no-print qc-row-actions">
          <button type="button" className="btn small" disabled={busy || !changed || text.trim() === ''} onClick={() => void save()}>
            {t('qcProjects.cause.save')}
          </button>
          {!editing && (
            <button type="button" className="btn small" onClick={() => setEditing(true)} data-testid="qc-cause-edit">
              {t('qcProjects.edit')}
            </button>
          )}
          <DeleteButton
            question={t('qcProjects.delete.cause', { text: cause.text })}
            note={measures > 0 ? t('qcProjects.delete.causeMeasures', { count: measures }) : undefined}
            onDelete={() => call('qcProjects/deleteCause', { id: cause.id })}
            onDone={onDone}
            testId="qc-cause-delete"
          />
        </td>
      )}
    </tr>
  );
}

export function VerdictTable({ causes, measures, editable, onDone }: { causes: StoredCause[]; measures: StoredMeasure[]; editable: boolean; onDone(): void }) {
  const { t } = useTranslation();
  if (causes.length === 0) return <p className="muted">{t('qcProjects.cause.none')}</p>;
  return (
    <table className="table qc-table" data-testid="qc-verdicts">
      <thead>
        <tr>
          <th>{t('qcProjects.cause.group')}</th>
          <th>{t('qcProjects.cause.text')}</th>
          <th>{t('qcProjects.cause.verdict')}</th>
          <th>{t('qcProjects.cause.evidence')}</th>
          {editable && <th className="no-print" />}
        </tr>
      </thead>
      <tbody>
        {causes.map((c) => (
          <VerdictRow key={`${c.id}-${c.updatedAt}`} cause={c} editable={editable} measures={measures.filter((m) => m.causeId === c.id).length} onDone={onDone} />
        ))}
      </tbody>
    </table>
  );
}
