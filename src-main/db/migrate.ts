import type Database from 'better-sqlite3';
import { DomainError } from '../core/errors';
import { MIGRATIONS, LATEST_VERSION, type Migration } from './migrations';

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Bring the database to the latest schema: all pending migrations in one
 * transaction, so a failure leaves it exactly as it was. A database written by
 * a newer app is refused untouched rather than guessed at.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = schemaVersion(db);
  const latest = migrations.length === MIGRATIONS.length ? LATEST_VERSION : migrations.length;
  if (current > latest) throw new DomainError('db_too_new', { found: current, known: latest });
  const pending = migrations.filter((m) => m.version > current);
  if (pending.length === 0) return current;
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      m.up?.(db);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return schemaVersion(db);
}
