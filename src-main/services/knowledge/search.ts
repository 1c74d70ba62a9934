/**
 * Search across checklists and templates, for the knowledge page and the
 * top bar. Terms of three characters or more go through the FTS5 trigram
 * index (ranked by bm25); a shorter term, such as a two-character Chinese
 * word, through a substring scan of the table ranked in SQL (db/knowledge-store.ts).
 */
import type { KnowledgeKind } from '../../core/knowledge/model';
import { highlight, searchTerms, snippet, usesIndex, type Segment } from '../../core/knowledge/search';
import { KnowledgeStore } from '../../db/knowledge-store';
import type { ServiceContext } from '../context';

export interface KnowledgeHit {
  key: string;
  kind: KnowledgeKind;
  title: Segment[];
  snippet: Segment[];
}

export interface KnowledgeSearch {
  terms: string[];
  /** Which path answered: the trigram index or the short-term scan. */
  via: 'index' | 'scan';
  hits: KnowledgeHit[];
}

export function searchKnowledge(ctx: ServiceContext, query: string, limit = 20): KnowledgeSearch {
  const terms = searchTerms(query);
  if (terms.length === 0) return { terms, via: 'index', hits: [] };
  const store = new KnowledgeStore(ctx.db);
  const indexed = usesIndex(terms);
  const rows = indexed ? store.searchIndexed(terms, limit) : store.searchSubstring(terms, limit);
  return {
    terms,
    via: indexed ? 'index' : 'scan',
    hits: rows.map((r) => ({
      key: r.key,
      kind: r.kind,
      title: highlight(r.title, terms),
      snippet: highlight(snippet(r.searchText, terms), terms),
    })),
  };
}
