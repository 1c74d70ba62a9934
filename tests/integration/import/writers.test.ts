/**
 * The same CRM export as different programs write it (tests/fixtures/crm-writers,
 * whose README says which program and version wrote each file): every one
 * imports the same tickets, rejects the same row at the same line, shows the
 * same preview, and its dry run counts what the real import then does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserInfo } from '../../../src-main/core/model';
import { previewFile } from '../../../src-main/services/import/preview';
import { importFile } from '../../../src-main/services/import/run';
import { addUser, categoryId, tempDb, type TestDb } from '../../helpers/temp-db';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/crm-writers');

let t: TestDb;
let user: UserInfo;
beforeEach(() => {
  t = tempDb();
  user = addUser(t.ctx, 'zhangsan', 'supervisor');
});
afterEach(() => t.close());

/** A private copy: an import must never depend on, or touch, the committed bytes. */
function fixture(name: string): string {
  const file = path.join(t.dir, name);
  fs.copyFileSync(path.join(FIXTURES, name), file);
  return file;
}

function tickets() {
  const ids = t.db.prepare('SELECT id FROM tickets ORDER BY ticket_no').pluck().all() as number[];
  return ids.map((id) => t.ctx.read.tickets.get(id)!);
}

/** The `工单` sheet's rows as a person sees them in any of the workbooks (dataset.json). */
const SHEET_ROWS = [
  { line: 3, cells: ['W001', '10086', '2026-10-02 09:00:00', '13800138000', '王女士', '城关区', '网络质量/信号覆盖', '家里信号差\n打不了电话', '普通', '处理中', '2026-10-02 09:30:00'] },
  { line: 4, cells: ['W002', '营业厅', '2026-10-12 14:05:30', '139-0013-9000', '李先生', '七里河区', '宽带', '断网', '重大', '已办结', '2026-10-12 15:00:00', '2026-10-13 10:00:00', '满意'] },
  { line: 6, cells: ['W003', '10086', '2026-10-15 08:00:00', '13700137000', '', '', '天气', '不知道算哪类'] },
  { line: 7, cells: ['W004', '12300', '2026/10/20 8:05', '13600136000', '赵女士', '城关区', '宽带', '宽带无法上网', '', '已受理'] },
];

/** What the export's tickets are, from its rows above (China time, UTC+8). */
function expectDatasetTickets(opts: { w002ReceivedAt: string }) {
  const [w001, w002, w004, ...rest] = tickets();
  expect(rest).toEqual([]);
  expect(w001).toMatchObject({
    ticketNo: 'W001', channel: '10086', receivedAt: Date.parse('2026-10-02T01:00:00Z'), phone: '13800138000',
    customerName: '王女士', district: '城关区', categoryId: categoryId(t.ctx, '网络质量>信号覆盖'),
    description: '家里信号差\n打不了电话', level: 'normal', status: 'in_progress',
    firstResponseAt: Date.parse('2026-10-02T01:30:00Z'), resolvedAt: null, satisfaction: null,
  });
  expect(w002).toMatchObject({
    ticketNo: 'W002', channel: 'store', receivedAt: Date.parse(opts.w002ReceivedAt), phone: '13900139000',
    customerName: '李先生', district: '七里河区', categoryId: categoryId(t.ctx, '宽带'), description: '断网',
    level: 'major', status: 'resolved', firstResponseAt: Date.parse('2026-10-12T07:00:00Z'),
    resolvedAt: Date.parse('2026-10-13T02:00:00Z'), satisfaction: 'satisfied',
  });
  expect(w004).toMatchObject({
    ticketNo: 'W004', channel: '12300', receivedAt: Date.parse('2026-10-20T00:05:00Z'), phone: '13600136000',
    customerName: '赵女士', level: 'overlevel', status: 'accepted',
  });
}

const WORKBOOKS = [
  ['openpyxl.xlsx', 'xlsx'],
  ['xlsxwriter.xlsx', 'xlsx'],
  ['xlsxwriter-entries-reversed.xlsx', 'xlsx'],
  ['exceljs.xlsx', 'xlsx'],
  ['sheetjs.xlsx', 'xlsx'],
  ['libreoffice.xlsx', 'xlsx'],
  ['sheetjs.xls', 'xls'],
  ['libreoffice.xls', 'xls'],
] as const;

describe.each(WORKBOOKS)('%s', (name, format) => {
  it('previews the 工单 sheet row for row as shown, the unknown category marked', async () => {
    const p = await previewFile(t.ctx, fixture(name), { sheet: '工单' });
    expect(p).toMatchObject({ format, sheets: ['说明', '工单'], sheet: '工单', headerLine: 2, missing: [] });
    expect(p.rows.map(({ line, cells }) => ({ line, cells }))).toEqual(SHEET_ROWS);
    expect(p.rows.map((r) => r.problems.map((x) => [x.line, x.column, x.value]))).toEqual([[], [], [[6, '投诉类别', '天气']], []]);
  });

  it('dry-runs (sheet by position) with the counts the real import (sheet by name) then has', async () => {
    const file = fixture(name);
    const dry = await importFile(t.ctx, user, file, { sheet: '2', dryRun: true });
    expect(tickets()).toEqual([]);
    const real = await importFile(t.ctx, user, file, { sheet: '工单' });
    const counts = { inserted: 3, updated: 0, unchanged: 0, rejectedRows: 1 };
    expect(dry).toMatchObject(counts);
    expect(real).toMatchObject(counts);
    expect(real.rejected).toEqual([{ line: 6, column: '投诉类别', value: '天气', reason: expect.stringContaining('未知的投诉类别') }]);
    expect(dry.rejected).toEqual(real.rejected);
    expectDatasetTickets({ w002ReceivedAt: '2026-10-12T06:05:30Z' });
  });

  it('reads the first sheet when none is chosen (here the notes: refused for its missing columns), and refuses a sheet it lacks', async () => {
    const file = fixture(name);
    await expect(importFile(t.ctx, user, file)).rejects.toMatchObject({ code: 'import_refused', params: { what: 'missing_columns' } });
    await expect(importFile(t.ctx, user, file, { sheet: '3' })).rejects.toMatchObject({ code: 'import_refused', params: { what: 'no_sheet' } });
    await expect(importFile(t.ctx, user, file, { sheet: '十一月' })).rejects.toMatchObject({ code: 'import_refused', params: { what: 'no_sheet' } });
    expect(tickets()).toEqual([]);
  });
});

