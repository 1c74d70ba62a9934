/**
 * The rows of one sheet of an XLSX workbook, whatever program wrote it
 * (Excel, LibreOffice, exceljs, SheetJS, openpyxl/pandas…): the package is
 * opened by its relationships (xlsx-package.ts) and the chosen sheet streamed
 * row by row (xlsx-sheet.ts). Cells become the text a person sees
 * (sheet-values.ts). Anything the package format does not allow is refused
 * whole as an unreadable XLSX, saying what was wrong.
 */
import { DomainError } from '../../core/errors';
import type { SourceRow } from '../../core/import/types';
import { OtherWorkbook, openXlsxPackage, type XlsxPackage } from './xlsx-package';
import { readSheetRows } from './xlsx-sheet';

export interface SheetChoice {
  /** A sheet name, or its 1-based position; absent: the first sheet. */
  sheet?: string | undefined;
  /** Filled in as the workbook is read: every sheet's name, and the one read. */
  found?: { sheets: string[]; sheet: string | null };
}

/**
 * The sheet asked for: by name first, then (digits that name no sheet) by
 * position, else the first sheet. -1 when there is no such sheet.
 */
export function chooseSheet(names: readonly string[], wanted: string | undefined): number {
  if (wanted === undefined) return names.length > 0 ? 0 : -1;
  const byName = names.indexOf(wanted);
  if (byName >= 0) return byName;
  if (/^\d+$/.test(wanted) && Number(wanted) >= 1 && Number(wanted) <= names.length) return Number(wanted) - 1;
  return -1;
}

export function noSheet(choice: SheetChoice): DomainError {
  return new DomainError('import_refused', { what: choice.sheet === undefined ? 'empty' : 'no_sheet', sheet: choice.sheet ?? '' });
}

const unreadable = (e: unknown) =>
  e instanceof OtherWorkbook
    ? new DomainError('import_refused', { what: 'other_workbook', kind: e.kind })
    : new DomainError('import_refused', { what: 'bad_xlsx', detail: e instanceof Error ? e.message : String(e) });

export async function* readXlsx(filePath: string, choice: SheetChoice = {}): AsyncGenerator<SourceRow> {
  let pkg: XlsxPackage;
  try {
    pkg = await openXlsxPackage(filePath);
  } catch (e) {
    throw unreadable(e);
  }
  try {
    const names = pkg.sheets.map((s) => s.name);
    if (choice.found) choice.found.sheets = names;
    const index = chooseSheet(names, choice.sheet);
    if (index < 0) throw noSheet(choice);
    const sheet = pkg.sheets[index]!;
    if (choice.found) choice.found.sheet = sheet.name;
    // A sheet the workbook lists but the package lacks reads as a sheet with no rows.
    if (sheet.part === null) return;
    try {
      yield* readSheetRows(pkg, sheet.part);
    } catch (e) {
      throw e instanceof DomainError ? e : unreadable(e);
    }
  } finally {
    pkg.close();
  }
}
