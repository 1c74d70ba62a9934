/** One item: its content, where it applies, its versions (who, when, what changed) with rollback, and the editor. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { Alert } from '../components/Alert';
import { formatDateTime } from '../lib/time';
import { useBranch } from '../state/session';
import { useAction } from '../state/useAction';
import { useQuery } from '../state/useQuery';
import { KnowledgeEditor } from './KnowledgeEditor';
import type { KnowledgeContent } from '../../src-main/core/knowledge/model';

export function KnowledgeItemDetail({ itemKey, mayEdit, onChanged }: { itemKey: string; mayEdit: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const { zone } = useBranch();
  const q = useQuery('knowledge/get', { key: itemKey });
  const [editing, setEditing] = useState<KnowledgeContent | null>(null);
  const { busy, msg: notice, setMsg: setNotice, run } = useAction();
  const item = q.data;
  if (q.error && !item) return <Alert kind="error">{q.error}</Alert>;
  if (!item) return null;

  async function rollback(toVersion: number) {
    const rolled = await run(() => call('knowledge/rollback', { key: itemKey, toVersion, baseVersion: item!.version }), {
      ok: () => t('knowledge.rolledBack', { version: String(toVersion) }),
    });
    if (!rolled) return;
    q.set(rolled);
    onChanged();
  }

  if (editing) {
    return (
      <KnowledgeEditor
        kind={item.kind}
        item={{ content: editing, version: item.version }}
        onSaved={(v) => {
          q.set(v);
          setEditing(null);
          setNotice({ kind: 'ok', text: t('knowledge.saved', { version: String(v.version) }) });
          onChanged();
        }}
        onCancel={() => setEditing(null)}
      />
    );
  }

  return (
    <article className="knowledge-item" data-testid="knowledge-item">
      <header className="knowledge-item-head">
        <span className="badge">{t(`knowledge.kind.${item.kind}`)}</span>
        <h2>{item.title}</h2>
        <span className="muted small">
          {t('knowledge.version', { version: String(item.version) })} · {item.shipped ? t('knowledge.shipped') : t('knowledge.branchOwn')}
          {item.edited ? ` · ${t('knowledge.edited')}` : ''}
        </span>
        <span className="spacer" />
        {mayEdit && (
          <button type="button" className="btn small" onClick={() => setEditing(item.content)} data-testid="knowledge-edit">
            {t('knowledge.edit')}
          </button>
        )}
      </header>
      {notice && <Alert kind={notice.kind}>{notice.text}</Alert>}
      <ContentView content={item.content} />
      {item.pending && (
        <div className="pending-shipped">
          <Alert kind="info">{t('knowledge.pendingHint')}</Alert>
          <ContentView content={item.pending} />
          {mayEdit && (
            <button type="button" className="btn small" onClick={() => setEditing(item.pending)}>
              {t('knowledge.adoptPending')}
            </button>
          )}
        </div>
      )}
      <h3 className="knowledge-sub">{t('knowledge.versions')}</h3>
      <ol className="versions" data-testid="knowledge-versions">
        {item.versions.map((v) => (
          <li key={v.version}>
            <strong>{t('knowledge.version', { version: String(v.version) })}</strong> · {t(`knowledge.source.${v.source}`)} · {v.actorName ?? t('ticket.system')} ·{' '}
            <time className="num">{formatDateTime(v.at, zone)}</time>
            {v.changes.length > 0 && <span className="muted"> · {v.changes.map((c) => `${t(`knowledge.change.${c.field}`)}${c.detail ? `「${c.detail}」` : ''}`).join('；')}</span>}
            {v.note && <span className="muted"> · {v.note}</span>}
            {mayEdit && v.version !== item.version && (
              <button type="button" className="btn tiny" disabled={busy} onClick={() => void rollback(v.version)} data-testid={`rollback-${v.version}`}>
                {t('knowledge.rollback')}
              </button>
            )}
          </li>
        ))}
      </ol>
    </article>
  );
}

function ContentView({ content }: { content: KnowledgeContent }) {
  const { t } = useTranslation();
  return (
    <div className="knowledge-content">
      <p className="small muted">
        {t('knowledge.categories')}：{content.categories.length ? content.categories.join('、') : t('knowledge.categoriesAll')}
        {content.kind === 'template' && ` · ${t(`knowledge.stage.${content.stage}`)}`}
      </p>
      {content.kind === 'checklist' ? (
        <ol className="steps">
          {content.steps.map((s) => (
            <li key={s.id}>{s.text}</li>
          ))}
        </ol>
      ) : (
        <p className="template-text">{content.body}</p>
      )}
    </div>
  );
}
