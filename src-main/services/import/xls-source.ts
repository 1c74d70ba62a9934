/**
 * The rows of one sheet of a legacy Excel 97–2003 workbook (.xls, BIFF8 in
 * an OLE2 container), read with SheetJS (the maintained build published as
 * `@e965/xlsx`). BIFF cannot be streamed — its records point back and forth —
 * so the file is parsed whole; an .xls holds at most 65,536 rows a sheet.
 * Only the chosen sheet is parsed, in SheetJS's dense mode. Cells become text
 * exactly as the XLSX reader makes it (sheet-values.ts): a date cell is a
 * number with a date format, shown as the wall-clock time Excel shows. The
 * line of a row is its row number in the sheet, as Excel numbers it.
 */
import fs from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
// Code pages: BIFF5 and older files store text in the workbook's code page (GBK on Chinese Windows).
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import { DomainError } from '../../core/errors';
import type { SourceRow } from '../../core/import/types';
import { isDateFormat, numberText, serialToWallClock } from './sheet-values';
import { chooseSheet, noSheet, type SheetChoice } from './xlsx-source';

XLSX.set_cptable(cptable);

const unreadable = (e: unknown) =>
  new DomainError('import_refused', { what: 'bad_xls', detail: e instanceof Error ? e.message : String(e) });

/**
 * OLE2 holds more than .xls: a password-protected workbook of any Excel
 * version (its real package encrypted inside), and Word or PowerPoint files.
 * Say which, before SheetJS answers with its own wording.
 */
function refuseOtherContainers(bytes: Buffer): void {
  const container = XLSX.CFB.read(bytes, { type: 'buffer' });
  if (XLSX.CFB.find(container, 'EncryptedPackage') || XLSX.CFB.find(container, 'EncryptionInfo')) {
    throw new DomainError('import_refused', { what: 'other_workbook', kind: 'encrypted' });
  }
  if (!XLSX.CFB.find(container, 'Workbook') && !XLSX.CFB.find(container, 'Book')) throw new DomainError('import_refused', { what: 'binary' });
}

function cellText(cell: XLSX.CellObject | undefined, date1904: boolean): string {
  if (!cell) return '';
  switch (cell.t) {
    case 's':
      return String(cell.v ?? '');
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'e':
      return cell.w ?? '';
    case 'n': {
      const n = Number(cell.v);
      const format = typeof cell.z === 'string' ? cell.z : undefined;
      return format !== undefined && isDateFormat(-1, format) ? serialToWallClock(n, date1904) : numberText(n);
    }
    default:
      // 'z' (blank with a style), or 'd' which the options below never produce.
      return cell.v === undefined || cell.v === null ? '' : String(cell.v);
  }
}

interface ParsedSheet {
  data: Array<Array<XLSX.CellObject | undefined> | undefined>;
  date1904: boolean;
}

function parseSheet(bytes: Buffer, choice: SheetChoice): ParsedSheet {
  refuseOtherContainers(bytes);
  const names = XLSX.read(bytes, { type: 'buffer', bookSheets: true }).SheetNames;
  if (choice.found) choice.found.sheets = names;
  const index = chooseSheet(names, choice.sheet);
  if (index < 0) throw noSheet(choice);
  if (choice.found) choice.found.sheet = names[index]!;

  const book = XLSX.read(bytes, { type: 'buffer', sheets: index, dense: true, cellNF: true, cellDates: false, cellHTML: false, cellFormula: false });
  const sheet = book.Sheets[names[index]!] as XLSX.DenseWorkSheet | undefined;
  return { data: sheet?.['!data'] ?? [], date1904: Boolean(book.Workbook?.WBProps?.date1904) };
}

export async function* readXls(filePath: string, choice: SheetChoice = {}): AsyncGenerator<SourceRow> {
  let parsed: ParsedSheet;
  try {
    parsed = parseSheet(await fs.readFile(filePath), choice);
  } catch (e) {
    if (e instanceof Error && /password-protected/i.test(e.message)) throw new DomainError('import_refused', { what: 'other_workbook', kind: 'encrypted' });
    throw e instanceof DomainError ? e : unreadable(e);
  }
  const { data, date1904 } = parsed;
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    // Handed over row by row, and let go of: the sheet's cells shrink as the import goes.
    data[r] = undefined;
    const cells: string[] = [];
    for (let c = 0; c < row.length; c++) cells.push(cellText(row[c], date1904));
    if (cells.some((x) => x.trim() !== '')) yield { line: r + 1, cells };
  }
}
