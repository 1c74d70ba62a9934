/**
 * Writes tables to one file as rows arrive, without holding them: XLSX with
 * exceljs's streaming WorkbookWriter (one sheet per table, the header row
 * frozen and bold), or CSV in UTF-8 with a byte-order mark so Excel opens the
 * Chinese text correctly (several tables one after another, each under its
 * name, a blank line between). Either way memory stays flat however many rows:
 * the XLSX waits for its zip to take each sheet's XML (zip-entry.ts), the CSV
 * for its file stream to drain.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { cellWriter, csvField, type RawValue, type SheetKind } from '../../core/sheets/cells';
import { useBackPressure } from './zip-entry';

export type SheetFormat = 'xlsx' | 'csv';

export interface SheetColumnOut {
  header: string;
  kind: SheetKind;
  width: number;
}

export interface TableWriter {
  /** Start a table (a sheet in the XLSX, a block in the CSV). */
  begin(name: string, columns: readonly SheetColumnOut[]): Promise<void>;
  /** One row; `kinds` override the columns' kind cell by cell (a report's value column). */
  row(values: readonly RawValue[], kinds?: readonly SheetKind[]): Promise<void>;
  /** Finish the file; it is complete on disk when this resolves. */
  close(): Promise<void>;
}

/**
 * `titled`: the CSV names each table on a line of its own above its header (an export of several tables).
 * `into`: where the XLSX's bytes go instead of `file` (the tests give one that stalls).
 */
export function openTableWriter(file: string, format: SheetFormat, zone: string, titled: boolean, into?: Writable): TableWriter {
  return format === 'xlsx' ? xlsxWriter(file, zone, into) : csvWriter(file, zone, titled);
}

/** Rows written between turns of the event loop, so deflate (off the main thread) keeps pace while rows are made. */
const TURN_ROWS = 200;

/**
 * One style object per number format, shared by every cell and row using it: exceljs looks a
 * style up by identity before building its XML and hashing it, which each cell's own style
 * object (exceljs gives every cell a new one) would cost. A date and a number without a format
 * get different styles from exceljs, so they do not share one.
 */
const NO_STYLE: Partial<ExcelJS.Style> = {};
const NO_STYLE_DATE: Partial<ExcelJS.Style> = {};
const FORMATTED = new Map<string, Partial<ExcelJS.Style>>();
function styleOf(numFmt: string | undefined, isDate: boolean): Partial<ExcelJS.Style> {
  if (!numFmt) return isDate ? NO_STYLE_DATE : NO_STYLE;
  let style = FORMATTED.get(numFmt);
  if (!style) FORMATTED.set(numFmt, (style = { numFmt }));
  return style;
}

function xlsxWriter(file: string, zone: string, into?: Writable): TableWriter {
  const cells = cellWriter(zone);
  // No shared strings: they would be held in memory until the end.
  const out = into ?? fs.createWriteStream(file);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Complaint Desk';
  // Each sheet's XML waits for the zip to take it (zip-entry.ts): memory stays bounded, the file grows as rows come.
  const entries = useBackPressure(wb);
  // A failed write (a full disk) would leave the zip never draining: the waiting row fails with it instead.
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  let ws: ExcelJS.Worksheet | null = null;
  let kinds: SheetKind[] = [];
  let sinceTurn = 0;
  const endSheet = () => {
    ws?.commit();
    ws = null;
  };
  return {
    async begin(name, columns) {
      endSheet();
      ws = wb.addWorksheet(name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width }));
      ws.getRow(1).font = { bold: true };
      ws.getRow(1).commit();
      kinds = columns.map((c) => c.kind);
    },
    async row(values, override) {
      const r = ws!.addRow([]);
      // exceljs's typings leave out a row's own style, which it serialises like a cell's.
      (r as unknown as { style: Partial<ExcelJS.Style> }).style = NO_STYLE;
      values.forEach((v, i) => {
        const cell = cells.xlsx(override?.[i] ?? kinds[i]!, v);
        if (cell.value === null) return;
        const c = r.getCell(i + 1);
        c.value = cell.value;
        c.style = styleOf(cell.numFmt, cell.value instanceof Date);
      });
      r.commit();
      const entry = entries.latest();
      if (entry?.writableNeedDrain) {
        await Promise.race([once(entry, 'drain'), failed]);
        sinceTurn = 0;
      } else if (++sinceTurn >= TURN_ROWS) {
        sinceTurn = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    },
    async close() {
      endSheet();
      await wb.commit();
    },
  };
}

function csvWriter(file: string, zone: string, titled: boolean): TableWriter {
  const cells = cellWriter(zone);
  const out = fs.createWriteStream(file);
  let kinds: SheetKind[] = [];
  let tables = 0;
  let buffered: string[] = [];
  const flush = async () => {
    if (buffered.length === 0) return;
    const text = buffered.join('');
    buffered = [];
    if (!out.write(text)) await once(out, 'drain');
  };
  const line = (fields: string[]) => {
    buffered.push(`${fields.join(',')}\r\n`);
  };
  buffered.push('\uFEFF');
  return {
    async begin(name, columns) {
      if (tables++ > 0) buffered.push('\r\n');
      if (titled) line([csvField(name)]);
      line(columns.map((c) => csvField(c.header)));
      kinds = columns.map((c) => c.kind);
    },
    async row(values, override) {
      line(values.map((v, i) => cells.csv(override?.[i] ?? kinds[i]!, v)));
      if (buffered.length >= 500) await flush();
    },
    async close() {
      await flush();
      out.end();
      await once(out, 'finish');
    },
  };
}
