/**
 * 知识库: search across checklists and templates (ranked, matches marked),
 * every item by kind, one item with its versions; supervisors and
 * administrators edit (each save a new version), roll back, export the whole
 * base to a file and import one from another branch.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../components/Alert';
import { mayCall } from '../lib/access';
import { navigate } from '../state/route';
import { useUser } from '../state/session';
import { useQuery } from '../state/useQuery';
import { Highlight } from './Highlight';
import { KnowledgeItemDetail } from './KnowledgeItemDetail';
import { KnowledgeEditor } from './KnowledgeEditor';
import { KnowledgeTransfer } from './KnowledgeTransfer';
import type { KnowledgeContent } from '../../src-main/core/knowledge/model';
import '../styles/knowledge.css';

export function knowledgeHref(params: { q?: string | undefined; item?: string | undefined }): string {
  const s = new URLSearchParams();
  if (params.q) s.set('q', params.q);
  if (params.item) s.set('item', params.item);
  const text = s.toString();
  return `#/knowledge${text ? `?${text}` : ''}`;
}

export function KnowledgePage({ params }: { params: URLSearchParams }) {
  const { t } = useTranslation();
  const user = useUser();
  const mayEdit = mayCall(user.role, 'knowledge/save');
  const q = params.get('q') ?? '';
  const selected = params.get('item');
  const [text, setText] = useState(q);
  const [adding, setAdding] = useState<KnowledgeContent['kind'] | null>(null);
  const [rev, setRev] = useState(0);
  useEffect(() => setText(q), [q]);

  // Search as the user types, a moment after the last key.
  useEffect(() => {
    if (text === q) return;
    const timer = setTimeout(() => navigate(knowledgeHref({ q: text.trim() || undefined, item: selected ?? undefined })), 250);
    return () => clearTimeout(timer);
  }, [text, q, selected]);

  const list = useQuery('knowledge/list', {}, rev);
  const search = useQuery('knowledge/search', q.trim() ? { q, limit: 50 } : null);
  const grouped = useMemo(() => {
    const items = list.data ?? [];
    return {
      checklist: items.filter((i) => i.content.kind === 'checklist'),
      template: items.filter((i) => i.content.kind === 'template'),
    };
  }, [list.data]);

  const open = (key: string) => {
    setAdding(null);
    navigate(knowledgeHref({ q: q || undefined, item: key }));
  };

  return (
    <section className="page knowledge-page" data-testid="knowledge-page">
      <div className="page-head">
        <h1>{t('knowledge.title')}</h1>
        <span className="spacer" />
        {mayEdit && (
          <>
            <button type="button" className="btn small" onClick={() => setAdding('checklist')} data-testid="knowledge-add-checklist">
              {t('knowledge.addChecklist')}
            </button>
            <button type="button" className="btn small" onClick={() => setAdding('template')}>
              {t('knowledge.addTemplate')}
            </button>
          </>
        )}
      </div>
      <p className="hint">{t('knowledge.intro')}</p>
      <div className="knowledge-search">
        <input
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('knowledge.searchPlaceholder')}
          aria-label={t('knowledge.searchLabel')}
          maxLength={200}
          data-testid="knowledge-search"
        />
        {search.data && (
          <span className="muted small">
            {t('knowledge.results', { count: search.data.hits.length })} · {t(`knowledge.searchVia.${search.data.via}`)}
          </span>
        )}
      </div>
      <div className="knowledge-columns">
        <nav className="knowledge-list" aria-label={t('knowledge.all')}>
          {list.error && <Alert kind="error">{list.error}</Alert>}
          {q.trim() ? (
            <ol className="hits" data-testid="knowledge-hits">
              {search.error && <Alert kind="error">{search.error}</Alert>}
              {search.data?.hits.length === 0 && <p className="empty">{t('knowledge.noResults')}</p>}
              {search.data?.hits.map((h) => (
                <li key={h.key} className={h.key === selected ? 'current' : undefined}>
                  <button type="button" className="hit" onClick={() => open(h.key)}>
                    <span className="badge">{t(`knowledge.kind.${h.kind}`)}</span> <strong><Highlight segments={h.title} /></strong>
                    <span className="hit-snippet">
                      <Highlight segments={h.snippet} />
                    </span>
                  </button>
                </li>
              ))}
            </ol>
          ) : (
            (['checklist', 'template'] as const).map((kind) => (
              <div key={kind}>
                <h2 className="knowledge-sub">{t(`knowledge.kind.${kind}`)}</h2>
                <ul className="items">
                  {grouped[kind].map((i) => (
                    <li key={i.key} className={i.key === selected ? 'current' : undefined}>
                      <button type="button" className="hit" onClick={() => open(i.key)}>
                        {i.content.kind === 'template' && <span className="badge">{t(`knowledge.stage.${i.content.stage}`)}</span>} {i.content.title}
                        {i.edited && <span className="tag">{t('knowledge.edited')}</span>}
                        {!i.shipped && <span className="tag">{t('knowledge.branchOwn')}</span>}
                        {i.pending && <span className="tag warn">{t('knowledge.pending')}</span>}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ))
          )}
        </nav>
        <div className="knowledge-detail">
          {mayEdit && <KnowledgeTransfer onImported={() => setRev((n) => n + 1)} />}
          {adding ? (
            <KnowledgeEditor
              kind={adding}
              item={null}
              onSaved={(v) => {
                setAdding(null);
                setRev((n) => n + 1);
                open(v.key);
              }}
              onCancel={() => setAdding(null)}
            />
          ) : selected ? (
            <KnowledgeItemDetail key={`${selected}-${rev}`} itemKey={selected} mayEdit={mayEdit} onChanged={() => setRev((n) => n + 1)} />
          ) : (
            <p className="empty">{t('knowledge.selectHint')}</p>
          )}
        </div>
      </div>
    </section>
  );
}
