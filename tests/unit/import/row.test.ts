import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES, type CategoryNode } from '../../../src-main/core/categories';
import { CategoryMatcher } from '../../../src-main/core/import/category-match';
import { mapHeaders } from '../../../src-main/core/import/headers';
import { AssigneeMatcher } from '../../../src-main/core/import/people';
import { rejectedCells } from '../../../src-main/core/import/reasons';
import { normalizeRow, type RowRefs } from '../../../src-main/core/import/row';
import { ListMatcher } from '../../../src-main/core/lists/rules';
import { LocalTimeParser } from '../../../src-main/core/import/times';

function tree(): CategoryNode[] {
  const nodes: CategoryNode[] = [];
  let id = 1;
  for (const top of DEFAULT_CATEGORIES) {
    const parentId = id++;
    nodes.push({ id: parentId, parentId: null, name: top.name });
    for (const child of top.children) nodes.push({ id: id++, parentId, name: child });
  }
  return nodes;
}
const nodes = tree();
const idOf = (top: string, child?: string) => {
  const p = nodes.find((n) => n.parentId === null && n.name === top)!;
  return child ? nodes.find((n) => n.parentId === p.id && n.name === child)!.id : p.id;
};

const HEADER = ['工单编号', '受理渠道', '受理时间', '客户号码', '客户姓名', '区县', '投诉类别', '投诉内容', '工单级别', '处理状态', '处理人', '首次响应时间', '办结时间', '关闭时间', '满意度'];
const NOW = Date.parse('2026-11-02T02:00:00Z');

function refs(header = HEADER): RowRefs {
  return {
    header: mapHeaders(header),
    times: new LocalTimeParser('Asia/Shanghai'),
    categories: new CategoryMatcher(nodes),
    assignees: new AssigneeMatcher([
      { id: 7, username: 'zhangsan', displayName: '张三', active: true },
      { id: 8, username: 'lisi', displayName: '李四', active: false },
    ]),
    latest: NOW + 5 * 60_000,
  };
}

const good = ['CRM001', '10086热线', '2026-11-01 09:00', '138 0013 8000', '王女士', '城关区', '网络质量/上网慢/断网', '家里上网慢', '', '处理中', 'zhangsan', '2026-11-01 09:30', '', '', ''];
const row = (cells: string[], line = 2) => ({ line, cells });
const withCell = (i: number, v: string) => good.map((c, j) => (j === i ? v : c));

