/**
 * Daily automatic backups: one online backup per local day, the newest `keep`
 * (*default* 14) kept. Called once the console has answered and then hourly by
 * whichever host is running; a day that already has its backup is left alone.
 *
 * SQLite's online backup copies a few pages per step and yields between steps,
 * so requests keep being answered while it runs. Each copy then gets the full
 * `integrity_check` on a worker thread. A copy that fails it is renamed
 * `damaged-<day>.db` (kept for inspection, never counted as a daily backup nor
 * offered for restore), and the failure is recorded and logged (integrity.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { backupTo, rotateBackups } from '../db/backup';
import { checkFileInBackground } from '../db/background-check';
import { localDayKey } from '../core/time';
import type { ServiceContext } from './context';
import { branchSettings } from './settings';
import { recordBackup, toRecord, type BackupRecord } from './integrity';

export const DEFAULT_BACKUPS_KEPT = 14;
const PREFIX = 'daily-';
const DAMAGED_PREFIX = 'damaged-';
/** Pages per step of the online backup: ~1 MB at 4 KB pages, a few ms of work between two requests. */
const PAGES_PER_STEP = 256;

export interface BackupOptions {
  keep?: number;
  nativeBinding?: string | undefined;
  log?: (line: string) => void;
}

export async function ensureDailyBackup(
  ctx: ServiceContext,
  dir: string,
  opts: BackupOptions = {},
): Promise<{ path: string; created: boolean; record?: BackupRecord }> {
  const log = opts.log ?? (() => {});
  const day = localDayKey(ctx.now(), branchSettings(ctx).zone);
  const file = path.join(dir, `${PREFIX}${day}.db`);
  const damaged = path.join(dir, `${DAMAGED_PREFIX}${day}.db`);
  // A day whose copy failed its check is not copied again every hour: the log and the banner already say so.
  if (fs.existsSync(file) || fs.existsSync(damaged)) return { path: file, created: false };
  // Copied under a temporary name and renamed when whole: a console closed half-way through leaves no
  // partial file that would pass for today's backup.
  const partial = `${file}.partial`;
  fs.rmSync(partial, { force: true });
  await backupTo(ctx.db, partial, PAGES_PER_STEP);
  fs.renameSync(partial, file);
  const at = ctx.now();
  recordBackup(ctx, { path: file, at }, log);
  rotateBackups(dir, PREFIX, opts.keep ?? DEFAULT_BACKUPS_KEPT);

  const check = toRecord(file, await checkFileInBackground(file, 'full', opts.nativeBinding), ctx.now());
  let record: BackupRecord = { path: file, at, check };
  if (!check.ok) {
    fs.renameSync(file, damaged);
    record = { path: damaged, at, check: { ...check, file: damaged } };
    log(`BACKUP DAMAGED: the full check of today's copy found: ${check.problems.join('; ')} — it was kept as ${damaged}; the database itself may be damaged`);
  } else {
    log(`daily backup written to ${file} and checked in ${check.ms} ms`);
  }
  recordBackup(ctx, record, log);
  return { path: record.path, created: true, record };
}

