/**
 * 智能派单: beside the complaint's text, the category and department the
 * branch's settled tickets suggest for it, with the n-grams that decided
 * (the reason), the next two of each, and one button that puts the first of
 * each into the form. Ignoring it costs nothing; what was shown and whether
 * it was taken is recorded with the ticket.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../api/types';
import { useQuery } from '../state/useQuery';

export type DispatchProposal = OutputOf<'dispatch/propose'>;

/** Ask once the typing has paused this long. */
const PAUSE_MS = 400;
/** While no model has learnt a ticket yet, ask again this often. */
const TRAINING_POLL_MS = 3_000;

function useSettled(text: string, ms: number): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const h = setTimeout(() => setSettled(text), ms);
    return () => clearTimeout(h);
  }, [text, ms]);
  return settled;
}

const pct = (p: number) => `${Math.round(p * 100)}%`;

interface Props {
  description: string;
  /** The form's current category (leaf) and department: the button says 已采用 when they are the proposal's. */
  categoryId: number | null;
  department: string;
  onShown(p: DispatchProposal | null): void;
  /** The first category (its top level and, under it, the second level or null) and department, either may be null. */
  onAccept(p: { category: { topCategoryId: number; childId: number | null } | null; department: string | null }): void;
}

export function DispatchSuggestion({ description, categoryId, department, onShown, onAccept }: Props) {
  const { t } = useTranslation();
  const text = useSettled(description.trim(), PAUSE_MS);
  const [poll, setPoll] = useState(0);
  const q = useQuery('dispatch/propose', text.length >= 2 ? { text } : null, poll);
  const shown = text.length >= 2 ? (q.data ?? null) : null;
  useEffect(() => onShown(shown), [shown, onShown]);
  // Ask again while no model has learnt anything yet: the first training, or
  // one that ran on an empty database before the demo data or an import came
  // (their retraining ends a moment later; without this the form kept 暂无建议).
  useEffect(() => {
    if (!shown || (shown.model && shown.model.tickets > 0)) return;
    const h = setTimeout(() => setPoll((n) => n + 1), TRAINING_POLL_MS);
    return () => clearTimeout(h);
  }, [shown]);

  const cat = shown?.category?.options[0] ?? null;
  const dep = shown?.department?.options[0] ?? null;
  const taken = (!cat || cat.categoryId === categoryId) && (!dep || dep.department === department.trim());
  const reasons = [...(shown?.category?.reasons ?? []), ...(shown?.department?.reasons ?? [])]
    .map((r) => r.gram)
    .filter((g, i, all) => all.indexOf(g) === i && !all.some((o, j) => j !== i && o !== g && o.includes(g)));

  return (
    <aside className="dispatch-suggestion" aria-labelledby="dispatch-title" data-testid="dispatch-suggestion">
      <h3 id="dispatch-title">{t('dispatch.title')}</h3>
      {!shown && <p className="hint">{t('dispatch.typeFirst')}</p>}
      {shown && !shown.model && <p className="hint">{t('dispatch.training')}</p>}
      {shown?.model && shown.model.tickets === 0 && (
        <p className="hint" data-testid="dispatch-no-history">
          {t('dispatch.noHistory')}
        </p>
      )}
      {shown?.model && shown.model.tickets > 0 && !cat && !dep && <p className="hint">{t('dispatch.nothing')}</p>}
      {shown?.model && (cat || dep) && (
        <>
          <dl className="dispatch-picks">
            {cat && (
              <>
                <dt>{t('dispatch.category')}</dt>
                <dd data-testid="dispatch-category">
                  <strong>{cat.path}</strong> <span className="muted">{pct(cat.probability)}</span>
                  {shown.category!.options.length > 1 && (
                    <div className="hint">
                      {t('dispatch.alternatives', { list: shown.category!.options.slice(1).map((o) => `${o.path} ${pct(o.probability)}`).join('，') })}
                    </div>
                  )}
                </dd>
              </>
            )}
            {dep && (
              <>
                <dt>{t('dispatch.department')}</dt>
                <dd data-testid="dispatch-department">
                  <strong>{dep.department}</strong> <span className="muted">{pct(dep.probability)}</span>
                  {shown.department!.options.length > 1 && (
                    <div className="hint">
                      {t('dispatch.alternatives', {
                        list: shown.department!.options.slice(1).map((o) => `${o.department} ${pct(o.probability)}`).join('，'),
                      })}
                    </div>
                  )}
                </dd>
              </>
            )}
          </dl>
          {reasons.length > 0 && (
            <p className="dispatch-reason" data-testid="dispatch-reason">
              {t('dispatch.because')}
              {reasons.map((g) => (
                <span key={g} className="badge">
                  {g}
                </span>
              ))}
            </p>
          )}
          <p className="hint" data-testid="dispatch-basis">
            {shown.model.departmentTickets === 0
              ? t('dispatch.noDepartments', { count: shown.model.tickets })
              : shown.model.departmentTickets < shown.model.tickets
                ? t('dispatch.basisSomeDepartments', { count: shown.model.tickets, departments: shown.model.departmentTickets })
                : t('dispatch.basis', { count: shown.model.tickets })}
          </p>
          <button
            type="button"
            className="btn"
            data-testid="dispatch-accept"
            disabled={taken}
            onClick={() =>
              onAccept({
                category: cat && { topCategoryId: cat.topCategoryId, childId: cat.categoryId === cat.topCategoryId ? null : cat.categoryId },
                department: dep?.department ?? null,
              })
            }
          >
            {taken ? t('dispatch.taken') : t('dispatch.accept')}
          </button>
        </>
      )}
    </aside>
  );
}
