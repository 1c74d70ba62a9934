/**
 * The connection to headquarters' PostgreSQL: `HQ_DATABASE_URL` (a libpq
 * connection string, postgresql://user:pass@host:5432/db), or libpq's own
 * PG* variables when it is not set.
 */
import pg from 'pg';

export type HqPool = pg.Pool;
export type HqClient = pg.PoolClient;

export const DATABASE_URL_VARIABLE = 'HQ_DATABASE_URL';

export function openHqPool(connectionString?: string, max = 20): HqPool {
  const url = connectionString ?? process.env[DATABASE_URL_VARIABLE];
  const pool = new pg.Pool({ ...(url ? { connectionString: url } : {}), max, application_name: 'complaint-desk-hq' });
  // An idle client losing its server (restart, network) must not take the process down; the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

/** Run `work` in one transaction on one connection: committed if it returns, rolled back if it throws. */
export async function inHqTransaction<T>(pool: HqPool, work: (c: HqClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const out = await work(client);
    await client.query('COMMIT');
    return out;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
