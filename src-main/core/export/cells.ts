/**
 * How a bundle value appears in the workbook: the cell's value and number
 * format, and how wide its column must be. Instants become Excel dates showing
 * the branch's wall-clock (Excel has no zones: the ISO value's local part is
 * written as if it were UTC, which exceljs turns into that serial number).
 */
import type { Column } from './tables';

export type CellValue = string | number | boolean | Date | null;
export interface Cell {
  value: CellValue;
  numFmt?: string;
}

export const FORMATS = {
  instant: 'yyyy-mm-dd hh:mm',
  money: '"¥"#,##0.00;-"¥"#,##0.00',
  rate: '0.0%',
  count: '#,##0',
  per10k: '0.00',
  hours: '0.0 "小时"',
};

function wallClockDate(iso: string): Date {
  // 2026-10-03T09:12:00+08:00 → a Date whose UTC reading is 2026-10-03 09:12:00
  return new Date(`${iso.slice(0, 19)}Z`);
}

function kpiCell(value: unknown, unit: string): Cell {
  if (typeof value !== 'number') return { value: null };
  switch (unit) {
    case 'rate':
      return { value, numFmt: FORMATS.rate };
    case 'duration_ms':
      return { value: value / 3_600_000, numFmt: FORMATS.hours };
    case 'per10k':
      return { value, numFmt: FORMATS.per10k };
    default:
      return { value, numFmt: FORMATS.count };
  }
}

/** The workbook cell of one value; `row` gives context (a KPI's unit). */
export function cellOf(col: Column, value: unknown, row: Record<string, unknown>): Cell {
  if (col.kind === 'kpi_value') return kpiCell(value, String(row.unit));
  if (value === null || value === undefined) return { value: null };
  switch (col.kind) {
    case 'instant':
      return { value: wallClockDate(String(value)), numFmt: FORMATS.instant };
    case 'fen':
      return { value: Number(value) / 100, numFmt: FORMATS.money };
    case 'rate':
      return { value: Number(value), numFmt: FORMATS.rate };
    case 'count':
      return { value: Number(value) };
    case 'bool':
      return { value: value === true ? '是' : '否' };
    case 'code':
      return { value: col.labels?.[String(value)]?.zh ?? String(value) };
    default:
      // Always a string cell: text that looks like a formula (=, +, -, @) stays text, never runs.
      return { value: String(value) };
  }
}

/** Wide (two-column) code points: CJK, Hangul, full-width forms. */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6)
  );
}

/** Display width in Excel's character units: a CJK character takes two. Stops counting once past `limit`. */
export function displayWidth(text: string, limit = Infinity): number {
  let w = 0;
  for (let i = 0; i < text.length && w <= limit; i++) {
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    w += isWide(cp) ? 2 : 1;
  }
  return w;
}

/** How wide a value's cell shows, as text. */
export function shownWidth(col: Column, cell: Cell): number {
  if (cell.value === null) return 0;
  if (cell.value instanceof Date) return 16;
  if (typeof cell.value === 'number') return col.kind === 'fen' ? 14 : 10;
  return displayWidth(String(cell.value));
}

/** The widest a column is allowed to be: measuring past it changes nothing. */
export const widthCap = (col: Column) => col.maxWidth ?? 40;

/**
 * shownWidth(col, cellOf(col, value, row)) without making the cell: the
 * workbook measures every value of the month before writing its first row,
 * and most columns (dates, money, counts, codes) have a width known from the
 * kind alone. Text is counted only up to the column's cap.
 */
export function valueWidth(col: Column, value: unknown, row: Record<string, unknown>): number {
  switch (col.kind) {
    case 'kpi_value':
      return typeof value === 'number' ? 10 : 0;
    case 'text':
      return value === null || value === undefined ? 0 : displayWidth(String(value), widthCap(col));
    default:
      if (value === null || value === undefined) return 0;
      if (col.kind === 'instant') return 16;
      if (col.kind === 'fen') return 14;
      if (col.kind === 'rate' || col.kind === 'count') return 10;
      return shownWidth(col, cellOf(col, value, row));
  }
}

export function fittedWidth(col: Column, header: string, widest: number): number {
  return Math.min(widthCap(col), Math.max(displayWidth(header), widest) + 2);
}
