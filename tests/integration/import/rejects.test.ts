import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../src-main/services/import/run';
import { addUser, tempDb, type TestDb } from '../../helpers/temp-db';
import type { UserInfo } from '../../../src-main/core/model';
import { GOOD_ROWS, HEADER, writeCsv } from './files';

let t: TestDb;
let user: UserInfo;
beforeEach(() => {
  t = tempDb();
  user = addUser(t.ctx, 'zhangsan', 'supervisor');
});
afterEach(() => t.close());

const base = GOOD_ROWS[0]!;
const col = (name: string) => HEADER.indexOf(name);
const variant = (no: string, changes: Record<string, string>) =>
  base.map((c, i) => (i === 0 ? no : (changes[HEADER[i]!] ?? c)));

/** Every kind of bad row, each with the column and the words its reason must contain. */
const BAD: Array<[string, Record<string, string>, string, string]> = [
  ['', {}, '工单编号', '不能为空'],
  ['B02', { 受理渠道: '传真' }, '受理渠道', '未知的受理渠道'],
  ['B03', { 受理时间: '' }, '受理时间', '不能为空'],
  ['B04', { 受理时间: '2026年11月1日' }, '受理时间', '时间格式不对'],
  ['B05', { 受理时间: '2026-02-30 10:00' }, '受理时间', '时间格式不对'],
  ['B06', { 受理时间: '2027-01-01 10:00' }, '受理时间', '晚于现在'],
  ['B07', { 客户号码: '' }, '客户号码', '不能为空'],
  ['B08', { 客户号码: '0931-888' }, '客户号码', '手机号码'], // a fixed line too short to be one
  ['B09', { 投诉类别: '天气' }, '投诉类别', '未知的投诉类别'],
  ['B10', { 投诉内容: '' }, '投诉内容', '不能为空'],
  ['B11', { 工单级别: '特急' }, '工单级别', '未知的工单级别'],
  ['B12', { 处理状态: '已丢失' }, '处理状态', '未知的处理状态'],
  ['B13', { 满意度: '还行' }, '满意度', '未知的满意度'],
  ['B14', { 首次响应时间: '2026-11-01 08:00' }, '首次响应时间', '早于受理时间'],
  ['B15', { 处理状态: '已办结', 办结时间: '2026-10-31 08:00' }, '办结时间', '早于受理时间'],
  ['B16', { 处理状态: '已办结', 办结时间: '' }, '办结时间', '办结时间为空'],
  ['B17', { 首次响应时间: '明天' }, '首次响应时间', '时间格式不对'],
];

