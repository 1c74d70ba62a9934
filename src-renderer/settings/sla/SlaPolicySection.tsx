/**
 * 设置 → 处理时限: the SLA policy (docs/REQUIREMENTS.md §2). An admin edits the rules, the
 * business calendar, the alert thresholds, the escalation delay and the
 * pause-while-pending switch, and saves them in one go: first a preview of
 * what the change does to the open tickets' due times (`sla/previewPolicy`,
 * nothing written), then, once confirmed, the save (`sla/savePolicy` with the
 * preview's version: it recomputes every running clock and says how many, or
 * refuses when someone else saved the policy in between). 恢复默认规则 puts
 * the shipped rules into the form, to be previewed and saved the same way.
 * Everyone else sees the policy read-only.
 *
 * Problems are found here before anything is sent (draft.ts mirrors the
 * server's checks) and shown in words next to the field, under the rule and
 * in the bar by the Save button; a refusal from the server is shown there too.
 */
import { useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { useMeta } from '../../state/meta';
import { useUser } from '../../state/session';
import { useAction, type ActionMessage } from '../../state/useAction';
import { useQuery } from '../../state/useQuery';
import { AlertsPanel } from './AlertsPanel';
import { CalendarPanel } from './CalendarPanel';
import { draftToPolicy, policyToDraft, ruleToDraft, rulesNamedIn, type PolicyDraft, type PolicyInput, type Problem, type SlaPolicy } from './draft';
import { PolicyPreview, type PolicyPreviewResult } from './PolicyPreview';
import { RulesTable } from './RulesTable';
import { problemText } from './words';
import '../../styles/sla.css';
import { mayCall } from '../../lib/access';

type Outcome =
  | { kind: 'ok' | 'info'; text: string }
  | { kind: 'error'; text: string; refused: string[] }
  /** Not sent: the problems are listed live from the draft. */
  | { kind: 'invalid' };

const MAX_LISTED = 6;

/** The draft without its React keys, to tell whether anything changed. */
function comparable(d: PolicyDraft): string {
  return JSON.stringify({ ...d, rules: d.rules.map(({ key: _key, ...r }) => r) });
}

function byPath(problems: readonly Problem[]): Map<string, Problem[]> {
  const map = new Map<string, Problem[]>();
  for (const p of problems) map.set(p.path, [...(map.get(p.path) ?? []), p]);
  return map;
}

function PolicyEditor({ saved, readOnly }: { saved: SlaPolicy; readOnly: boolean }) {
  const { t } = useTranslation();
  const { categories } = useMeta();
  const [baseline, setBaseline] = useState(() => policyToDraft(saved));
  const [draft, setDraft] = useState(baseline);
  const [attempted, setAttempted] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { busy, run } = useAction();
  const [confirmReset, setConfirmReset] = useState(false);
  /** The change the admin asked to save and what it does, waiting for the confirmation. */
  const [preview, setPreview] = useState<{ policy: PolicyInput; result: PolicyPreviewResult } | null>(null);
  /** Until a calendar is saved, the one shown is pre-filled with the official holidays: saving it is a change. */
  const [calendarSaved, setCalendarSaved] = useState(saved.calendarSaved);
  const form = useRef<HTMLFormElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);

  const check = useMemo(() => draftToPolicy(draft), [draft]);
  const problems = useMemo(() => (attempted ? check.problems : []), [attempted, check]);
  const problemMap = useMemo(() => byPath(problems), [problems]);
  const refusedIds = useMemo(() => new Set(outcome?.kind === 'error' ? outcome.refused : []), [outcome]);
  const dirty = comparable(draft) !== comparable(baseline) || !calendarSaved;

  function change(patch: Partial<PolicyDraft>) {
    setDraft((d) => ({ ...d, ...patch }));
    setPreview(null);
    setOutcome((o) => (o?.kind === 'invalid' ? o : null));
  }

  function focusPath(path: string) {
    requestAnimationFrame(() => {
      const el = form.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
      const target = el?.matches('input, select, textarea, button') ? el : el?.querySelector<HTMLElement>('input, select, textarea, button');
      target?.focus();
    });
  }

  function accept(result: SlaPolicy & { recomputed: number }, message: 'sla.saved') {
    const next = policyToDraft(result);
    setBaseline(next);
    setDraft(next);
    setCalendarSaved(result.calendarSaved);
    setPreview(null);
    setAttempted(false);
    setOutcome({ kind: 'ok', text: t(message, { count: result.recomputed }) });
  }

  function refused(refusal: ActionMessage) {
    const ids = refusal.code === 'sla_policy_invalid' ? rulesNamedIn(refusal.details) : [];
    setOutcome({ kind: 'error', text: `${t('sla.refused')}${refusal.text}`, refused: ids });
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    if (readOnly || busy) return;
    setAttempted(true);
    const r = draftToPolicy(draft);
    if (!r.policy) {
      setOutcome({ kind: 'invalid' });
      if (r.problems[0]) focusPath(r.problems[0].path);
      return;
    }
    const policy = r.policy;
    const result = await run(() => call('sla/previewPolicy', policy), { refused });
    if (result) setPreview({ policy, result });
  }

  async function confirm() {
    if (!preview) return;
    const { policy, result } = preview;
    const saved = await run(() => call('sla/savePolicy', { ...policy, expectedVersion: result.version }), {
      refused: (r) => {
        // Someone else's rules are the ones stored now: this preview no longer says what saving would do.
        setPreview(null);
        refused(r);
      },
    });
    if (saved) accept(saved, 'sla.saved');
  }

  /** The shipped rules into the form, like any edit: they apply once previewed and confirmed. */
  function reset() {
    setConfirmReset(false);
    change({ rules: saved.shippedRules.map(ruleToDraft) });
    setOutcome({ kind: 'info', text: t('sla.resetDone') });
    resetButton.current?.focus();
  }

  function discard() {
    setDraft(baseline);
    setPreview(null);
    setAttempted(false);
    setOutcome(null);
  }

  function onBarKey(e: KeyboardEvent) {
    if (e.key === 'Escape' && confirmReset) {
      setConfirmReset(false);
      requestAnimationFrame(() => resetButton.current?.focus());
    }
  }

  const shownProblems = outcome?.kind === 'invalid' ? problems : [];
  return (
    <form ref={form} className="sla-editor" onSubmit={save} noValidate aria-labelledby="sla-title" data-testid="sla-policy">
      <section className="panel sla-rules-panel">
        <div className="sla-head">
          <h2 id="sla-title">{t('sla.title')}</h2>
          <p className="precedence" data-testid="sla-precedence">
            <span className="info-dot" aria-hidden="true">
              i
            </span>
            {t('sla.precedence')}
          </p>
        </div>
        {readOnly && <Alert kind="info">{t('sla.readOnly')}</Alert>}
        <RulesTable
          rules={draft.rules}
          categories={categories}
          readOnly={readOnly}
          problems={problemMap}
          refusedIds={refusedIds}
          onChange={(rules) => change({ rules })}
          onRemoved={(name) => setOutcome({ kind: 'info', text: t('sla.removed', { rule: name }) })}
        />
      </section>
      <div className="sla-lower">
        <CalendarPanel draft={draft} readOnly={readOnly} problems={problemMap} onChange={change} official={saved.official} prefilled={!calendarSaved} />
        <AlertsPanel draft={draft} readOnly={readOnly} problems={problemMap} onChange={change} />
      </div>
      {!readOnly && (
        <div className="sla-bar" onKeyDown={onBarKey}>
          <div className="sla-bar-message" data-testid="sla-message" aria-live="polite">
            {outcome?.kind === 'ok' && <Alert kind="ok">{outcome.text}</Alert>}
            {outcome?.kind === 'info' && <Alert kind="info">{outcome.text}</Alert>}
            {outcome?.kind === 'error' && <Alert kind="error">{outcome.text}</Alert>}
            {shownProblems.length > 0 && (
              <Alert kind="error">
                <p className="problems-title">{t('sla.invalidTitle', { count: shownProblems.length })}</p>
                <ul className="problems">
                  {shownProblems.slice(0, MAX_LISTED).map((p, i) => (
                    <li key={`${p.path}-${p.code}-${i}`}>
                      <button type="button" className="problem-link" onClick={() => focusPath(p.path)}>
                        {problemText(p, t)}
                      </button>
                    </li>
                  ))}
                  {shownProblems.length > MAX_LISTED && <li>{t('sla.moreProblems', { count: shownProblems.length - MAX_LISTED })}</li>}
                </ul>
              </Alert>
            )}
          </div>
          {preview && <PolicyPreview preview={preview.result} busy={busy} onConfirm={() => void confirm()} onBack={() => setPreview(null)} />}
          <div className={`sla-bar-actions${preview ? ' is-hidden' : ''}`}>
            {confirmReset ? (
              <>
                <span className="confirm-text" role="alert">
                  <span aria-hidden="true">! </span>
                  {t('sla.resetConfirm')}
                </span>
                <button type="button" className="btn small primary" onClick={reset} autoFocus data-testid="sla-reset-confirm">
                  {t('sla.resetDo')}
                </button>
                <button type="button" className="btn small" onClick={() => setConfirmReset(false)}>
                  {t('common.cancel')}
                </button>
              </>
            ) : (
              <>
                <button type="submit" className="btn primary" disabled={busy || !dirty} data-testid="sla-save">
                  {busy ? t('sla.previewing') : t('sla.preview')}
                </button>
                <button type="button" className="btn" disabled={busy || !dirty} onClick={discard}>
                  {t('sla.discard')}
                </button>
                <span className={`dirty-state${dirty ? ' dirty' : ''}`} data-testid="sla-dirty">
                  <span aria-hidden="true">{dirty ? '● ' : '✓ '}</span>
                  {dirty ? t('sla.dirty') : t('sla.clean')}
                </span>
                <span className="spacer" />
                <button ref={resetButton} type="button" className="btn small" disabled={busy} onClick={() => setConfirmReset(true)} data-testid="sla-reset">
                  {t('sla.reset')}
                </button>
              </>
            )}
          </div>
        </div>
      )}
    </form>
  );
}

export function SlaPolicySection() {
  const { t } = useTranslation();
  const user = useUser();
  const q = useQuery('sla/policy', {});
  if (q.error) return <Alert kind="error">{q.error}</Alert>;
  if (!q.data) return <p className="muted">{t('common.loading')}</p>;
  return <PolicyEditor saved={q.data} readOnly={!mayCall(user.role, 'sla/savePolicy')} />;
}
