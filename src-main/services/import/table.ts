/**
 * A CRM file opened as a table: its kind, its header row (the first of the
 * top rows that names the required columns; title rows above it are skipped)
 * and the data rows after it, still streaming. Works the same for CSV, XLSX and XLS.
 */
import { DomainError } from '../../core/errors';
import { HEADER_SEARCH_ROWS, looksLikeHeader, mapHeaders, type HeaderMap } from '../../core/import/headers';
import type { ImportField } from '../../core/import/types';
import type { SourceRow } from '../../core/import/types';
import { readCsv } from './csv-source';
import { sniffFile, type FileKind } from './sniff';
import { readXlsx, type SheetChoice } from './xlsx-source';

export interface Table {
  kind: FileKind;
  /** Workbooks (XLSX, XLS) only: every sheet's name and the one read. */
  sheets: string[];
  sheet: string | null;
  headerLine: number;
  headerCells: string[];
  header: HeaderMap;
  /** The data rows after the header; read once. */
  rows: AsyncIterable<SourceRow>;
  /** Stop reading early (preview) and release the file. */
  close(): Promise<void>;
}

export async function openTable(
  filePath: string,
  opts: { sheet?: string | undefined; chosen?: ((headerCells: readonly string[]) => Record<string, ImportField>) | undefined } = {},
): Promise<Table> {
  const kind = await sniffFile(filePath);
  const choice: SheetChoice = { sheet: opts.sheet, found: { sheets: [], sheet: null } };
  // SheetJS (for the rare .xls) takes a second to load: only when such a file comes, never at start-up.
  const source =
    kind.format === 'xlsx'
      ? readXlsx(filePath, choice)
      : kind.format === 'xls'
        ? (await import('./xls-source')).readXls(filePath, choice)
        : readCsv(filePath, kind);

  let first: SourceRow | null = null;
  let headerRow: SourceRow | null = null;
  try {
    for (let seen = 0; seen < HEADER_SEARCH_ROWS; seen++) {
      const next = await source.next();
      if (next.done) break;
      first ??= next.value;
      if (looksLikeHeader(next.value.cells)) {
        headerRow = next.value;
        break;
      }
    }
  } catch (e) {
    await source.return(undefined);
    throw e;
  }
  if (!first) {
    await source.return(undefined);
    throw new DomainError('import_refused', { what: 'empty' });
  }
  // No row looks like a header: take the first, so the refusal can say which columns are missing.
  const header = headerRow ?? first;
  if (!headerRow) await source.return(undefined);

  const rows: AsyncIterable<SourceRow> = {
    [Symbol.asyncIterator]: () => ({
      next: () => (headerRow ? source.next() : Promise.resolve({ done: true as const, value: undefined })),
      return: async () => {
        await source.return(undefined);
        return { done: true as const, value: undefined };
      },
    }),
  };
  return {
    kind,
    sheets: choice.found!.sheets,
    sheet: choice.found!.sheet,
    headerLine: header.line,
    headerCells: header.cells.map((c) => c.trim()),
    header: mapHeaders(header.cells, opts.chosen?.(header.cells.map((c) => c.trim())) ?? {}),
    rows,
    close: async () => {
      await source.return(undefined);
    },
  };
}