describe('a legacy .xls', () => {
  it('shows date cells as the wall-clock time Excel shows, whatever zone the machine is in', async () => {
    const zone = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Asia/Shanghai', 'UTC']) {
        process.env.TZ = tz;
        const p = await previewFile(t.ctx, fixture('libreoffice.xls'), { sheet: '工单' });
        expect(p.rows[1]!.cells.slice(10, 12)).toEqual(['2026-10-12 15:00:00', '2026-10-13 10:00:00']);
      }
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});

describe('openpyxl-crm-export.xlsx (a user’s sample: inline strings, the sheet before the workbook in the zip)', () => {
  it('imports Z001 and Z002, by default, by name and by position alike', async () => {
    const file = fixture('openpyxl-crm-export.xlsx');
    for (const sheet of [undefined, 'Sheet', '1']) {
      const dry = await importFile(t.ctx, user, file, { sheet, dryRun: true });
      expect(dry).toMatchObject({ inserted: 2, updated: 0, unchanged: 0, rejected: [] });
    }
    const preview = await previewFile(t.ctx, file);
    expect(preview).toMatchObject({ format: 'xlsx', sheets: ['Sheet'], sheet: 'Sheet', headerLine: 1, missing: [] });
    expect(preview.rows.map((r) => [r.line, r.cells[0], r.cells[2], r.problems])).toEqual([
      [2, 'Z001', '2026-10-02 09:00:00', []],
      [3, 'Z002', '2026-10-12 14:05:00', []],
    ]);

    expect(await importFile(t.ctx, user, file)).toMatchObject({ inserted: 2, rejected: [] });
    const [z001, z002, ...rest] = tickets();
    expect(rest).toEqual([]);
    expect(z001).toMatchObject({
      ticketNo: 'Z001', channel: '10086', receivedAt: Date.parse('2026-10-02T01:00:00Z'), phone: '13800000001',
      customerName: '张三', city: '昆明', district: '五华区', categoryId: categoryId(t.ctx, '网络质量>信号覆盖'),
      description: '信号差', level: 'normal', status: 'in_progress', firstResponseAt: Date.parse('2026-10-02T01:30:00Z'),
      resolvedAt: null, satisfaction: null,
    });
    // The file says 普通, but a 10080 complaint is over-level whatever the source (core/arrival.ts).
    expect(z002).toMatchObject({
      ticketNo: 'Z002', channel: '10080', receivedAt: Date.parse('2026-10-12T06:05:00Z'), phone: '13800000002',
      customerName: '李四', categoryId: categoryId(t.ctx, '宽带'), description: '断网', level: 'overlevel', status: 'resolved',
      firstResponseAt: Date.parse('2026-10-12T07:00:00Z'), resolvedAt: Date.parse('2026-10-13T02:00:00Z'), satisfaction: 'satisfied',
    });
  });
});

describe('excel-gbk.csv (re-saved by Chinese Excel: GBK, times like 2026/10/2 9:00)', () => {
  it('previews, dry-runs and imports the same tickets, lines counted as an editor shows them', async () => {
    const file = fixture('excel-gbk.csv');
    const p = await previewFile(t.ctx, file);
    expect(p).toMatchObject({ format: 'csv', encoding: 'gb18030', delimiter: ',', headerLine: 2, missing: [] });
    // W001's description holds a line break: W002 starts on line 5; the commas-only row 6 is blank.
    expect(p.rows.map((r) => [r.line, r.cells[0], r.cells[2]])).toEqual([
      [3, 'W001', '2026/10/2 9:00'],
      [5, 'W002', '2026/10/12 14:05'],
      [7, 'W003', '2026/10/15 8:00'],
      [8, 'W004', '2026/10/20 8:05'],
    ]);

    const dry = await importFile(t.ctx, user, file, { dryRun: true });
    const real = await importFile(t.ctx, user, file);
    for (const r of [dry, real]) {
      expect(r).toMatchObject({ inserted: 3, updated: 0, unchanged: 0, rejectedRows: 1 });
      expect(r.rejected.map((x) => [x.line, x.column, x.value])).toEqual([[7, '投诉类别', '天气']]);
    }
    // Excel saved the times as it shows them, without seconds.
    expectDatasetTickets({ w002ReceivedAt: '2026-10-12T06:05:00Z' });
  });
});
