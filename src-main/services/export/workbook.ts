/**
 * The workbook for people, written from the machine files just made (so the
 * two never disagree), streamed with exceljs's WorkbookWriter: each file is
 * read twice, once to fit the column widths (exceljs writes them before the
 * first row) and once to write the rows. Then the XLSX is re-zipped with a
 * fixed timestamp so an unchanged month gives the same bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import ExcelJS from 'exceljs';
import { TABLES, type TableSpec } from '../../core/export/tables';
import { cellOf, fittedWidth, shownWidth } from '../../core/export/cells';
import { normalizeZip } from './zip';

export interface WorkbookInfo {
  /** Header overrides per table and column key (the KPI sheet names its periods). */
  headers: Record<string, Record<string, string>>;
  /** Rows of the 说明 sheet: label, value. */
  about: Array<[string, string]>;
  /** The workbook's created/modified date: fixed by the data, not the clock. */
  stamp: Date;
}

async function* jsonRows(file: string): AsyncGenerator<Record<string, unknown>> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line) as Record<string, unknown>;
}

async function widths(spec: TableSpec, file: string, headers: Record<string, string>): Promise<number[]> {
  const widest = spec.columns.map(() => 0);
  for await (const row of jsonRows(file)) {
    spec.columns.forEach((col, i) => {
      widest[i] = Math.max(widest[i]!, shownWidth(col, cellOf(col, row[col.key], row)));
    });
  }
  return spec.columns.map((col, i) => fittedWidth(col, headers[col.key] ?? col.zh, widest[i]!));
}

async function writeSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, spec: TableSpec, file: string, headers: Record<string, string>) {
  const ws = wb.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const w = await widths(spec, file, headers);
  ws.columns = spec.columns.map((col, i) => ({ header: headers[col.key] ?? col.zh, key: col.key, width: w[i] }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for await (const row of jsonRows(file)) {
    const r = ws.addRow([]);
    spec.columns.forEach((col, i) => {
      const cell = cellOf(col, row[col.key], row);
      const c = r.getCell(i + 1);
      c.value = cell.value;
      if (cell.numFmt) c.numFmt = cell.numFmt;
    });
    r.commit();
  }
  ws.commit();
}

/** Write `<root>/report.xlsx` from the machine files under `root`. */
export async function writeWorkbook(root: string, target: string, info: WorkbookInfo): Promise<void> {
  const raw = `${target}.raw`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: raw, useStyles: true, useSharedStrings: false });
  wb.creator = 'Complaint Desk';
  wb.created = info.stamp;
  wb.modified = info.stamp;
  for (const spec of TABLES) await writeSheet(wb, spec, path.join(root, spec.file), info.headers[spec.id] ?? {});
  const about = wb.addWorksheet('说明', { views: [{ state: 'frozen', ySplit: 1 }] });
  about.columns = [
    { header: '项目', key: 'k', width: 16 },
    { header: '内容', key: 'v', width: 48 },
  ];
  about.getRow(1).font = { bold: true };
  about.getRow(1).commit();
  for (const [k, v] of info.about) about.addRow([k, v]).commit();
  about.commit();
  await wb.commit();
  await normalizeZip(raw, target);
  fs.rmSync(raw, { force: true });
}
