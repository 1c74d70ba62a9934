/**
 * The console's import, over an uploaded file: preview it, run it (or dry-run
 * it), and keep the rejects file for download. The API's handlers call these.
 */
import path from 'node:path';
import type { Locale } from '../../core/messages';
import type { UserInfo } from '../../core/model';
import type { ImportCounts, RejectedCell } from '../../core/import/types';
import type { ServiceContext } from '../context';
import { importFiles } from './files';
import { previewFile, type ImportPreview } from './preview';
import { importFile, type ImportOutcome } from './run';

export interface ImportRunResult extends ImportCounts {
  dryRun: boolean;
  rejectedRows: number;
  /** The first problems, for the screen; the rejects file has them all. */
  rejected: RejectedCell[];
  rejectedTotal: number;
  /** Download the rejects file with 'import/rejects'; null when no row was refused. */
  rejectsToken: string | null;
  rejectsFileName: string | null;
  /** Cities and districts not on the lists: imported with the field empty, waiting in 设置 → 基础列表 for review. */
  held: ImportOutcome['held'];
  mapped: ImportOutcome['mapped'];
}

/** How many problems one answer carries; a large file's full list is in the rejects file. */
export const SHOWN_PROBLEMS = 500;

export function previewUpload(
  ctx: ServiceContext,
  actor: UserInfo,
  uploadId: string,
  opts: { sheet?: string | undefined; locale: Locale },
): Promise<ImportPreview & { fileName: string }> {
  const upload = importFiles(ctx).upload(actor.id, uploadId);
  return previewFile(ctx, upload.path, opts).then((p) => ({ ...p, fileName: upload.fileName }));
}

export function rejectsFileName(fileName: string, locale: Locale): string {
  const base = path.basename(fileName, path.extname(fileName)) || 'import';
  return `${base}-${locale === 'en' ? 'rejects' : '错误行'}.csv`;
}

export async function runUpload(
  ctx: ServiceContext,
  actor: UserInfo,
  uploadId: string,
  opts: { dryRun: boolean; sheet?: string | undefined; locale: Locale },
): Promise<ImportRunResult> {
  const files = importFiles(ctx);
  const upload = files.upload(actor.id, uploadId);
  const name = rejectsFileName(upload.fileName, opts.locale);
  const rejects = files.newRejects(actor.id, name);
  try {
    const r = await importFile(ctx, actor, upload.path, {
      dryRun: opts.dryRun,
      sheet: opts.sheet,
      locale: opts.locale,
      rejectsPath: rejects.path,
      sourceName: upload.fileName,
    });
    if (!r.rejectsFile) files.dropRejects(rejects.token);
    return {
      dryRun: opts.dryRun,
      inserted: r.inserted,
      updated: r.updated,
      unchanged: r.unchanged,
      rejectedRows: r.rejectedRows,
      rejected: r.rejected.slice(0, SHOWN_PROBLEMS),
      rejectedTotal: r.rejectedTotal,
      rejectsToken: r.rejectsFile ? rejects.token : null,
      rejectsFileName: r.rejectsFile ? name : null,
      held: r.held,
      mapped: r.mapped,
    };
  } catch (e) {
    files.dropRejects(rejects.token);
    throw e;
  }
}
