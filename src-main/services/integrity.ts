/**
 * What is known about the soundness of the database and its backups, kept in
 * settings so the settings page shows it after a restart too.
 *
 * - The live file gets `quick_check` on a worker thread once the console has
 *   answered (seconds on a large file, never on the start path).
 * - Each daily backup copy gets the full `integrity_check` on a worker thread
 *   (services/backups.ts). The copy is page for page what the live file held,
 *   so a full check of the copy is a full check of the data at that moment,
 *   without holding the console's connection.
 * A failure is written to the host's log and shown to everyone in a banner
 * (system/health) with the newest backup that passed and how to restore it.
 */
import fs from 'node:fs';
import { checkFileInBackground, type CheckKind, type FileCheck } from '../db/background-check';
import type { ServiceContext } from './context';

export interface CheckRecord {
  kind: CheckKind;
  file: string;
  at: number;
  ok: boolean;
  /** The first few problems SQLite reported. */
  problems: string[];
  ms: number;
}

export interface BackupRecord {
  path: string;
  at: number;
  /** The full check of this copy; absent while it runs (or for copies made before checks existed). */
  check?: CheckRecord;
}

export interface Health {
  /** The database file the console has open. */
  file: string;
  database: CheckRecord | null;
  backup: BackupRecord | null;
  backupDir: string;
  /** The newest backup copy that passed its full check and is still on disk: what to restore. */
  restoreFrom: string | null;
  /** What is wrong, if anything: the live file, or the last backup copy. */
  problem: 'database' | 'backup' | null;
}

const DATABASE_KEY = 'integrity.database';
const BACKUP_KEY = 'backup.last';
const GOOD_BACKUP_KEY = 'backup.lastGood';
const MAX_PROBLEMS = 5;

export function toRecord(file: string, check: FileCheck, at: number): CheckRecord {
  return { kind: check.kind, file, at, ok: check.problems.length === 0, problems: check.problems.slice(0, MAX_PROBLEMS), ms: check.ms };
}

/** Settings are written on a best-effort basis: on a damaged file the write itself may fail, and the log still has it. */
function remember(ctx: ServiceContext, key: string, value: unknown, log: (line: string) => void): void {
  try {
    ctx.settings.set(key, value, ctx.now(), null);
  } catch (e) {
    log(`could not record ${key}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** `quick_check` of the live database on a worker thread; records and logs the outcome. */
export async function checkDatabase(
  ctx: ServiceContext,
  file: string,
  backupDir: string,
  opts: { kind?: CheckKind; nativeBinding?: string | undefined; log?: (line: string) => void } = {},
): Promise<CheckRecord> {
  const log = opts.log ?? (() => {});
  const record = toRecord(file, await checkFileInBackground(file, opts.kind ?? 'quick', opts.nativeBinding), ctx.now());
  remember(ctx, DATABASE_KEY, record, log);
  if (record.ok) log(`database ${record.kind} check passed in ${record.ms} ms`);
  else log(`DATABASE DAMAGED: ${record.kind} check of ${file} found: ${record.problems.join('; ')} — ${restoreAdvice(ctx, file, backupDir)}`);
  return record;
}

/** Record a backup copy and, once known, its check; a copy that passed becomes what to restore from. */
export function recordBackup(ctx: ServiceContext, backup: BackupRecord, log: (line: string) => void = () => {}): void {
  remember(ctx, BACKUP_KEY, backup, log);
  if (backup.check?.ok) remember(ctx, GOOD_BACKUP_KEY, backup.path, log);
}

export function lastBackup(ctx: ServiceContext): BackupRecord | null {
  return ctx.settings.get<BackupRecord>(BACKUP_KEY) ?? null;
}

export function health(ctx: ServiceContext, backupDir: string): Health {
  const database = ctx.settings.get<CheckRecord>(DATABASE_KEY) ?? null;
  const backup = lastBackup(ctx);
  const good = ctx.settings.get<string>(GOOD_BACKUP_KEY) ?? null;
  const problem = database && !database.ok ? 'database' : backup?.check && !backup.check.ok ? 'backup' : null;
  return { file: ctx.db.name, database, backup, backupDir, restoreFrom: good && fs.existsSync(good) ? good : null, problem };
}

/** One sentence for the log: which file to restore and how. */
function restoreAdvice(ctx: ServiceContext, file: string, dir: string): string {
  let good: string | null = null;
  try {
    good = health(ctx, dir).restoreFrom;
  } catch {
    // The damaged file may not even answer this; the folder is advice enough.
  }
  return good
    ? `close the console and run: complaint-desk restore "${good}" --db "${file}"`
    : `close the console and restore the newest backup in ${dir} with: complaint-desk restore FILE --db "${file}"`;
}