describe('bad rows', () => {
  it('reports every bad row with line, column, value and reason, and imports the good ones', async () => {
    const rows = [HEADER, GOOD_ROWS[1]!, ...BAD.map(([no, changes]) => variant(no, changes)), GOOD_ROWS[2]!];
    const rejectsPath = path.join(t.dir, 'rejects.csv');
    const r = await importFile(t.ctx, user, writeCsv(t.dir, 'bad.csv', rows), { rejectsPath });
    expect(r.inserted).toBe(2);
    expect(r.rejectedRows).toBe(BAD.length);
    // Lines as an editor counts them: the base row's description holds a line break (two lines), unless emptied.
    let line = 3; // header on line 1, CRM002 on line 2
    BAD.forEach(([, changes, column, words], i) => {
      const entry = r.rejected[i]!;
      expect(entry.line, column).toBe(line);
      line += changes['投诉内容'] === '' ? 1 : 2;
      expect(entry.column).toBe(column);
      expect(entry.value).toBe(changes[column] ?? (column === '工单编号' ? '' : base[col(column)]));
      expect(entry.reason).toContain(words);
    });
    expect(r.rejected).toHaveLength(BAD.length);
  });

  it('writes the rejected rows as a UTF-8 CSV with BOM: original columns plus where and why', async () => {
    const rows = [HEADER, GOOD_ROWS[1]!, variant('B08', { 客户号码: '12345', 受理渠道: '传真' }), variant('B09', { 投诉类别: '=HYPERLINK("x")', 客户姓名: "+1+cmd|' /C calc'!A0", 区县: '-2+3' })];
    const rejectsPath = path.join(t.dir, 'rejects.csv');
    const r = await importFile(t.ctx, user, writeCsv(t.dir, 'bad.csv', rows), { rejectsPath });
    expect(r.rejectsFile).toBe(rejectsPath);
    const bytes = fs.readFileSync(rejectsPath);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const table = parse(bytes.subarray(3).toString('utf8')) as string[][];
    expect(table[0]).toEqual([...HEADER, '原行号', '错误列', '错误原因']);
    expect(table).toHaveLength(3);
    expect(table[1]!.slice(0, HEADER.length)).toEqual(variant('B08', { 客户号码: '12345', 受理渠道: '传真' }));
    expect(table[1]!.slice(HEADER.length, HEADER.length + 2)).toEqual(['3', '受理渠道；客户号码']);
    expect(table[1]![HEADER.length + 2]).toMatch(/^受理渠道：未知的受理渠道.*；客户号码：不是 11 位大陆手机号码，也不是带区号的固定电话（如 020-12345678）。$/);
    // A cell Excel would run as a formula is neutralised.
    expect(table[2]![col('投诉类别')]).toBe(`'=HYPERLINK("x")`);
    // So are + and - followed by a digit (they were let through before).
    expect(table[2]![col('客户姓名')]).toBe("'+1+cmd|' /C calc'!A0");
    expect(table[2]![col('区县')]).toBe("'-2+3");
  });

  it('the fixed rejects file imports as it is (its extra columns are ignored)', async () => {
    const rejectsPath = path.join(t.dir, 'rejects.csv');
    await importFile(t.ctx, user, writeCsv(t.dir, 'bad.csv', [HEADER, variant('B09', { 投诉类别: '天气' })]), { rejectsPath });
    const fixed = fs.readFileSync(rejectsPath, 'utf8').replace('天气', '宽带');
    fs.writeFileSync(rejectsPath, fixed);
    expect(await importFile(t.ctx, user, rejectsPath)).toMatchObject({ inserted: 1, rejected: [] });
  });

  it('gives reasons in English for an English user, and writes no rejects file when nothing is rejected', async () => {
    const rejectsPath = path.join(t.dir, 'rejects.csv');
    const r = await importFile(t.ctx, user, writeCsv(t.dir, 'bad.csv', [HEADER, variant('B08', { 客户号码: '12345' })]), { locale: 'en', rejectsPath });
    expect(r.rejected[0]!.reason).toBe('Neither an 11-digit mainland mobile number nor a fixed line with its area code (020-12345678).');
    expect(fs.readFileSync(rejectsPath, 'utf8').split('\r\n')[0]).toContain('source_line,error_columns,error_reasons');
    const clean = await importFile(t.ctx, user, writeCsv(t.dir, 'ok.csv', [HEADER, GOOD_ROWS[1]!]), { rejectsPath: path.join(t.dir, 'none.csv') });
    expect(clean.rejectsFile).toBeNull();
    expect(fs.existsSync(path.join(t.dir, 'none.csv'))).toBe(false);
  });

  it('refuses a row whose unquoted comma pushed cells past the header, and text that did not decode', async () => {
    const closed = GOOD_ROWS[1]!;
    const shifted = [...closed.slice(0, 7), '套餐外多扣', ' 20 元', ...closed.slice(8)];
    const r = await importFile(t.ctx, user, writeCsv(t.dir, 'bad.csv', [HEADER, shifted, variant('B20', { 投诉内容: '乱码\uFFFD\uFFFD' })]));
    // The shifted row fails where its cells landed, and says why last.
    expect(r.rejected.at(-2)).toMatchObject({ line: 2, column: '', value: '满意', reason: expect.stringContaining('该行有 15 列，表头只有 14 列') });
    expect(r.rejected.at(-1)).toMatchObject({ line: 3, column: '投诉内容', reason: expect.stringContaining('无法识别的字符') });
  });
});