describe('normalizeRow', () => {
  it('turns a good row into ticket fields', () => {
    const r = normalizeRow(row(good), refs());
    expect(r).toEqual({
      ok: true,
      ticket: {
        ticketNo: 'CRM001', channel: '10086', receivedAt: Date.parse('2026-11-01T01:00:00Z'), phone: '13800138000',
        customerName: '王女士', city: null, district: '城关区', categoryId: idOf('网络质量', '上网慢/断网'), description: '家里上网慢',
        level: null, status: 'in_progress', assigneeId: 7, assigneeName: '张三', firstResponderId: null, firstResponderName: null,
        firstResponseAt: Date.parse('2026-11-01T01:30:00Z'), resolvedAt: null, closedAt: null, satisfaction: null,
        heldCity: null, heldDistrict: null,
      },
    });
  });

  it('holds a city or district the lists do not know for review, and takes a known or already-mapped one', () => {
    const district = new ListMatcher([{ id: 1, kind: 'district', name: '城关区', active: false }], new Map([['城关', '城关区']]));
    const city = new ListMatcher([], new Map());
    const withPlaces = { ...refs(), places: { city, district } };
    // 城关区 is retired but still a value of the list: an old CRM row may carry it.
    const known = normalizeRow(row(good), withPlaces);
    expect(known.ok && [known.ticket.district, known.ticket.heldDistrict]).toEqual(['城关区', null]);
    const mapped = normalizeRow(row(withCell(5, ' 城关 ')), withPlaces);
    expect(mapped.ok && [mapped.ticket.district, mapped.ticket.heldDistrict]).toEqual(['城关区', null]);
    const unknown = normalizeRow(row(withCell(5, '城关新区')), withPlaces);
    expect(unknown.ok && [unknown.ticket.district, unknown.ticket.heldDistrict]).toEqual([null, '城关新区']);
  });

  it('accepts a broadband customer\'s fixed line with its area code', () => {
    const r = normalizeRow(row(withCell(3, '(0757) 8123 4567')), refs());
    expect(r.ok && r.ticket.phone).toBe('0757-81234567');
    const bad = normalizeRow(row(withCell(3, '8123 4567')), refs());
    expect(!bad.ok && bad.problems.map((p) => [p.field, p.code])).toEqual([['phone', 'invalid_phone']]);
  });

  it('matches categories at either level, with a slash in the name, and loosely spaced', () => {
    const cat = (text: string) => {
      const r = normalizeRow(row(withCell(6, text)), refs());
      return r.ok ? r.ticket.categoryId : null;
    };
    expect(cat('宽带')).toBe(idOf('宽带'));
    expect(cat('上网慢/断网')).toBe(idOf('网络质量', '上网慢/断网'));
    expect(cat('资费计费/套餐/流量计费')).toBe(idOf('资费计费', '套餐/流量计费'));
    expect(cat('增值业务/SP定制不认可')).toBe(idOf('增值业务', 'SP 定制不认可'));
    expect(cat('VoLTE 掉话')).toBe(idOf('网络质量', 'VoLTE 掉话'));
    expect(cat('网络质量／信号覆盖')).toBe(idOf('网络质量', '信号覆盖'));
    expect(cat('宽带/不存在')).toBeNull();
  });

  it('keeps an unknown or inactive assignee as a name', () => {
    const r1 = normalizeRow(row(withCell(10, '李四')), refs());
    const r2 = normalizeRow(row(withCell(10, '外包王工')), refs());
    expect(r1.ok && [r1.ticket.assigneeId, r1.ticket.assigneeName]).toEqual([null, '李四']);
    expect(r2.ok && [r2.ticket.assigneeId, r2.ticket.assigneeName]).toEqual([null, '外包王工']);
  });

  const bad: Array<[string, number, string, string]> = [
    ['missing ticket number', 0, '', 'required'],
    ['unknown channel', 1, '微信群', 'unknown_channel'],
    ['missing received time', 2, '', 'required'],
    ['unparseable time', 2, '2026-11-01', 'bad_time'],
    ['future time', 2, '2026-12-01 10:00', 'in_future'],
    ['bad phone', 3, '12345', 'invalid_phone'],
    ['unknown category', 6, '天气', 'unknown_category'],
    ['empty description', 7, '  ', 'required'],
    ['unknown level', 8, '特急', 'unknown_level'],
    ['unknown status', 9, '丢失', 'unknown_status'],
    ['response before received', 11, '2026-11-01 08:00', 'before_received'],
    ['bad satisfaction', 14, '还行', 'unknown_satisfaction'],
    ['garbled text', 7, '锟斤拷\uFFFD', 'garbled'],
    ['too long a ticket number', 0, 'X'.repeat(65), 'too_long'],
  ];
  for (const [name, col, value, code] of bad) {
    it(`refuses a row with ${name}`, () => {
      const r = normalizeRow(row(withCell(col, value)), refs());
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems.map((p) => [p.field === null ? null : HEADER.indexOf(rejectedCells(2, [p], refs().header, 'zh-CN')[0]!.column), p.code])).toContainEqual([col, code]);
    });
  }

  it('checks the order of resolution and closing, and needs a resolution time for resolved tickets', () => {
    const closedEarly = good.map((c, j) => (j === 9 ? '已回访关闭' : j === 12 ? '2026-11-01 12:00' : j === 13 ? '2026-11-01 11:00' : c));
    const r1 = normalizeRow(row(closedEarly), refs());
    expect(!r1.ok && r1.problems.map((p) => p.code)).toEqual(['closed_before_resolved']);
    const r2 = normalizeRow(row(withCell(9, '已办结')), refs());
    expect(!r2.ok && r2.problems.map((p) => [p.field, p.code])).toEqual([['resolvedAt', 'resolved_time_required']]);
    const r3 = normalizeRow(row(good.map((c, j) => (j === 12 ? '2026-11-01 08:59' : c))), refs());
    expect(!r3.ok && r3.problems.map((p) => p.code)).toEqual(['before_received']);
  });

  it('reports every problem of a row, left to right, with the file’s column names', () => {
    const r = normalizeRow(row(good.map((c, j) => (j === 3 ? 'abc' : j === 1 ? 'fax' : c)), 9), refs());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const zh = rejectedCells(9, r.problems, refs().header, 'zh-CN');
    expect(zh.map((c) => [c.line, c.column, c.value])).toEqual([[9, '受理渠道', 'fax'], [9, '客户号码', 'abc']]);
    expect(zh[1]!.reason).toContain('手机号码');
    expect(rejectedCells(9, r.problems, refs().header, 'en')[1]!.reason).toContain('mobile number');
  });

  it('refuses a row with more filled cells than the header has columns', () => {
    const r = normalizeRow(row([...good, 'spill']), refs());
    expect(!r.ok && r.problems.map((p) => [p.field, p.code, p.value])).toEqual([[null, 'extra_cells', 'spill']]);
    expect(normalizeRow(row([...good, '', ' ']), refs()).ok).toBe(true);
  });

  it('treats missing optional columns as absent and short rows as blank cells', () => {
    const minimal = ['ticket_no', 'channel', 'received_at', 'phone', 'category', 'description'];
    const r = normalizeRow(row(['A1', '12300', '2026-11-01T09:00:00+08:00', '+8613800138000', '宽带', '断网']), refs(minimal));
    expect(r.ok && r.ticket).toMatchObject({ channel: '12300', level: null, status: null, phone: '13800138000', customerName: null });
    const short = normalizeRow(row(['A1', '12300', '2026-11-01 09:00', '13800138000', '宽带']), refs(minimal));
    expect(!short.ok && short.problems.map((p) => [p.field, p.code])).toEqual([['description', 'required']]);
  });
});
