/**
 * The workbook for people, written from the machine files just made (so the
 * two never disagree), streamed with exceljs's WorkbookWriter: each file is
 * read twice, once to fit the column widths (exceljs writes them before the
 * first row) and once to write the rows, with one shared style object per
 * number format and no shared-strings table. Then the XLSX is re-zipped with
 * a fixed timestamp so an unchanged month gives the same bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import ExcelJS from 'exceljs';
import { TABLES, type TableSpec } from '../../core/export/tables';
import { cellOf, fittedWidth, valueWidth, widthCap } from '../../core/export/cells';
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
  const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }), crlfDelay: Infinity });
  for await (const line of lines) if (line) yield JSON.parse(line) as Record<string, unknown>;
}

/** Rows read so far over both passes of every sheet, reported every this many. */
const REPORT_EVERY = 500;

export interface RowCounter {
  /** One more row read (widths or writing). */
  tick(): void;
}

async function widths(spec: TableSpec, file: string, headers: Record<string, string>, counter: RowCounter): Promise<number[]> {
  const widest = spec.columns.map(() => 0);
  const caps = spec.columns.map(widthCap);
  for await (const row of jsonRows(file)) {
    for (let i = 0; i < spec.columns.length; i++) {
      if (widest[i]! >= caps[i]!) continue;
      const col = spec.columns[i]!;
      widest[i] = Math.max(widest[i]!, valueWidth(col, row[col.key], row));
    }
    counter.tick();
  }
  return spec.columns.map((col, i) => fittedWidth(col, headers[col.key] ?? col.zh, widest[i]!));
}

/**
 * One style object per number format, shared by every cell that uses it:
 * exceljs looks a style object up by identity before serialising it, so a
 * shared object costs a map lookup per cell instead of building its XML.
 */
class SharedStyles {
  private readonly byFormat = new Map<string, Partial<ExcelJS.Style>>();
  private readonly plain: Partial<ExcelJS.Style> = {};

  of(numFmt: string | undefined): Partial<ExcelJS.Style> {
    if (!numFmt) return this.plain;
    let style = this.byFormat.get(numFmt);
    if (!style) this.byFormat.set(numFmt, (style = { numFmt }));
    return style;
  }
}

async function writeSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  spec: TableSpec,
  file: string,
  headers: Record<string, string>,
  styles: SharedStyles,
  counter: RowCounter,
) {
  const ws = wb.addWorksheet(spec.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  const w = await widths(spec, file, headers, counter);
  ws.columns = spec.columns.map((col, i) => ({ header: headers[col.key] ?? col.zh, key: col.key, width: w[i] }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  const n = spec.columns.length;
  const values: ExcelJS.CellValue[] = new Array<ExcelJS.CellValue>(n);
  const formats: Array<string | undefined> = new Array<string | undefined>(n);
  for await (const row of jsonRows(file)) {
    for (let i = 0; i < n; i++) {
      const col = spec.columns[i]!;
      const cell = cellOf(col, row[col.key], row);
      values[i] = cell.value;
      formats[i] = cell.numFmt;
    }
    const r = ws.addRow(values);
    for (let i = 0; i < n; i++) r.getCell(i + 1).style = styles.of(formats[i]);
    r.commit();
    counter.tick();
  }
  ws.commit();
}

/** Write `<root>/report.xlsx` from the machine files under `root`. */
export async function writeWorkbook(
  root: string,
  target: string,
  info: WorkbookInfo,
  onRows: (read: number) => void = () => {},
): Promise<void> {
  const raw = `${target}.raw`;
  // Stored, not deflated: normalizeZip deflates each part once when it re-zips with the fixed timestamp.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: raw, useStyles: true, useSharedStrings: false, zip: { store: true } });
  wb.creator = 'Complaint Desk';
  wb.created = info.stamp;
  wb.modified = info.stamp;
  let read = 0;
  const counter: RowCounter = {
    tick() {
      if (++read % REPORT_EVERY === 0) onRows(read);
    },
  };
  const styles = new SharedStyles();
  for (const spec of TABLES) await writeSheet(wb, spec, path.join(root, spec.file), info.headers[spec.id] ?? {}, styles, counter);
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
