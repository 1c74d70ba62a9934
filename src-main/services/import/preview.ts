/**
 * A look at a CRM file before importing it: what kind of file it is, which
 * column was taken for which field (and which required ones are missing), and
 * the first rows with what is wrong with each. Reads only the top of the file.
 */
import type { Locale } from '../../core/messages';
import type { MappedColumn } from '../../core/import/headers';
import { refusalMessage, rejectedCells } from '../../core/import/reasons';
import { savedMapping } from './header-mapping';
import { normalizeRow } from '../../core/import/row';
import type { ImportField, RejectedCell } from '../../core/import/types';
import type { ServiceContext } from '../context';
import { rowRefs } from './run';
import type { CsvEncoding, Delimiter } from './sniff';
import { openTable } from './table';

export interface PreviewRow {
  line: number;
  cells: string[];
  /** Empty when the row would import. */
  problems: RejectedCell[];
}

export interface ImportPreview {
  format: 'csv' | 'xlsx' | 'xls';
  encoding: CsvEncoding | null;
  delimiter: Delimiter | null;
  /** Workbooks (XLSX, XLS): every sheet, and the one shown. */
  sheets: string[];
  sheet: string | null;
  headerLine: number;
  columns: MappedColumn[];
  /** Required fields with no column: the import would be refused. */
  missing: ImportField[];
  rows: PreviewRow[];
}

export const PREVIEW_ROWS = 20;

export async function previewFile(
  ctx: ServiceContext,
  filePath: string,
  opts: { sheet?: string | undefined; locale?: Locale; limit?: number } = {},
): Promise<ImportPreview> {
  const locale = opts.locale ?? 'zh-CN';
  const limit = opts.limit ?? PREVIEW_ROWS;
  const table = await openTable(filePath, { sheet: opts.sheet, chosen: savedMapping(ctx) });
  try {
    const refs = table.header.missing.length === 0 ? rowRefs(ctx, table) : null;
    const rows: PreviewRow[] = [];
    if (limit > 0) {
      for await (const row of table.rows) {
        const result = refs ? normalizeRow(row, refs) : null;
        // Without a required column no row can be imported, and the preview must not call one importable.
        const problems = result
          ? result.ok
            ? []
            : rejectedCells(row.line, result.problems, table.header, locale)
          : [{ line: row.line, column: '', value: '', reason: refusalMessage({ what: 'missing_columns', fields: table.header.missing.join(',') }, locale) }];
        rows.push({ line: row.line, cells: row.cells, problems });
        if (rows.length >= limit) break;
      }
    }
    return {
      format: table.kind.format,
      encoding: table.kind.format === 'csv' ? table.kind.encoding : null,
      delimiter: table.kind.format === 'csv' ? table.kind.delimiter : null,
      sheets: table.sheets,
      sheet: table.sheet,
      headerLine: table.headerLine,
      columns: table.header.columns,
      missing: table.header.missing,
      rows,
    };
  } finally {
    await table.close();
  }
}
