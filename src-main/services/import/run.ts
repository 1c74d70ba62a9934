/**
 * Import a CRM export (docs/REQUIREMENTS.md §6). Phase one streams the file: each row is
 * validated (core/import/row.ts), good rows are staged, bad ones are reported
 * with line, column, value and reason and written to the rejects file. Phase
 * two applies the staged rows in one transaction (apply.ts). A file that
 * cannot be read at all is refused (DomainError 'import_refused') before
 * anything is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../core/errors';
import type { Locale } from '../../core/messages';
import type { UserInfo } from '../../core/model';
import { CategoryMatcher } from '../../core/import/category-match';
import { fieldsSetBy } from '../../core/import/diff';
import { AssigneeMatcher } from '../../core/import/people';
import { rejectedCells } from '../../core/import/reasons';
import { CLOCK_SKEW_MS, normalizeRow, type RowRefs } from '../../core/import/row';
import { LocalTimeParser } from '../../core/import/times';
import { DEFAULT_MAX_IMPORT_MB, MAX_LISTED_PROBLEMS } from '../../core/import/limits';
import type { ImportField, ImportReport, Problem, SourceRow } from '../../core/import/types';
import type { ServiceContext } from '../context';
import { branchSettings } from '../settings';
import { applyStaged } from './apply';
import { RejectsWriter } from './rejects-file';
import { Staging, type StagedRow } from '../../db/import-staging';
import { openTable, type Table } from './table';
import { ListMatcher } from '../../core/lists/rules';
import { ListStore } from '../../db/lists';
import { HeldValues } from '../list-reviews';
import { savedMapping } from './header-mapping';

export interface ImportOptions {
  dryRun?: boolean;
  /** Workbooks (XLSX, XLS): the sheet to read (name or 1-based position); default the first. */
  sheet?: string | undefined;
  locale?: Locale;
  /** Where to write the rejected rows as CSV; none when absent. */
  rejectsPath?: string | null;
  /** The name to record on events (default: the file's base name). */
  sourceName?: string;
  /** Refuse a larger file (default: the setting `import.maxFileMB`, else DEFAULT_MAX_IMPORT_MB). */
  maxBytes?: number;
  /** Problems kept in `rejected` (default MAX_LISTED_PROBLEMS); the rest are counted. */
  listLimit?: number;
}

export interface ImportOutcome extends ImportReport {
  /** Rows refused (a row with two bad cells is one row, two entries in `rejected`). */
  rejectedRows: number;
  /** Problems found, listed or not. */
  rejectedTotal: number;
  /** The rejects file, when asked for and some row was refused. */
  rejectsFile: string | null;
  /** The tickets were written but the rejects file could not be finished: why (the outcome above stands). */
  rejectsError?: string;
  /** Cities and districts the lists do not know: the rows were imported with the field empty, the value waits for review. */
  held: Array<{ kind: 'city' | 'district' | 'department'; raw: string; rows: number }>;
  /** Columns read through a user's remembered mapping (header → field), for the dry run to show. */
  mapped: Array<{ header: string; field: ImportField }>;
}

/** The size limit for files read from disk: the setting `import.maxFileMB`, else the default. */
export function importSizeLimit(ctx: ServiceContext): number {
  const mb = ctx.settings.get<number>('import.maxFileMB');
  return (typeof mb === 'number' && mb > 0 ? mb : DEFAULT_MAX_IMPORT_MB) * 1024 * 1024;
}

function refuseTooLarge(filePath: string, maxBytes: number): void {
  let size: number;
  try {
    size = fs.statSync(filePath).size;
  } catch {
    return; // openTable says what is wrong with a file that is not there
  }
  if (size > maxBytes) throw new DomainError('import_refused', { what: 'too_large', max: Math.floor(maxBytes / (1024 * 1024)) });
}

const BATCH = 1000;

/** The lookups every row needs, read once per import. */
export function rowRefs(ctx: ServiceContext, table: Table): RowRefs {
  const lists = new ListStore(ctx.db);
  const place = (kind: 'city' | 'district') => new ListMatcher(lists.values(kind), lists.mapped(kind));
  return {
    places: { city: place('city'), district: place('district') },
    header: table.header,
    times: new LocalTimeParser(branchSettings(ctx).zone),
    categories: new CategoryMatcher(ctx.categories.list()),
    assignees: new AssigneeMatcher(ctx.read.users.list()),
    latest: ctx.now() + CLOCK_SKEW_MS,
    strictWidth: table.kind.format === 'csv',
  };
}

