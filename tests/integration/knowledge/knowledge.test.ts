/**
 * The knowledge base against a real database: shipped content loaded and
 * upgraded without losing the branch's edits, versions and rollback, export
 * and import (a bad file changes nothing), search in Chinese, and the panel
 * beside a ticket with its ticks in the ticket's history.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, categoryId, tempDb, type TestDb } from '../../helpers/temp-db';
import { createTicket } from '../../../src-main/services/tickets';
import { ticketHistory } from '../../../src-main/services/tickets';
import { shippedContent, syncShippedKnowledge } from '../../../src-main/services/knowledge/shipped';
import { knowledgeItem, rollbackKnowledge, saveKnowledge } from '../../../src-main/services/knowledge/editing';
import { exportKnowledge, importKnowledge } from '../../../src-main/services/knowledge/transfer';
import { searchKnowledge } from '../../../src-main/services/knowledge/search';
import { knowledgePanel, tickStep } from '../../../src-main/services/knowledge/ticket-panel';
import { listKnowledge } from '../../../src-main/services/knowledge/list';
import { DomainError } from '../../../src-main/core/errors';
import { messageFor } from '../../../src-main/core/messages';
import type { ChecklistContent, KnowledgeContent, TemplateContent } from '../../../src-main/core/knowledge/model';
import type { UserInfo } from '../../../src-main/core/model';

let t: TestDb;
let sup: UserInfo;
let agent: UserInfo;

const checklist = (over: Partial<ChecklistContent> = {}): ChecklistContent => ({
  key: 'checklist.test',
  kind: 'checklist',
  title: '测试清单',
  categories: ['宽带'],
  steps: [
    { id: 'a', text: '第一步' },
    { id: 'b', text: '第二步' },
  ],
  ...over,
});
const template = (over: Partial<TemplateContent> = {}): TemplateContent => ({
  key: 'template.test',
  kind: 'template',
  title: '测试话术',
  stage: 'promise',
  categories: [],
  body: '{客户姓名}您好',
  ...over,
});

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('no error');
}

beforeEach(() => {
  t = tempDb();
  sup = addUser(t.ctx, 'sup1', 'supervisor');
  agent = addUser(t.ctx, 'agent1', 'agent');
});
afterEach(() => t.close());

describe('shipped content', () => {
  it('is valid and loads once on first start', () => {
    const pack = shippedContent();
    expect(pack.filter((c) => c.kind === 'checklist').map((c) => c.categories[0])).toEqual([
      '网络质量/VoLTE 注册',
      '网络质量/VoLTE 接入',
      '网络质量/VoLTE 掉话',
      '网络质量/VoLTE 语音质量',
      '网络质量/VoLTE CSFB 回落',
      '资费计费',
      '增值业务',
      '宽带',
      '速递',
    ]);
    const stages = new Set(pack.filter((c): c is TemplateContent => c.kind === 'template').map((c) => c.stage));
    expect([...stages].sort()).toEqual(['ask', 'calm', 'close', 'confirm', 'explain', 'listen', 'promise', 'situation']);
    expect(syncShippedKnowledge(t.ctx)).toEqual({ added: pack.length, updated: 0, keptBranchEdits: 0 });
    expect(syncShippedKnowledge(t.ctx)).toEqual({ added: 0, updated: 0, keptBranchEdits: 0 });
    expect(listKnowledge(t.ctx)).toHaveLength(pack.length);
  });

  it('on upgrade: new items appear, untouched items update, items the branch edited are kept', () => {
    const v1 = [checklist(), template(), template({ key: 'template.other', body: '旧的' })];
    syncShippedKnowledge(t.ctx, v1);
    // The branch edits one shipped item.
    saveKnowledge(t.ctx, sup, { content: checklist({ title: '本分公司的清单' }), baseVersion: 1 });

    t.clock.advance(1000);
    const v2 = [
      checklist({ title: '新版清单' }),
      template(),
      template({ key: 'template.other', body: '新版的' }),
      template({ key: 'template.new', body: '全新条目' }),
    ];
    expect(syncShippedKnowledge(t.ctx, v2)).toEqual({ added: 1, updated: 1, keptBranchEdits: 1 });

    const edited = knowledgeItem(t.ctx, 'checklist.test');
    expect(edited.title).toBe('本分公司的清单');
    expect(edited.edited).toBe(true);
    expect(edited.pending?.title).toBe('新版清单');
    const other = knowledgeItem(t.ctx, 'template.other');
    expect(other).toMatchObject({ version: 2, edited: false, pending: null });
    expect((other.content as TemplateContent).body).toBe('新版的');
    expect(other.versions.map((v) => v.source)).toEqual(['shipped', 'shipped']);
    expect(knowledgeItem(t.ctx, 'template.new').version).toBe(1);
  });
});

describe('editing', () => {
  beforeEach(() => syncShippedKnowledge(t.ctx, [checklist()]));

  it('keeps every edit as a version with who, when and what changed, and rolls back', () => {
    t.clock.advance(60_000);
    const v2 = saveKnowledge(t.ctx, sup, {
      content: checklist({ steps: [{ id: 'a', text: '第一步（改）' }, { id: 'b', text: '第二步' }, { id: 'c', text: '第三步' }] }),
      baseVersion: 1,
      note: '补一步',
    });
    expect(v2.version).toBe(2);
    expect(v2.versions[0]).toMatchObject({
      version: 2,
      at: t.clock.now,
      actorName: 'SUP1',
      source: 'edit',
      note: '补一步',
      changes: [{ field: 'stepChanged', detail: '第一步（改）' }, { field: 'stepAdded', detail: '第三步' }],
    });
    expect(v2.versions[1]).toMatchObject({ version: 1, source: 'shipped', actorName: null });

    const back = rollbackKnowledge(t.ctx, sup, { key: 'checklist.test', toVersion: 1, baseVersion: 2 });
    expect(back.version).toBe(3);
    expect((back.content as ChecklistContent).steps.map((s) => s.text)).toEqual(['第一步', '第二步']);
    expect(back.versions[0]).toMatchObject({ source: 'rollback', note: 'v1', changes: [{ field: 'stepChanged' }, { field: 'stepRemoved', detail: '第三步' }] });
    expect(back.edited).toBe(false);
  });

  it('refuses a save over a newer version, an agent, a changed kind and an unknown placeholder', () => {
    saveKnowledge(t.ctx, sup, { content: checklist({ title: 'A' }), baseVersion: 1 });
    expect(errorOf(() => saveKnowledge(t.ctx, sup, { content: checklist({ title: 'B' }), baseVersion: 1 })).code).toBe('knowledge_conflict');
    expect(errorOf(() => saveKnowledge(t.ctx, agent, { content: checklist({ title: 'B' }), baseVersion: 2 })).code).toBe('forbidden');
    const kind = errorOf(() => saveKnowledge(t.ctx, sup, { content: { ...template(), key: 'checklist.test' }, baseVersion: 2 }));
    expect(kind.params.problem).toBe('kind_changed');
    const ph = errorOf(() => saveKnowledge(t.ctx, sup, { content: template({ body: '{客户}您好' }), baseVersion: null }));
    expect(messageFor(ph, 'zh-CN')).toBe('「template.test」的 body：使用了未知的占位符（{客户}）。');
    expect(messageFor(ph, 'en')).toBe('(template.test), body: it uses an unknown placeholder ({客户}).');
    expect(ph.params).toMatchObject({ problem: 'unknown_placeholder', detail: '{客户}' });
    expect(knowledgeItem(t.ctx, 'checklist.test').version).toBe(2);
  });

  it('adds a new item of the branch', () => {
    const made = saveKnowledge(t.ctx, sup, { content: template({ key: 'template.branch' }), baseVersion: null });
    expect(made).toMatchObject({ version: 1, shipped: false, edited: false });
    expect(errorOf(() => saveKnowledge(t.ctx, sup, { content: template({ key: 'template.branch' }), baseVersion: null })).params.problem).toBe('duplicate_key');
  });
});

describe('export and import', () => {
  beforeEach(() => syncShippedKnowledge(t.ctx, [checklist(), template()]));

  it('round-trips: another branch imports what this one exported', () => {
    saveKnowledge(t.ctx, sup, { content: template({ body: '本分公司的话术 {工单编号}' }), baseVersion: 1 });
    const file = exportKnowledge(t.ctx, sup);
    expect(file).toMatchObject({ fileName: 'knowledge-20261102.json', count: 2 });

    const other = tempDb();
    try {
      const osup = addUser(other.ctx, 'osup', 'supervisor');
      syncShippedKnowledge(other.ctx, [checklist(), template()]);
      expect(importKnowledge(other.ctx, osup, file.text)).toEqual({ added: 0, updated: 1, unchanged: 1 });
      const got = knowledgeItem(other.ctx, 'template.test');
      expect((got.content as TemplateContent).body).toBe('本分公司的话术 {工单编号}');
      expect(got.versions[0]).toMatchObject({ source: 'import', actorName: 'OSUP' });
    } finally {
      other.close();
    }
  });

  it('refuses a bad file with a clear message and changes nothing', () => {
    const before = JSON.stringify(listKnowledge(t.ctx));
    const good = JSON.parse(exportKnowledge(t.ctx, sup).text) as { items: KnowledgeContent[] };
    const cases: Array<[string, string]> = [
      ['not json at all', '文件不是有效的 JSON。未做任何更改。'],
      ['{"format":"something-else","items":[]}', '这不是投诉工作台导出的案例库文件。未做任何更改。'],
      [
        // The first item is a good change; the second is broken: the first must not land either.
        JSON.stringify({ ...good, items: [{ ...good.items[1], body: '改过的' }, { ...good.items[0], steps: [] }] }),
        '第 2 条（checklist.test）的 steps：字段缺失或不合规。未做任何更改。',
      ],
      [
        JSON.stringify({ ...good, items: [good.items[0], good.items[0]] }),
        '第 2 条（checklist.test）：编号重复出现。未做任何更改。',
      ],
    ];
    for (const [text, message] of cases) {
      const e = errorOf(() => importKnowledge(t.ctx, sup, text));
      expect(e.code).toBe('knowledge_invalid');
      expect(messageFor(e, 'zh-CN')).toBe(message);
    }
    const kindSwap = JSON.stringify({ ...good, items: [{ ...good.items[1], body: '改过的' }, { ...good.items[1], key: 'checklist.test' }] });
    expect(errorOf(() => importKnowledge(t.ctx, sup, kindSwap)).params.problem).toBe('kind_changed');
    expect(JSON.stringify(listKnowledge(t.ctx))).toBe(before);
  });
});

describe('search', () => {
  beforeEach(() => syncShippedKnowledge(t.ctx));

  it('finds a two-character Chinese query through the scan, ranked title first', () => {
    const r = searchKnowledge(t.ctx, '掉话');
    expect(r.via).toBe('scan');
    expect(r.hits[0]!.key).toBe('checklist.volte-drop');
    expect(r.hits[0]!.title).toEqual([
      { text: 'VoLTE ', hit: false },
      { text: '掉话', hit: true },
      { text: '排查', hit: false },
    ]);
  });

  it('finds a longer query through the trigram index, highlighted', () => {
    const r = searchKnowledge(t.ctx, '飞行模式');
    expect(r.via).toBe('index');
    expect(r.hits.map((h) => h.key)).toEqual(['checklist.volte-registration']);
    expect(r.hits[0]!.snippet.filter((s) => s.hit).map((s) => s.text)).toEqual(['飞行模式']);
  });

  it('ranks an item whose title matches above one that only mentions it', () => {
    const keys = searchKnowledge(t.ctx, '宽带').hits.map((h) => h.key);
    expect(keys[0]).toBe('checklist.broadband');
  });

  it('sees edits at once and answers nothing for nothing', () => {
    expect(searchKnowledge(t.ctx, '独一无二的说法').hits).toEqual([]);
    const item = knowledgeItem(t.ctx, 'template.stage.listen');
    saveKnowledge(t.ctx, sup, { content: { ...item.content, body: '独一无二的说法' }, baseVersion: item.version });
    expect(searchKnowledge(t.ctx, '独一无二的说法').hits.map((h) => h.key)).toEqual(['template.stage.listen']);
    expect(searchKnowledge(t.ctx, '  ').hits).toEqual([]);
  });
});

describe('the panel beside a ticket', () => {
  beforeEach(() => syncShippedKnowledge(t.ctx));
  let n = 0;
  const ticket = (category: string, customerName: string | null = '李雷') =>
    createTicket(t.ctx, agent, {
      channel: '10086',
      ticketNo: `GD-K-00${++n}`,
      receivedAt: t.clock.now - 3_600_000,
      phone: '13812345678',
      customerName,
      categoryId: categoryId(t.ctx, category),
      level: 'normal',
      description: '手机没有 HD 图标',
    }).ticket;

  it('shows the category checklist, fills templates, and marks a missing value', () => {
    const tk = ticket('网络质量>VoLTE 注册', null);
    const p = knowledgePanel(t.ctx, agent, tk.id);
    expect(p.matched).toBe('category');
    expect(p.checklists.map((c) => c.key)).toEqual(['checklist.volte-registration']);
    const confirm = p.templates.find((x) => x.key === 'template.stage.confirm')!;
    expect(confirm.text).toBe('我跟您核对一下：您反映的是网络质量/VoLTE 注册方面的问题，工单编号是GD-K-001。我理解得对吗？还有需要补充的吗？');
    const calm = p.templates.find((x) => x.key === 'template.stage.calm')!;
    expect(calm.text.startsWith('【客户姓名未填】，')).toBe(true);
    expect(calm.missing).toEqual(['客户姓名']);
    // No refund on the ticket yet: the amount is shown as missing, not as ¥0.00.
    expect(p.templates.find((x) => x.key === 'template.situation.refund-agreed')!.missing).toEqual(['客户姓名', '金额']);
    // Templates for other categories stay out.
    expect(p.templates.some((x) => x.key === 'template.situation.delivery-claim')).toBe(false);
  });

  it('falls back to the parent category when the category has no checklist', () => {
    const tk = ticket('资费计费>多收费');
    const p = knowledgePanel(t.ctx, agent, tk.id);
    expect(p).toMatchObject({ matched: 'parent', checklists: [{ key: 'checklist.billing-dispute' }] });
    expect(knowledgePanel(t.ctx, agent, ticket('其他').id).matched).toBe('none');
  });

  it('records each tick in the ticket history with who and when', () => {
    const tk = ticket('网络质量>VoLTE 注册');
    t.clock.advance(60_000);
    tickStep(t.ctx, agent, { ticketId: tk.id, itemKey: 'checklist.volte-registration', stepId: 'sim-provisioned', checked: true });
    t.clock.advance(60_000);
    const p = tickStep(t.ctx, agent, { ticketId: tk.id, itemKey: 'checklist.volte-registration', stepId: 'switch-on', checked: true });
    // The same tick again is not a second event.
    tickStep(t.ctx, agent, { ticketId: tk.id, itemKey: 'checklist.volte-registration', stepId: 'switch-on', checked: true });
    const steps = p.checklists[0]!.steps;
    expect(steps.filter((s) => s.checked).map((s) => [s.id, s.checkedBy, s.checkedAt])).toEqual([
      ['sim-provisioned', 'AGENT1', t.clock.now - 60_000],
      ['switch-on', 'AGENT1', t.clock.now],
    ]);
    t.clock.advance(60_000);
    tickStep(t.ctx, agent, { ticketId: tk.id, itemKey: 'checklist.volte-registration', stepId: 'switch-on', checked: false });
    const h = ticketHistory(t.ctx, tk.id)
      .filter((e) => e.action.startsWith('checklist_'))
      .sort((a, b) => a.at - b.at);
    expect(h.map((e) => [e.action, e.actorName, e.at])).toEqual([
      ['checklist_check', 'AGENT1', t.clock.now - 120_000],
      ['checklist_check', 'AGENT1', t.clock.now - 60_000],
      ['checklist_uncheck', 'AGENT1', t.clock.now],
    ]);
    expect(h[0]!.note).toContain('在业务支撑系统查号码是否已开通 VoLTE');
    expect(errorOf(() => tickStep(t.ctx, agent, { ticketId: tk.id, itemKey: 'checklist.volte-registration', stepId: 'nope', checked: true })).code).toBe('not_found');
  });
});
