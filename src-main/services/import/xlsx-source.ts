/**
 * The rows of one sheet of an XLSX workbook, streamed with exceljs's
 * WorkbookReader (the zip is read entry by entry, rows are handed over as they
 * are parsed). Cells become the text a person sees: dates as the wall-clock
 * time Excel shows (Excel has no time zones), numbers without Excel's
 * scientific display, formulas as their results. The line of a row is its
 * row number in the sheet.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { DomainError } from '../../core/errors';
import type { SourceRow } from '../../core/import/types';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Excel stores a time as a fraction of a day; round the float noise (09:29:59.9997) to the second. */
function wallClock(d: Date): string {
  const t = new Date(Math.round(d.getTime() / 1000) * 1000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
}

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : wallClock(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as Array<{ text?: string }>).map((r) => r.text ?? '').join('');
    if ('result' in o) return cellText(o.result);
    if ('formula' in o || 'sharedFormula' in o) return '';
    if (typeof o.text === 'string') return o.text;
    if (typeof o.error === 'string') return o.error;
  }
  return String(v);
}

export interface SheetChoice {
  /** A sheet name, or its 1-based position; absent: the first sheet. */
  sheet?: string | undefined;
  /** Filled in as the workbook is read: every sheet's name, and the one read. */
  found?: { sheets: string[]; sheet: string | null };
}

interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  name?: string;
  id?: number | string;
}

export async function* readXlsx(filePath: string, choice: SheetChoice = {}): AsyncGenerator<SourceRow> {
  const stream = fs.createReadStream(filePath);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache',
    // Styles tell which numbers are dates.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const model = () => (reader as unknown as { model?: { sheets?: Array<{ name: string; id: number }> } }).model;
  let position = 0;
  let read = false;
  try {
    for await (const ws of reader as unknown as AsyncIterable<SheetReader>) {
      position++;
      const names = (model()?.sheets ?? []).map((s) => s.name);
      if (choice.found) choice.found.sheets = names;
      const name = ws.name ?? `Sheet${position}`;
      const wanted = choice.sheet;
      const first = model()?.sheets?.[0]?.name;
      const isChosen =
        wanted === undefined
          ? first === undefined ? position === 1 : name === first
          : name === wanted || (!names.includes(wanted) && /^\d+$/.test(wanted) && Number(wanted) === position);
      if (!isChosen || read) {
        // Read and drop a sheet we skip: exceljs may be spooling it to a temporary file, and
        // closing the stream under it leaves that work to fail later, outside any await.
        for await (const skipped of ws) void skipped;
        continue;
      }
      read = true;
      if (choice.found) choice.found.sheet = name;
      for await (const row of ws) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        if (cells.every((c) => c.trim() === '')) continue;
        yield { line: row.number, cells };
      }
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new DomainError('import_refused', { what: 'bad_xlsx', detail: e instanceof Error ? e.message : String(e) });
  } finally {
    stream.destroy();
  }
  if (!read) throw new DomainError('import_refused', { what: choice.sheet === undefined ? 'empty' : 'no_sheet', sheet: choice.sheet ?? '' });
}
