/**
 * Workbook readers benchmark (prints figures; asserts nothing):
 *
 *   npx tsx tests/bench/workbook-readers.bench.ts [--xlsx-rows N] [--xls-rows N]
 *
 * Reads every row of a CRM-shaped XLSX (100,000 rows by default, written with
 * exceljs's streaming writer) and of a legacy .xls at its format's limit
 * (65,535 data rows, written with SheetJS), each in its own process, and
 * prints rows per second and the process's peak resident memory (VmHWM).
 * The XLSX reader streams, so its peak should not grow with the rows; the
 * .xls reader parses the sheet whole, so its peak is the price of the format.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import { tempDir } from '../helpers/temp-db';
import { readXls } from '../../src-main/services/import/xls-source';
import { readXlsx } from '../../src-main/services/import/xlsx-source';
import { figure } from './lib/figures';

const { values } = parseArgs({
  options: {
    'xlsx-rows': { type: 'string', default: '100000' },
    'xls-rows': { type: 'string', default: '65535' },
    child: { type: 'string' },
    file: { type: 'string' },
    // From npm run bench: it reads its own files (--db is not used); --quick reads 5,000 and 2,000 rows.
    db: { type: 'string' },
    quick: { type: 'boolean', default: false },
  },
});
if (values.quick) {
  values['xlsx-rows'] = '5000';
  values['xls-rows'] = '2000';
}

const HEADER = ['工单编号', '受理渠道', '受理时间', '客户号码', '客户姓名', '区县', '投诉类别', '投诉内容', '工单级别', '处理状态'];
/** 2026-10-01 08:00 as an Excel serial, plus i minutes. */
const serial = (i: number) => 46296 + 8 / 24 + i / 1440;
const row = (i: number) => [`B${i}`, 10086, serial(i), 13800000000 + i, '王女士', '城关区', '宽带', `宽带无法上网，第${i}次`, '普通', '处理中'];

async function writeXlsx(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('工单');
  ws.getColumn(3).numFmt = 'yyyy-mm-dd hh:mm';
  ws.addRow(HEADER).commit();
  for (let i = 1; i <= rows; i++) ws.addRow(row(i)).commit();
  ws.commit();
  await wb.commit();
}

function writeXls(file: string, rows: number): void {
  const data: unknown[][] = [HEADER];
  for (let i = 1; i <= rows; i++) data.push(row(i));
  const ws = XLSX.utils.aoa_to_sheet(data);
  for (let i = 1; i <= rows; i++) ws[XLSX.utils.encode_cell({ r: i, c: 2 })]!.z = 'yyyy-mm-dd hh:mm';
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, '工单');
  fs.writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'biff8' }) as Buffer);
}

const peakMb = () => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;

async function child(kind: string, file: string): Promise<void> {
  const started = performance.now();
  let rows = 0;
  for await (const r of kind === 'xls' ? readXls(file) : readXlsx(file)) rows += r.cells.length > 0 ? 1 : 0;
  const ms = performance.now() - started;
  console.log(`${kind}: ${rows.toLocaleString('en')} rows (${(fs.statSync(file).size / 1048576).toFixed(1)} MB) in ${(ms / 1000).toFixed(1)} s — ${Math.round((rows / ms) * 1000).toLocaleString('en')} rows/s, peak RSS ${Math.round(peakMb())} MB`);
  figure(`workbook.${kind}.rows_per_s`, (rows / ms) * 1000, 'rows/s', { note: `${rows.toLocaleString('en')} rows in ${(ms / 1000).toFixed(1)} s` });
  figure(`workbook.${kind}.peak_rss`, peakMb(), 'MB', { note: 'VmHWM of the reading process' });
}

if (values.child) {
  await child(values.child, values.file!);
} else {
  const dir = tempDir('desk-bench-workbooks-');
  try {
    const xlsx = path.join(dir, 'crm.xlsx');
    const xls = path.join(dir, 'crm.xls');
    await writeXlsx(xlsx, Number(values['xlsx-rows']));
    writeXls(xls, Number(values['xls-rows']));
    for (const [kind, file] of [['xlsx', xlsx], ['xls', xls]] as const) {
      spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', kind, '--file', file], { stdio: 'inherit' });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
