/**
 * Headquarters' schema migrations (`npm run hq -- migrate`): each pending
 * migration of `migrations/` in its own transaction (PostgreSQL's DDL is
 * transactional, so a failed one leaves nothing behind), under an advisory
 * lock so two servers starting together do not race. A database newer than
 * this code is refused untouched.
 */
import { HQ_MIGRATIONS, type HqMigration } from './migrations/index';
import type { HqPool } from './pool';

const MIGRATION_LOCK = 7_140_014;

export class HqSchemaError extends Error {
  constructor(
    readonly code: 'schema_too_new' | 'schema_not_current',
    message: string,
  ) {
    super(message);
  }
}

export const LATEST_HQ_VERSION = HQ_MIGRATIONS[HQ_MIGRATIONS.length - 1]!.version;

export interface MigrateResult {
  from: number;
  to: number;
  applied: { version: number; name: string }[];
}

export async function migrateHq(pool: HqPool, migrations: readonly HqMigration[] = HQ_MIGRATIONS): Promise<MigrateResult> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS hq_schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
      const done = new Set((await client.query<{ version: number }>('SELECT version FROM hq_schema_migrations')).rows.map((r) => r.version));
      const from = Math.max(0, ...done);
      const latest = Math.max(0, ...migrations.map((m) => m.version));
      if (from > latest) throw new HqSchemaError('schema_too_new', `the database is at schema version ${from}, newer than this program's ${latest}: upgrade the program`);
      const applied: MigrateResult['applied'] = [];
      for (const m of migrations) {
        if (done.has(m.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO hq_schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK');
          throw new Error(`migration ${String(m.version).padStart(4, '0')}_${m.name} failed: ${(e as Error).message}`);
        }
        applied.push({ version: m.version, name: m.name });
      }
      return { from, to: Math.max(from, ...applied.map((a) => a.version)), applied };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** The schema version the database is at (0: never migrated). */
export async function hqSchemaVersion(pool: HqPool): Promise<number> {
  const exists = await pool.query<{ t: string | null }>(`SELECT to_regclass('hq_schema_migrations')::text AS t`);
  if (!exists.rows[0]?.t) return 0;
  const r = await pool.query<{ v: number | null }>('SELECT max(version) AS v FROM hq_schema_migrations');
  return r.rows[0]?.v ?? 0;
}

/** Serving refuses a database that is not exactly at this program's schema. */
export async function requireCurrentHqSchema(pool: HqPool): Promise<void> {
  const v = await hqSchemaVersion(pool);
  if (v > LATEST_HQ_VERSION) throw new HqSchemaError('schema_too_new', `the database is at schema version ${v}, newer than this program's ${LATEST_HQ_VERSION}`);
  if (v < LATEST_HQ_VERSION) throw new HqSchemaError('schema_not_current', `the database is at schema version ${v}; run "npm run hq -- migrate" first (this program needs ${LATEST_HQ_VERSION})`);
}
