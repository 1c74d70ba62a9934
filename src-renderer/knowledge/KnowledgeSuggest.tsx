/**
 * The top bar's search box also looks in the knowledge base: while the user
 * types two characters or more, the best few checklists and templates show
 * under the box, matches marked; choosing one opens it on the knowledge page.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/client';
import { navigate } from '../state/route';
import { Highlight } from './Highlight';
import { knowledgeHref } from './KnowledgePage';
import type { KnowledgeSearch } from '../../src-main/services/knowledge/search';

export function KnowledgeSuggest({ query, onChosen }: { query: string; onChosen(): void }) {
  const { t } = useTranslation();
  const [found, setFound] = useState<KnowledgeSearch | null>(null);
  const text = query.trim();

  useEffect(() => {
    if ([...text].length < 2) {
      setFound(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      call('knowledge/search', { q: text, limit: 5 })
        .then((r) => live && setFound(r))
        .catch(() => live && setFound(null));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text]);

  if (!found || found.hits.length === 0) return null;
  return (
    <div className="knowledge-suggest" role="listbox" aria-label={t('knowledge.title')} data-testid="knowledge-suggest">
      <div className="suggest-head muted small">{t('knowledge.title')}</div>
      {found.hits.map((h) => (
        <button
          key={h.key}
          type="button"
          role="option"
          aria-selected={false}
          className="suggest-item"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            onChosen();
            navigate(knowledgeHref({ q: text, item: h.key }));
          }}
        >
          <span className="badge">{t(`knowledge.kind.${h.kind}`)}</span> <Highlight segments={h.title} />
        </button>
      ))}
      <button
        type="button"
        className="suggest-item suggest-all"
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => {
          onChosen();
          navigate(knowledgeHref({ q: text }));
        }}
      >
        {t('knowledge.searchAll', { q: text })}
      </button>
    </div>
  );
}
