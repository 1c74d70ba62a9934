/**
 * Knowledge search benchmark: 1,000 checklists and templates (the shipped
 * ones and generated branch items built from their sentences, so common words
 * match hundreds of items), searched the way the knowledge page and the top
 * bar do (services/knowledge/search.ts: ranking, snippet, highlighting
 * included). Three-character terms and longer go through the FTS5 trigram
 * index, shorter ones through the substring scan. Target: under 20 ms each.
 * The baseline is a bare FTS5 MATCH count on the same table. It makes its own
 * database in a temp folder (the ticket database does not matter here) and
 * removes it; it asserts nothing.
 *
 *   npx tsx tests/bench/knowledge-search.bench.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src-main/db/open';
import { createContext } from '../../src-main/services/context';
import { shippedContent, syncShippedKnowledge } from '../../src-main/services/knowledge/shipped';
import { searchKnowledge } from '../../src-main/services/knowledge/search';
import { KnowledgeStore } from '../../src-main/db/knowledge-store';
import type { ChecklistContent, KnowledgeContent } from '../../src-main/core/knowledge/model';
import { benchOptions, figure, loadLine, timeMedian, under } from './lib/figures';

benchOptions();
const ENTRIES = 1000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'knowledge-bench-'));
try {
  const db = openDatabase(path.join(dir, 'desk.db'), { integrity: 'skip' });
  const ctx = createContext(db);
  syncShippedKnowledge(ctx);
  // Branch items made from the shipped sentences, in a fixed pseudo-random order.
  const sentences = shippedContent().flatMap((c) => (c.kind === 'checklist' ? c.steps.map((s) => s.text) : [c.body]));
  let seed = 7;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31);
  const store = new KnowledgeStore(db);
  db.transaction(() => {
    for (let i = store.count(); i < ENTRIES; i++) {
      const steps = Array.from({ length: 4 + (next() % 6) }, (_, j) => ({ id: `s${j}`, text: `${sentences[next() % sentences.length]!}（第 ${i} 号案例）` }));
      const item: ChecklistContent = { key: `checklist.bench-${i}`, kind: 'checklist', title: `分公司案例 ${i}：${steps[0]!.text.slice(0, 12)}`, categories: ['其他'], steps };
      store.insert(item as KnowledgeContent, 'create', 0, null);
    }
  })();
  console.log(`${store.count()} knowledge entries; ${loadLine()}`);

  const bare = await timeMedian(200, () => db.prepare(`SELECT count(*) FROM knowledge_fts WHERE knowledge_fts MATCH '"飞行模式"'`).get());
  const queries: Array<[string, string]> = [
    ['two_chars', '掉话'],
    ['two_chars_common', '客户'],
    ['index_4_chars', '飞行模式'],
    ['index_common', '工单编号'],
    ['mixed_terms', 'VoLTE 注册'],
    ['no_match', '完全不存在的说法'],
  ];
  for (const [name, q] of queries) {
    const r = searchKnowledge(ctx, q);
    const ms = await timeMedian(100, () => searchKnowledge(ctx, q, 20));
    figure(`knowledge.search.${name}`, ms, 'ms', {
      baseline: { name: 'bare FTS5 MATCH count', value: bare },
      targets: [under(ms, 20, 'ms')],
      note: `"${q}" via ${r.via}, ${r.hits.length} hits shown`,
    });
  }
  db.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
