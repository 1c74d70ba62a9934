/**
 * A database of its own for each test file, in the run's throwaway cluster:
 * created empty, migrated unless asked not to, dropped at the end.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openHqPool, type HqPool } from '../../../src-main/hq/db/pool';
import { migrateHq } from '../../../src-main/hq/db/migrate';

export interface TempPg {
  url: string;
  pool: HqPool;
  drop(): Promise<void>;
}

export function clusterUrl(database: string): string {
  const c = inject('hqCluster');
  return `postgresql://${c.user}@localhost/${database}?host=${encodeURIComponent(c.host)}&port=${c.port}`;
}

async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: clusterUrl('postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function tempPg(opts: { migrate?: boolean } = {}): Promise<TempPg> {
  const name = `hq_test_${crypto.randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = clusterUrl(name);
  const pool = openHqPool(url);
  if (opts.migrate !== false) await migrateHq(pool);
  return {
    url,
    pool,
    async drop() {
      await pool.end();
      await admin((c) => c.query(`DROP DATABASE ${name} WITH (FORCE)`));
    },
  };
}
