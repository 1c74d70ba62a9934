/**
 * Cells of every file the console writes (the rejects CSV, exports): one
 * place decides how a text cell is made safe for a spreadsheet. A cell that
 * starts with = + - @, a tab or a carriage return is one Excel, LibreOffice or
 * WPS may run as a formula (`+1+cmd|' /C calc'!A0`, `-2+3`, `@SUM(…)`), so it
 * gets a leading apostrophe: the program shows the text as it was and drops
 * the apostrophe again when the file is saved. No exception for numbers: a
 * cell we write is text, and "-2+3" must never become 1.
 *
 * No imports, so any layer (and the renderer, if it ever writes a file) can use it.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text as a spreadsheet must show it, never run it. */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One CSV cell (RFC 4180 quoting), neutralised. */
export function csvCell(value: string): string {
  const v = neutralizeFormula(value);
  return /[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** One CSV line with its CRLF, every cell neutralised. */
export const csvLine = (cells: readonly string[]): string => cells.map(csvCell).join(',') + '\r\n';
