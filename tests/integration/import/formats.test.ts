import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../src-main/services/import/run';
import { addUser, categoryId, tempDb, type TestDb } from '../../helpers/temp-db';
import type { UserInfo } from '../../../src-main/core/model';
import { GOOD_ROWS, HEADER, writeCsv, writeXlsx } from './files';

let t: TestDb;
let user: UserInfo;
beforeEach(() => {
  t = tempDb();
  user = addUser(t.ctx, 'zhangsan', 'supervisor');
});
afterEach(() => t.close());

function tickets() {
  const ids = t.db.prepare('SELECT id FROM tickets ORDER BY ticket_no').pluck().all() as number[];
  return ids.map((id) => t.ctx.read.tickets.get(id)!);
}

describe('CSV encodings and shapes', () => {
  const variants = [
    ['UTF-8 without BOM, CRLF', { encoding: 'utf8' as const }],
    ['UTF-8 with BOM', { encoding: 'utf8-bom' as const }],
    ['GB18030 (what Chinese Excel writes)', { encoding: 'gb18030' as const }],
    ['UTF-16LE with BOM, tab-separated', { encoding: 'utf16le' as const, delimiter: '\t' }],
    ['LF line ends, semicolons', { encoding: 'utf8' as const, eol: '\n', delimiter: ';' }],
  ] as const;
  for (const [name, opts] of variants) {
    it(`reads ${name} without being told`, async () => {
      const file = writeCsv(t.dir, 'crm.csv', [HEADER, ...GOOD_ROWS], opts);
      const r = await importFile(t.ctx, user, file);
      expect(r.rejected).toEqual([]);
      expect(r.inserted).toBe(3);
      const [a, b, c] = tickets();
      expect(a).toMatchObject({
        ticketNo: 'CRM001', channel: '10086', phone: '13800138000', customerName: '王女士', district: '城关区',
        categoryId: categoryId(t.ctx, '网络质量>上网慢/断网'), description: '晚上上网慢, 经常断网\n已重启光猫',
        level: 'normal', status: 'in_progress', assigneeId: user.id, receivedAt: Date.parse('2026-11-01T01:00:00Z'),
        firstResponseAt: Date.parse('2026-11-01T01:30:00Z'),
      });
      expect(b).toMatchObject({
        channel: 'store', phone: '13900139000', categoryId: categoryId(t.ctx, '资费计费>多收费'), status: 'closed',
        assigneeId: null, assigneeName: '外包王工', satisfaction: 'satisfied', receivedAt: Date.parse('2026-10-30T06:05:10Z'),
        resolvedAt: Date.parse('2026-10-31T02:00:00Z'),
      });
      expect(c).toMatchObject({ channel: '12300', phone: '13700137000', level: 'overlevel', status: 'resolved', customerName: null });
    });
  }

  it('numbers lines as an editor does: a quoted field with line breaks moves later rows down', async () => {
    const rows = [HEADER, GOOD_ROWS[0]!, ['CRM009', '10086', '2026-11-01 09:00', 'bad-phone', '', '', '宽带', '一\r\n二\r\n三', '', '', '', '', '', ''], ['CRM010', '10086', 'not a time', '13800138001', '', '', '宽带', 'x', '', '', '', '', '', '']];
    const file = writeCsv(t.dir, 'multi.csv', rows);
    const r = await importFile(t.ctx, user, file);
    // Header line 1; CRM001 spans lines 2–3 (one break in its description); CRM009 lines 4–6; CRM010 line 7.
    expect(r.rejected.map((x) => [x.line, x.column, x.value])).toEqual([[4, '客户号码', 'bad-phone'], [7, '受理时间', 'not a time']]);
    expect(r.inserted).toBe(1);
  });

  it('counts blank lines and skips title rows above the header', async () => {
    const text = `工单导出,,\r\n导出时间 2026-11-02,,\r\n\r\n${HEADER.join(',')}\r\n\r\n${GOOD_ROWS[2]!.join(',')}\r\nCRM011,10086,2026-11-01 09:00,1,,,宽带,x,,,,,,\r\n`;
    const file = path.join(t.dir, 'title.csv');
    fs.writeFileSync(file, text);
    const r = await importFile(t.ctx, user, file);
    expect(r.inserted).toBe(1);
    expect(r.rejected.map((x) => x.line)).toEqual([7]);
  });

  it('takes English headers in any order and ignores columns it does not use', async () => {
    const header = ['remarks', 'description', 'Phone', 'ticket_no', 'category', 'received_at', 'channel', 'status', 'internal id'];
    const file = writeCsv(t.dir, 'en.csv', [header, ['vip', 'No signal at home', '13800138000', 'E1', '网络质量/信号覆盖', '2026-11-01 08:00', 'online', 'accepted', '991']]);
    const r = await importFile(t.ctx, user, file, { locale: 'en' });
    expect(r).toMatchObject({ inserted: 1, rejected: [] });
    expect(tickets()[0]).toMatchObject({ ticketNo: 'E1', channel: 'online', status: 'accepted', description: 'No signal at home' });
  });
});

describe('XLSX', () => {
  it('reads the first sheet: dates, numeric phones and rich cells as shown', async () => {
    const file = await writeXlsx(t.dir, 'crm.xlsx', [
      {
        name: '工单',
        rows: [
          HEADER,
          ['X1', '10086', new Date(Date.UTC(2026, 10, 1, 9, 0)), 13800138000, '王女士', '城关区', '宽带', { richText: [{ text: '断网' }, { text: '三天' }] }, '重大', '处理中', '张三', '', '', ''],
          [],
          ['X2', 'store', '2026-10-30 14:05', '13900139000', '', '', '天气', 'x', '', '', '', '', '', ''],
          // A note in a column with no header: in a spreadsheet that is an unused column, not a shifted row.
          ['X3', 'store', '2026-10-30 15:05', '13900139001', '', '', '宽带', 'x', '', '', '', '', '', '', '', '备注：老客户'],
        ],
      },
      { name: '说明', rows: [['这是说明页']] },
    ]);
    const r = await importFile(t.ctx, user, file);
    expect(r.inserted).toBe(2);
    expect(r.rejected).toEqual([{ line: 4, column: '投诉类别', value: '天气', reason: expect.stringContaining('未知的投诉类别') }]);
    expect(tickets()[0]).toMatchObject({ ticketNo: 'X1', receivedAt: Date.parse('2026-11-01T01:00:00Z'), phone: '13800138000', description: '断网三天', level: 'major' });
  });

  it('reads a chosen sheet by name, and refuses a sheet that does not exist', async () => {
    const file = await writeXlsx(t.dir, 'two.xlsx', [
      { name: '说明', rows: [['导出说明']] },
      { name: '十一月', rows: [HEADER, GOOD_ROWS[0]!] },
    ]);
    expect((await importFile(t.ctx, user, file, { sheet: '十一月' })).inserted).toBe(1);
    await expect(importFile(t.ctx, user, file, { sheet: '十二月' })).rejects.toMatchObject({ code: 'import_refused', params: { what: 'no_sheet' } });
    // The first sheet has no header: refused whole, saying which columns are missing.
    await expect(importFile(t.ctx, user, file)).rejects.toMatchObject({ code: 'import_refused', params: { what: 'missing_columns' } });
  });
});
