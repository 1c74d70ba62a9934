import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './open';
import { integrityProblems } from './open';
import { migrate, schemaVersion } from './migrate';
import { LATEST_VERSION } from './migrations';
import { DomainError } from '../core/errors';

/**
 * SQLite's online backup: consistent while the console keeps working, unlike a
 * file copy. It copies `pagesPerStep` pages at a time and lets the event loop
 * run between steps, so requests are answered while a large file is copied.
 */
export async function backupTo(db: Db, file: string, pagesPerStep?: number): Promise<string> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  await (pagesPerStep ? db.backup(file, { progress: () => pagesPerStep }) : db.backup(file));
  // The copy inherits WAL mode, and whoever opens it (its check, a restore) would leave -wal and -shm files
  // beside it that rotation never removes: a backup is one self-contained file.
  // Done through this connection (ATTACH), so the Electron build of SQLite is the one that does it.
  db.prepare('ATTACH DATABASE ? AS backup_copy').run(path.resolve(file));
  try {
    db.pragma('backup_copy.journal_mode = DELETE');
  } finally {
    db.prepare('DETACH DATABASE backup_copy').run();
  }
  return path.resolve(file);
}

/** Keep the newest `keep` files matching the daily pattern in `dir`; remove older ones. */
export function rotateBackups(dir: string, prefix: string, keep: number): string[] {
  if (!fs.existsSync(dir)) return [];
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.db'))
    .sort();
  const removed = files.slice(0, Math.max(0, files.length - keep));
  for (const f of removed) fs.rmSync(path.join(dir, f));
  return removed;
}

/**
 * Replace the database at `target` with the backup `source`. The backup is
 * checked first (integrity, schema not newer than this app) so a bad file can
 * never replace a good one; the copy is made into a temporary file and renamed
 * into place, so a crash half-way leaves the old database intact.
 */
export async function restoreFrom(source: string, target: string): Promise<void> {
  if (!fs.existsSync(source)) throw new DomainError('not_found', { what: 'backup', id: source });
  const src = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const problems = integrityProblems(src);
    if (problems.length) throw new DomainError('db_corrupt', { problem: problems.slice(0, 3).join('; ') });
    const v = schemaVersion(src);
    if (v > LATEST_VERSION) throw new DomainError('db_too_new', { found: v, known: LATEST_VERSION });
    const tmp = `${target}.restoring`;
    fs.rmSync(tmp, { force: true });
    await src.backup(tmp);
    const check = new Database(tmp);
    try {
      migrate(check);
      check.pragma('journal_mode = DELETE');
    } finally {
      check.close();
    }
    for (const suffix of ['-wal', '-shm']) fs.rmSync(target + suffix, { force: true });
    fs.renameSync(tmp, target);
  } finally {
    src.close();
  }
}
