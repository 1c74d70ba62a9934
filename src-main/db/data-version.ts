/**
 * A mark that moves with any write to the database: this connection's
 * total_changes() and `PRAGMA data_version` (a commit by another connection,
 * e.g. the CLI). What is kept between calls is kept under it.
 */
import type { Db } from './open';

export function dataVersion(db: Db): () => string {
  const changes = db.prepare('SELECT total_changes()').pluck();
  return () => `${String(changes.get())}:${String(db.pragma('data_version', { simple: true }))}`;
}
