/**
 * Add or change a checklist or a template. Steps keep their ids when edited
 * (ticks on tickets follow the id), new steps get a fresh one. The server
 * checks everything again and names the field that is wrong.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { useAction } from '../state/useAction';
import { PLACEHOLDERS } from '../../src-main/core/knowledge/placeholders';
import { TEMPLATE_STAGES, type KnowledgeContent, type TemplateStage } from '../../src-main/core/knowledge/model';
import type { KnowledgeItemView } from '../../src-main/services/knowledge/editing';

interface Props {
  kind: KnowledgeContent['kind'];
  /** null: a new item. */
  item: { content: KnowledgeContent; version: number } | null;
  onSaved(v: KnowledgeItemView): void;
  onCancel(): void;
}

interface Step {
  id: string;
  text: string;
}

function freshId(steps: readonly Step[]): string {
  let n = steps.length + 1;
  while (steps.some((s) => s.id === `step-${n}`)) n++;
  return `step-${n}`;
}

export function KnowledgeEditor({ kind, item, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const c = item?.content;
  const [key, setKey] = useState(c?.key ?? `${kind}.`);
  const [title, setTitle] = useState(c?.title ?? '');
  const [categories, setCategories] = useState((c?.categories ?? []).join('\n'));
  const [stage, setStage] = useState<TemplateStage>(c?.kind === 'template' ? c.stage : 'situation');
  const [body, setBody] = useState(c?.kind === 'template' ? c.body : '');
  const [steps, setSteps] = useState<Step[]>(c?.kind === 'checklist' ? c.steps : [{ id: 'step-1', text: '' }]);
  const [note, setNote] = useState('');
  const { busy, msg, run } = useAction();
  const error = msg?.text ?? null;

  async function save(e: FormEvent) {
    e.preventDefault();
    const cats = categories
      .split('\n')
      .map((x) => x.trim())
      .filter(Boolean);
    const content =
      kind === 'checklist'
        ? { key: key.trim(), kind, title, categories: cats, steps: steps.filter((s) => s.text.trim()) }
        : { key: key.trim(), kind, title, stage, categories: cats, body };
    const saved = await run(() => call('knowledge/save', { content, baseVersion: item?.version ?? null, note: note.trim() || null }));
    if (saved) onSaved(saved);
  }

  const setStep = (i: number, text: string) => setSteps((v) => v.map((s, j) => (j === i ? { ...s, text } : s)));
  return (
    <form className="knowledge-editor" onSubmit={(e) => void save(e)} data-testid="knowledge-editor">
      <h2>{item ? `${t('knowledge.edit')} · ${c?.title ?? ''}` : kind === 'checklist' ? t('knowledge.addChecklist') : t('knowledge.addTemplate')}</h2>
      {error && <Alert kind="error">{error}</Alert>}
      {!item && (
        <Field label={t('knowledge.key')} hint={t('knowledge.keyHint')} required>
          <input value={key} onChange={(e) => setKey(e.target.value)} maxLength={80} />
        </Field>
      )}
      <Field label={t('knowledge.itemTitle')} required>
        <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={120} />
      </Field>
      <Field label={t('knowledge.categories')} hint={t('knowledge.categoriesHint')}>
        <textarea rows={2} value={categories} onChange={(e) => setCategories(e.target.value)} />
      </Field>
      {kind === 'template' ? (
        <>
          <Field label={t('knowledge.stageLabel')}>
            <select value={stage} onChange={(e) => setStage(e.target.value as TemplateStage)}>
              {TEMPLATE_STAGES.map((s) => (
                <option key={s} value={s}>
                  {t(`knowledge.stage.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('knowledge.body')} hint={t('knowledge.placeholdersHint', { list: PLACEHOLDERS.map((p) => `{${p.name}}`).join(' ') })} required>
            <textarea rows={5} value={body} onChange={(e) => setBody(e.target.value)} maxLength={2000} />
          </Field>
        </>
      ) : (
        <fieldset className="step-editor">
          <legend>{t('knowledge.steps')}</legend>
          <ol>
            {steps.map((s, i) => (
              <li key={s.id}>
                <textarea rows={2} value={s.text} onChange={(e) => setStep(i, e.target.value)} aria-label={`${t('knowledge.steps')} ${i + 1}`} maxLength={500} />
                <button
                  type="button"
                  className="btn tiny"
                  disabled={i === 0}
                  onClick={() => setSteps((v) => [...v.slice(0, i - 1), v[i]!, v[i - 1]!, ...v.slice(i + 1)])}
                >
                  {t('knowledge.moveUp')}
                </button>
                <button type="button" className="btn tiny" onClick={() => setSteps((v) => v.filter((_, j) => j !== i))}>
                  {t('knowledge.removeStep')}
                </button>
              </li>
            ))}
          </ol>
          <button type="button" className="btn small" onClick={() => setSteps((v) => [...v, { id: freshId(v), text: '' }])}>
            {t('knowledge.addStep')}
          </button>
        </fieldset>
      )}
      <Field label={t('knowledge.note')}>
        <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} />
      </Field>
      <div className="action-buttons">
        <button type="submit" className="btn primary small" disabled={busy} data-testid="knowledge-save">
          {t('knowledge.save')}
        </button>
        <button type="button" className="btn small" onClick={onCancel}>
          {t('knowledge.cancel')}
        </button>
      </div>
    </form>
  );
}
