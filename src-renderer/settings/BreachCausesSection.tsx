/**
 * 超时原因 (breach causes) on the settings page: the list the settle form
 * offers. Everyone reads it; a supervisor or admin adds a cause, renames one,
 * retires it (no longer offered, still on the tickets that have it) or brings
 * it back. The studies' defaults are never retired. Every save is audited.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { Alert } from '../components/Alert';
import { mayCall } from '../lib/access';
import { useUser } from '../state/session';
import { useAction } from '../state/useAction';
import { useQuery } from '../state/useQuery';
import { SHIPPED_BREACH_CAUSES, type BreachCauseOption } from '../../src-main/core/breach-causes';
import './breach-causes.css';

type Draft = Pick<BreachCauseOption, 'nameZh' | 'nameEn' | 'needsText' | 'active'>;
const BLANK: Draft = { nameZh: '', nameEn: '', needsText: false, active: true };

function CauseRow({ cause, editable, busy, onSave }: { cause: BreachCauseOption; editable: boolean; busy: boolean; onSave(d: Draft): void }) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>(cause);
  const changed = d.nameZh !== cause.nameZh || d.nameEn !== cause.nameEn || d.needsText !== cause.needsText;
  const shipped = SHIPPED_BREACH_CAUSES.includes(cause.code);
  return (
    <tr data-code={cause.code} className={cause.active ? undefined : 'retired'}>
      <td>
        <input value={d.nameZh} onChange={(e) => setD({ ...d, nameZh: e.target.value })} maxLength={40} disabled={!editable} aria-label={t('qc.causes.nameZh')} />
      </td>
      <td>
        <input value={d.nameEn} onChange={(e) => setD({ ...d, nameEn: e.target.value })} maxLength={60} disabled={!editable} aria-label={t('qc.causes.nameEn')} />
      </td>
      <td>
        <input type="checkbox" checked={d.needsText} onChange={(e) => setD({ ...d, needsText: e.target.checked })} disabled={!editable} aria-label={t('qc.causes.needsText')} />
      </td>
      <td>{shipped ? t('qc.causes.shipped') : t('qc.causes.branch')}</td>
      <td>{cause.active ? t('qc.causes.active') : t('qc.causes.retired')}</td>
      {editable && (
        <td className="row-actions">
          <button type="button" className="btn small" disabled={busy || !changed} onClick={() => onSave({ ...d, active: cause.active })} data-testid="cause-save">
            {t('qc.causes.save')}
          </button>
          {!shipped && (
            <button type="button" className="btn small" disabled={busy} onClick={() => onSave({ ...cause, active: !cause.active })} data-testid="cause-toggle">
              {cause.active ? t('qc.causes.retire') : t('qc.causes.restore')}
            </button>
          )}
        </td>
      )}
    </tr>
  );
}

export function BreachCausesSection() {
  const { t } = useTranslation();
  const user = useUser();
  const list = useQuery('reports/breachCauseOptions', {});
  const editable = mayCall(user.role, 'reports/saveBreachCause');
  const { busy, msg, run } = useAction();
  const [draft, setDraft] = useState<Draft>(BLANK);
  const save = async (edit: Draft & { code?: string }) => {
    const saved = await run(() => call('reports/saveBreachCause', edit), { ok: () => t('qc.causes.saved') });
    if (saved) list.set(saved);
    return saved !== null;
  };
  return (
    <section className="panel breach-causes" aria-labelledby="causes-title" data-testid="breach-causes-settings">
      <h2 id="causes-title">{t('qc.causes.title')}</h2>
      <p className="hint">{t('qc.causes.hint')}</p>
      {list.error && <Alert kind="error">{list.error}</Alert>}
      {msg && <Alert kind={msg.kind}>{msg.text}</Alert>}
      <table className="report-table">
        <thead>
          <tr>
            <th>{t('qc.causes.nameZh')}</th>
            <th>{t('qc.causes.nameEn')}</th>
            <th>{t('qc.causes.needsText')}</th>
            <th>{t('qc.causes.source')}</th>
            <th>{t('qc.causes.state')}</th>
            {editable && <th />}
          </tr>
        </thead>
        <tbody>
          {(list.data ?? []).map((c) => (
            // Keyed by content too: a saved answer resets the row's draft.
            <CauseRow key={`${c.code}|${c.nameZh}|${c.nameEn}|${String(c.needsText)}`} cause={c} editable={editable} busy={busy} onSave={(d) => void save({ ...d, code: c.code })} />
          ))}
        </tbody>
      </table>
      {editable && (
        <form
          className="cause-add"
          onSubmit={(e) => {
            e.preventDefault();
            void save(draft).then((ok) => ok && setDraft(BLANK));
          }}
        >
          <input value={draft.nameZh} onChange={(e) => setDraft({ ...draft, nameZh: e.target.value })} maxLength={40} placeholder={t('qc.causes.nameZh')} data-testid="cause-new-zh" />
          <input value={draft.nameEn} onChange={(e) => setDraft({ ...draft, nameEn: e.target.value })} maxLength={60} placeholder={t('qc.causes.nameEn')} data-testid="cause-new-en" />
          <label className="check">
            <input type="checkbox" checked={draft.needsText} onChange={(e) => setDraft({ ...draft, needsText: e.target.checked })} />
            {t('qc.causes.needsText')}
          </label>
          <button type="submit" className="btn small primary" disabled={busy} data-testid="cause-add">
            {t('qc.causes.add')}
          </button>
        </form>
      )}
    </section>
  );
}
