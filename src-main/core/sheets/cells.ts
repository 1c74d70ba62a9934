/**
 * What one exported cell holds, in either file: an XLSX cell (value and
 * number format) or a CSV field. Instants are shown at the branch's
 * wall-clock (Excel has no zones), money in yuan, rates as percentages.
 *
 * Text a spreadsheet would run as a formula — starting with = + - @, a tab
 * or a carriage return — never does: in the XLSX it is a string cell (never
 * a formula), and in the CSV, where every field is untyped, it is written
 * with a leading apostrophe so Excel reads it as text.
 */
import { FORMATS } from '../export/cells';
import { isoFormatter } from '../export/iso';

export type SheetKind = 'text' | 'instant' | 'money' | 'count' | 'rate' | 'hours';

/** The raw value a column reads from a row: text, a number (ms for instants, fen for money), or nothing. */
export type RawValue = string | number | null | undefined;

export interface XlsxCell {
  value: string | number | Date | null;
  numFmt?: string;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** True when a spreadsheet would read this text as a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** A CSV field: quoted when it holds a comma, quote or line break; formula-looking text prefixed with '. */
export function csvField(text: string): string {
  const safe = looksLikeFormula(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export interface CellWriter {
  xlsx(kind: SheetKind, v: RawValue): XlsxCell;
  csv(kind: SheetKind, v: RawValue): string;
}

const HOUR = 3_600_000;

/** Cells for one export, in the branch's zone (the zone lookup is cached per quarter hour). */
export function cellWriter(zone: string): CellWriter {
  const iso = isoFormatter(zone);
  return {
    xlsx(kind, v) {
      if (v === null || v === undefined || v === '') return { value: null };
      switch (kind) {
        case 'instant':
          return { value: new Date(`${iso(Number(v)).slice(0, 19)}Z`), numFmt: FORMATS.instant };
        case 'money':
          return { value: Number(v) / 100, numFmt: FORMATS.money };
        case 'count':
          return { value: Number(v) };
        case 'rate':
          return { value: Number(v), numFmt: FORMATS.rate };
        case 'hours':
          return { value: Number(v) / HOUR, numFmt: FORMATS.hours };
        default:
          // Always a string cell: exceljs writes a formula only from { formula }, never from text.
          return { value: String(v) };
      }
    },
    csv(kind, v) {
      if (v === null || v === undefined || v === '') return '';
      switch (kind) {
        case 'instant':
          return iso(Number(v)).slice(0, 16).replace('T', ' ');
        case 'money':
          return (Number(v) / 100).toFixed(2);
        case 'count':
          return String(v);
        case 'rate':
          return `${(Number(v) * 100).toFixed(1)}%`;
        case 'hours':
          return (Number(v) / HOUR).toFixed(1);
        default:
          return csvField(String(v));
      }
    },
  };
}