export function refuseMissingColumns(table: Table): void {
  if (table.header.missing.length > 0) {
    throw new DomainError('import_refused', { what: 'missing_columns', fields: table.header.missing.join(',') });
  }
}

export async function importFile(
  ctx: ServiceContext,
  actor: UserInfo | null,
  filePath: string,
  opts: ImportOptions = {},
): Promise<ImportOutcome> {
  const locale = opts.locale ?? 'zh-CN';
  refuseTooLarge(filePath, opts.maxBytes ?? importSizeLimit(ctx));
  const listLimit = opts.listLimit ?? MAX_LISTED_PROBLEMS;
  const table = await openTable(filePath, { sheet: opts.sheet, chosen: savedMapping(ctx) });
  let staging: Staging | null = null;
  let committed = false;
  const rejects = opts.rejectsPath ? new RejectsWriter(opts.rejectsPath, table.headerCells, locale) : null;
  try {
    refuseMissingColumns(table);
    const refs = rowRefs(ctx, table);
    staging = Staging.open(ctx.db);
    const report: ImportOutcome = { inserted: 0, updated: 0, unchanged: 0, rejected: [], rejectedRows: 0, rejectedTotal: 0, rejectsFile: null, held: [],
      mapped: table.header.columns.filter((c) => c.chosen && c.field).map((c) => ({ header: c.header, field: c.field! })) };
    const held = new HeldValues();

    let batch: Array<{ row: SourceRow; staged: StagedRow | null; problems: Problem[] }> = [];
    const flush = async () => {
      const good = batch.filter((b) => b.staged !== null);
      const earlier = staging!.addBatch(good.map((b) => b.staged!));
      good.forEach((b, i) => {
        const line = earlier[i];
        if (line === null || line === undefined) return;
        b.problems.push({ field: 'ticketNo', value: b.row.cells[table.header.index.ticketNo!] ?? '', code: 'duplicate_in_file', params: { line } });
      });
      for (const b of batch) {
        if (b.problems.length === 0) continue;
        const cells = rejectedCells(b.row.line, b.problems, table.header, locale);
        // Memory stays bounded: the first problems are listed, the rest counted (all go to the file).
        const room = listLimit - report.rejected.length;
        if (room > 0) report.rejected.push(...cells.slice(0, room));
        report.rejectedTotal += cells.length;
        report.rejectedRows++;
        await rejects?.add(b.row, cells);
      }
      batch = [];
    };
    for await (const row of table.rows) {
      const result = normalizeRow(row, refs);
      if (result.ok) {
        const staged = result.ticket as StagedRow;
        staged.line = row.line;
        batch.push({ row, staged, problems: [] });
      } else {
        batch.push({ row, staged: null, problems: result.problems });
      }
      if (batch.length >= BATCH) await flush();
    }
    await flush();

    const counts = applyStaged(ctx, staging, {
      actorId: actor?.id ?? null,
      fields: fieldsSetBy(table.header),
      dryRun: opts.dryRun === true,
      source: opts.sourceName ?? path.basename(filePath),
      held,
    });
    Object.assign(report, counts);
    report.held = held.summary();
    // New or changed tickets may make a surge: the volume-warning monitor checks again.
    if (opts.dryRun !== true && report.inserted + report.updated > 0) ctx.bus.emit('tickets-imported', { count: report.inserted + report.updated });
    if (report.rejectedTotal > report.rejected.length) report.rejectedOmitted = report.rejectedTotal - report.rejected.length;
    committed = true;
    // From here the tickets are written: whatever goes wrong with the rejects file, the outcome is reported.
    try {
      report.rejectsFile = rejects ? await rejects.close() : null;
    } catch (e) {
      rejects?.discard();
      report.rejectsError = e instanceof Error ? e.message : String(e);
    }
    return report;
  } catch (e) {
    if (!committed) rejects?.discard();
    throw e;
  } finally {
    staging?.close();
    await table.close();
  }
}
