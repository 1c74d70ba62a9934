import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../core/errors';
import { migrate } from './migrate';

export type Db = Database.Database;

export interface OpenOptions {
  /** Skip migration (restore checks a file before adopting it). */
  migrate?: boolean;
  /** better-sqlite3's nativeBinding: the Electron build lives apart from the Node one. */
  nativeBinding?: string;
  /**
   * 'full' (PRAGMA integrity_check) when the console starts; 'skip' for short
   * CLI commands on a large file, where `check` does it on demand.
   */
  integrity?: 'full' | 'skip';
}

/**
 * Open (creating if needed) a Complaint Desk database: WAL with full sync, so a
 * crash or a killed process loses no committed change and leaves no half-written
 * one; foreign keys on; integrity checked before anything is read or written.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  } catch (e) {
    throw asCorruption(e) ?? e;
  }
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const problems = opts.integrity === 'skip' ? [] : integrityProblems(db);
    if (problems.length > 0) throw new DomainError('db_corrupt', { problem: problems.slice(0, 3).join('; ') });
    if (opts.migrate !== false) migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw asCorruption(e) ?? e;
  }
}

/** SQLite reports a damaged file as an error from whatever touched it first; say so plainly. */
function asCorruption(e: unknown): DomainError | null {
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code)) {
    return new DomainError('db_corrupt', { problem: (e as Error).message });
  }
  return null;
}

/** `PRAGMA integrity_check`: an empty list means the file is sound. */
export function integrityProblems(db: Db): string[] {
  const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
  return rows.map((r) => r.integrity_check).filter((s) => s !== 'ok');
}
