/**
 * The province's reports of a month: as JSON (the receiver's GET /reports/…)
 * and as a workbook (`npm run hq -- report --month M --out FILE.xlsx`, exceljs),
 * one sheet per report with Chinese headers, rates as percentages, money in
 * yuan with a ¥ format, hours to one decimal.
 */
import ExcelJS from 'exceljs';
import { MONTH_PATTERN } from '../../core/hq/messages';
import { PROVINCE_REPORTS, provinceReport, type ProvinceReport, type ReportColumn } from '../../core/hq/reports';
import type { HqPool } from '../db/pool';
import { readProvinceReport, type ReportRow } from '../db/report-reader';
import { HqError } from './errors';

function periodOf(month: string): string {
  if (!MONTH_PATTERN.test(month)) throw new HqError('month_invalid', { month: month.slice(0, 20) });
  return `${month}-01`;
}

export interface ReportAnswer {
  report: string;
  month: string;
  columns: { key: string; zh: string; kind: string }[];
  rows: ReportRow[];
}

export async function provinceReportJson(pool: HqPool, name: string, month: string): Promise<ReportAnswer> {
  const report = provinceReport(name);
  if (!report) throw new HqError('report_unknown', { report: name.slice(0, 40), known: PROVINCE_REPORTS.map((r) => r.name).join(', ') }, 404);
  const rows = await readProvinceReport(pool, report, periodOf(month));
  return { report: report.name, month, columns: report.columns.map(({ key, zh, kind }) => ({ key, zh, kind })), rows };
}

const NUMBER_FORMATS: Partial<Record<ReportColumn['kind'], string>> = {
  rate: '0.0%',
  hours: '0.0',
  fen: '"¥"#,##0.00',
  count: '#,##0',
};

function cellValue(c: ReportColumn, v: ReportRow[string]): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (c.kind === 'fen') return Number(v) / 100;
  if (c.kind === 'bool') return v ? '是' : '否';
  return v as ExcelJS.CellValue;
}

function addSheet(wb: ExcelJS.Workbook, report: ProvinceReport, rows: readonly ReportRow[]): void {
  const ws = wb.addWorksheet(report.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = report.columns.map((c) => ({
    header: c.zh,
    key: c.key,
    width: Math.max(10, c.zh.length * 2 + 2),
    style: NUMBER_FORMATS[c.kind] ? { numFmt: NUMBER_FORMATS[c.kind] } : {},
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(Object.fromEntries(report.columns.map((c) => [c.key, cellValue(c, r[c.key] ?? null)])));
}

export async function writeProvinceWorkbook(pool: HqPool, month: string, out: string, now: Date): Promise<{ path: string; sheets: { sheet: string; rows: number }[] }> {
  const period = periodOf(month);
  const wb = new ExcelJS.Workbook();
  wb.created = now;
  const sheets: { sheet: string; rows: number }[] = [];
  for (const report of PROVINCE_REPORTS) {
    const rows = await readProvinceReport(pool, report, period);
    addSheet(wb, report, rows);
    sheets.push({ sheet: report.sheet, rows: rows.length });
  }
  const about = wb.addWorksheet('说明');
  about.columns = [{ width: 16 }, { width: 60 }];
  about.addRows([
    ['月份', month],
    ['生成时间', now.toISOString()],
    ['口径', '各分公司该月最新一版上报包（草稿亦计入，标“草稿”）；已作废工单不计；指标定义见 docs/HQ.md'],
  ]);
  await wb.xlsx.writeFile(out);
  return { path: out, sheets };
}
