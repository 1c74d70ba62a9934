/**
 * The ticket page's knowledge panel: the troubleshooting checklist for the
 * ticket's category (its parent's when it has none), each tick recorded in
 * the ticket's history, and the reply templates filled from the ticket, ready
 * to copy. A value the ticket lacks is shown as 【…未填】, never a blank.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { Alert } from '../components/Alert';
import { formatDateTime } from '../lib/time';
import { useBranch } from '../state/session';
import { useAction } from '../state/useAction';
import { useQuery } from '../state/useQuery';
import { copyText } from './clipboard';
import type { KnowledgePanel as Panel } from '../../src-main/services/knowledge/ticket-panel';
import '../styles/knowledge.css';

/** `onTicked` lets the page refresh its history, where each tick appears. */
export function KnowledgePanel({ ticketId, onTicked }: { ticketId: number; onTicked?: () => void }) {
  const { t } = useTranslation();
  const { zone } = useBranch();
  const q = useQuery('knowledge/forTicket', { ticketId });
  const { doing: busy, msg: notice, setMsg: setNotice, run } = useAction<string>();
  const [copied, setCopied] = useState<string | null>(null);

  async function tick(itemKey: string, stepId: string, checked: boolean) {
    // The box shows the tick at once (a controlled box would otherwise spring back until the server answers);
    // the server's answer then replaces it, or a refusal reloads what is really recorded.
    if (q.data) {
      q.set({
        ...q.data,
        checklists: q.data.checklists.map((c) =>
          c.key !== itemKey ? c : { ...c, steps: c.steps.map((s) => (s.id === stepId ? { ...s, checked } : s)) },
        ),
      });
    }
    const ticked = await run(() => call('knowledge/tick', { ticketId, itemKey, stepId, checked }), { doing: `${itemKey}/${stepId}` });
    if (!ticked) {
      q.reload();
      return;
    }
    q.set(ticked);
    onTicked?.();
  }

  async function copy(key: string, text: string) {
    const ok = await copyText(text);
    setNotice(ok ? { kind: 'ok', text: t('knowledge.panel.copied') } : { kind: 'error', text: t('knowledge.panel.copyFailed') });
    if (ok) setCopied(key);
  }

  const data: Panel | undefined = q.data;
  const parent = data?.categoryPath.split('/')[0] ?? '';
  return (
    <section className="panel knowledge-panel" aria-labelledby="knowledge-panel-title" data-testid="knowledge-panel">
      <div className="knowledge-panel-head">
        <h2 id="knowledge-panel-title">{t('knowledge.panel.title')}</h2>
        <span className="spacer" />
        <a className="small" href="#/knowledge">
          {t('knowledge.panel.open')}
        </a>
      </div>
      {q.error && <Alert kind="error">{q.error}</Alert>}
      {notice && (
        <Alert kind={notice.kind} testId="knowledge-notice">
          {notice.text}
        </Alert>
      )}
      {data && (
        <>
          <h3 className="knowledge-sub">{t('knowledge.panel.checklist')}</h3>
          {data.matched === 'parent' && <p className="hint">{t('knowledge.panel.fromParent', { parent })}</p>}
          {data.matched === 'none' && <p className="empty">{t('knowledge.panel.none')}</p>}
          {data.checklists.map((c) => (
            <fieldset key={c.key} className="checklist" data-testid={`checklist-${c.key}`}>
              <legend>{c.title}</legend>
              <ol>
                {c.steps.map((s) => (
                  <li key={s.id} className={s.checked ? 'done' : undefined}>
                    <label>
                      <input
                        type="checkbox"
                        checked={s.checked}
                        disabled={busy === `${c.key}/${s.id}`}
                        onChange={(e) => void tick(c.key, s.id, e.target.checked)}
                        data-testid={`step-${s.id}`}
                      />
                      <span>{s.text}</span>
                    </label>
                    {s.checked && s.checkedAt !== null && (
                      <span className="muted small checked-by">
                        {t('knowledge.panel.checkedBy', { who: s.checkedBy ?? '', when: formatDateTime(s.checkedAt, zone) })}
                      </span>
                    )}
                  </li>
                ))}
              </ol>
            </fieldset>
          ))}
          <h3 className="knowledge-sub">{t('knowledge.panel.templates')}</h3>
          <ul className="template-list">
            {data.templates.map((tpl) => (
              <li key={tpl.key} className="template" data-testid={`template-${tpl.key}`}>
                <div className="template-head">
                  <span className="badge">{t(`knowledge.stage.${tpl.stage}`)}</span>
                  <strong>{tpl.title}</strong>
                  <span className="spacer" />
                  <button type="button" className={`btn small${copied === tpl.key ? ' pressed' : ''}`} onClick={() => void copy(tpl.key, tpl.text)} data-testid="template-copy">
                    {t('knowledge.panel.copy')}
                  </button>
                </div>
                <p className="template-text" data-testid="template-text">
                  {markMissing(tpl.text)}
                </p>
                {tpl.missing.length > 0 && <p className="hint warn-text">{t('knowledge.panel.missing', { list: tpl.missing.join('、') })}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The 【…未填】 marks stand out so the agent fills them in before sending. */
function markMissing(text: string) {
  return text.split(/(【[^【】]*未填】)/).map((part, i) =>
    /^【[^【】]*未填】$/.test(part) ? (
      <mark key={i} className="missing">
        {part}
      </mark>
    ) : (
      <span key={i}>{part}</span>
    ),
  );
}
