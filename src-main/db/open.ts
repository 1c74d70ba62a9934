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
   * 'full' (PRAGMA integrity_check, the default: `init`, tests, small files);
   * 'skip' where the file may be large and its check runs elsewhere — the
   * console checks on a worker thread after it has answered (services/integrity.ts),
   * short CLI commands leave it to `check`. Either way a file SQLite cannot
   * read (not a database, a damaged header or schema) is refused at open.
   */
  integrity?: 'full' | 'skip';
}

/**
 * Open (creating if needed) a Complaint Desk database: WAL with full sync, so a
 * crash or a killed process loses no committed change and leaves no half-written
 * one; foreign keys on; the schema read and migrated, which refuses a file SQLite
 * cannot read; the full integrity check unless the caller runs it elsewhere.
 */
/** How each open connection was made, so a read-only peer can be opened the same way. */
const bindings = new WeakMap<Db, string | undefined>();

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
    // Reading the schema costs microseconds whatever the size, and refuses a damaged header or schema here.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    const problems = opts.integrity === 'skip' ? [] : integrityProblems(db);
    if (problems.length > 0) throw new DomainError('db_corrupt', { problem: problems.slice(0, 3).join('; ') });
    if (opts.migrate !== false) migrate(db);
    bindings.set(db, opts.nativeBinding);
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

/**
 * A second, read-only connection to the same file (same native build), for a
 * long read that must not hold the console's own connection: WAL lets it read
 * one snapshot inside its transaction while the console keeps writing. Null for
 * an in-memory database, which has no file to share.
 */
export function openReadOnlyPeer(db: Db): Db | null {
  if (db.memory || !db.name || db.name === ':memory:') return null;
  const nativeBinding = bindings.get(db);
  const peer = new Database(db.name, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  peer.pragma('busy_timeout = 5000');
  return peer;
}
