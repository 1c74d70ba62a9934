/**
 * Writes tables to one file as rows arrive, without holding them: XLSX with
 * exceljs's streaming WorkbookWriter (one sheet per table, the header row
 * frozen and bold), or CSV in UTF-8 with a byte-order mark so Excel opens the
 * Chinese text correctly (several tables one after another, each under its
 * name, a blank line between). Either way memory stays flat however many rows.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { cellWriter, csvField, type RawValue, type SheetKind } from '../../core/sheets/cells';

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

/** `titled`: the CSV names each table on a line of its own above its header (an export of several tables). */
export function openTableWriter(file: string, format: SheetFormat, zone: string, titled: boolean): TableWriter {
  return format === 'xlsx' ? xlsxWriter(file, zone) : csvWriter(file, zone, titled);
}

function xlsxWriter(file: string, zone: string): TableWriter {
  const cells = cellWriter(zone);
  // No shared strings: they would be held in memory until the end.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  wb.creator = 'Complaint Desk';
  let ws: ExcelJS.Worksheet | null = null;
  let kinds: SheetKind[] = [];
  let rows = 0;
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
      values.forEach((v, i) => {
        const cell = cells.xlsx(override?.[i] ?? kinds[i]!, v);
        if (cell.value === null) return;
        const c = r.getCell(i + 1);
        c.value = cell.value;
        if (cell.numFmt) c.numFmt = cell.numFmt;
      });
      r.commit();
      // Let the file stream drain now and then: committed rows are written, not queued.
      if (++rows % 2000 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
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
