/** Real files for the import tests, written the way CRMs and Excel write them. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export const HEADER = ['工单编号', '受理渠道', '受理时间', '客户号码', '客户姓名', '区县', '投诉类别', '投诉内容', '工单级别', '处理状态', '处理人', '首次响应时间', '办结时间', '满意度'];

/** Three good rows: a slash in a category name, a quoted description with a comma and a line break. */
export const GOOD_ROWS: string[][] = [
  ['CRM001', '10086热线', '2026-11-01 09:00', '13800138000', '王女士', '城关区', '网络质量/上网慢/断网', '晚上上网慢, 经常断网\n已重启光猫', '普通', '处理中', 'zhangsan', '2026-11-01 09:30', '', ''],
  ['CRM002', '营业厅', '2026/10/30 14:05:10', '139-0013-9000', '李先生', '七里河区', '多收费', '套餐外多扣 20 元', '', '已回访关闭', '外包王工', '2026/10/30 14:30', '2026/10/31 10:00', '满意'],
  ['CRM003', '12300', '2026-10-29T08:00:00+08:00', '+86 137 0013 7000', '', '城关区', '宽带', '宽带无法上网', '越级', 'resolved', '', '2026-10-29T09:00:00+08:00', '2026-10-29T20:00:00+08:00', ''],
];

export function csvText(rows: string[][], opts: { eol?: string; delimiter?: string } = {}): string {
  const eol = opts.eol ?? '\r\n';
  const d = opts.delimiter ?? ',';
  const cell = (c: string) => (c.includes(d) || /["\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(cell).join(d)).join(eol) + eol;
}

export function writeCsv(dir: string, name: string, rows: string[][], opts: { encoding?: 'utf8' | 'utf8-bom' | 'gb18030' | 'utf16le'; eol?: string; delimiter?: string } = {}): string {
  const text = csvText(rows, opts);
  const file = path.join(dir, name);
  const enc = opts.encoding ?? 'utf8';
  const bytes =
    enc === 'gb18030'
      ? iconv.encode(text, 'gb18030')
      : enc === 'utf16le'
        ? Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')])
        : Buffer.from((enc === 'utf8-bom' ? '\uFEFF' : '') + text, 'utf8');
  fs.writeFileSync(file, bytes);
  return file;
}

export async function writeXlsx(dir: string, name: string, sheets: Array<{ name: string; rows: unknown[][] }>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const r of s.rows) ws.addRow(r);
    ws.getColumn(3).numFmt = 'yyyy-mm-dd hh:mm';
  }
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

export const count = (db: { prepare(sql: string): { get(): unknown } }, table: string) =>
  (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
