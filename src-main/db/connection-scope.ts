/**
 * What a long operation sets on the connection for its duration and puts
 * back after, whatever happens: a larger page cache for a bulk write, one
 * read snapshot held across awaits.
 */
import type { Db } from './open';

/**
 * Runs `fn` with the main database's page cache at `kib` KiB, then restores
 * the size it had. A bulk write touches every index of the tickets table at
 * random places: with SQLite's default 2 MB cache it spends its time evicting
 * and re-reading pages; a bounded larger cache keeps the working set in memory.
 */
export function withPageCache<T>(db: Db, kib: number, fn: () => T): T {
  const before = db.pragma('main.cache_size', { simple: true }) as number;
  // Negative: SQLite's unit for kibibytes (a positive number counts pages).
  db.pragma(`main.cache_size = ${-Math.abs(Math.trunc(kib))}`);
  try {
    return fn();
  } finally {
    db.pragma(`main.cache_size = ${before}`);
  }
}

/**
 * Begins one read snapshot that lasts across awaits (better-sqlite3's
 * `transaction` is synchronous) and returns the function that ends it. Inside
 * a caller's transaction the rows are of that moment already: nothing begins.
 */
export function beginReadSnapshot(db: Db): () => void {
  if (db.inTransaction) return () => {};
  db.exec('BEGIN');
  return () => {
    db.exec('COMMIT');
  };
}
