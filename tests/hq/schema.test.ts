/**
 * Headquarters' schema: `npm run hq -- migrate` on an empty database, again
 * (nothing to do), the tables partitioned by month with the bundle's columns,
 * and branch registration by command with its refusals.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempPg, type TempPg } from './support/temp-pg';
import { hq } from './support/cli';
import { TABLES } from '../../src-main/core/export/tables';
import { requireCurrentHqSchema } from '../../src-main/hq/db/migrate';
import { openHqPool } from '../../src-main/hq/db/pool';

let db: TempPg;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-schema-'));
const keyFile = path.join(dir, 'branch.pem');
const { publicKey } = crypto.generateKeyPairSync('ed25519');
fs.writeFileSync(keyFile, publicKey.export({ type: 'spki', format: 'pem' }));
const fingerprint = crypto.createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex');

beforeAll(async () => {
  db = await tempPg({ migrate: false });
});
afterAll(async () => {
  await db.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm run hq -- migrate', () => {
  it('refuses to serve an unmigrated database, migrates it, then has nothing left to do', async () => {
    await expect(requireCurrentHqSchema(db.pool)).rejects.toThrow(/run "npm run hq -- migrate"/);
    const first = await hq(db.url, 'migrate', '--json');
    expect(first.code).toBe(0);
    expect(first.json()).toEqual({
      from: 0,
      to: 3,
      applied: [
        { version: 1, name: 'filings' },
        { version: 2, name: 'province_reports' },
        { version: 3, name: 'report_counts' },
      ],
    });
    const again = await hq(db.url, 'migrate');
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('schema already at version 3\n');
    await requireCurrentHqSchema(db.pool);
  });

  it('makes one table per machine file, with exactly the bundle format columns after filing, branch and period', async () => {
    const expected: Record<string, string[]> = Object.fromEntries(
      TABLES.map((t) => [`hq_${t.id}`, ['filing_id', 'branch_id', 'period', ...t.columns.map((c) => c.key)]]),
    );
    for (const [table, columns] of Object.entries(expected)) {
      const r = await db.pool.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`,
        [table],
      );
      expect(r.rows.map((x) => x.column_name), table).toEqual(columns);
    }
  });

  it('partitions every data table by month, made on demand and only once', async () => {
    await db.pool.query(`SELECT hq_ensure_month('2026-10-01')`);
    await Promise.all([db.pool.query(`SELECT hq_ensure_month('2026-11-01')`), db.pool.query(`SELECT hq_ensure_month('2026-11-01')`)]);
    const r = await db.pool.query<{ child: string; bound: string }>(
      `SELECT c.relname AS child, pg_get_expr(c.relpartbound, c.oid) AS bound
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
        WHERE p.relname = 'hq_tickets' ORDER BY 1`,
    );
    expect(r.rows).toEqual([
      { child: 'hq_tickets_2026_10', bound: "FOR VALUES FROM ('2026-10-01') TO ('2026-11-01')" },
      { child: 'hq_tickets_2026_11', bound: "FOR VALUES FROM ('2026-11-01') TO ('2026-12-01')" },
    ]);
    await expect(db.pool.query(`SELECT hq_ensure_month('2026-11-02')`)).rejects.toThrow(/not the first day of a month/);
  });

  it('needs a database: without HQ_DATABASE_URL or --database it says how to give one', async () => {
    const { runHqCli } = await import('../../src-main/hq/cli/main');
    let err = '';
    const code = await runHqCli(['migrate'], { stdout: () => undefined, stderr: (s) => (err += s), env: {}, now: Date.now });
    expect(code).toBe(2);
    expect(err).toMatch(/set HQ_DATABASE_URL/);
  });

  it('refuses a newer schema than it knows', async () => {
    const pool = openHqPool(db.url);
    try {
      await pool.query(`INSERT INTO hq_schema_migrations (version, name) VALUES (999, 'future')`);
      const r = await hq(db.url, 'migrate', '--json');
      expect(r.code).toBe(1);
      expect(r.json()).toMatchObject({ error: { code: 'schema_too_new' } });
    } finally {
      await pool.query(`DELETE FROM hq_schema_migrations WHERE version = 999`);
      await pool.end();
    }
  });
});

describe('npm run hq -- branch add / list', () => {
  it('registers a branch with its public key and prints the token once; headquarters keeps only its hash', async () => {
    const r = await hq(db.url, 'branch', 'add', '--id', 'FS-CC', '--name', '佛山禅城分公司', '--city', '佛山', '--key', keyFile, '--token', 'token-of-fs-cc-0001', '--json');
    expect(r.code).toBe(0);
    expect(r.json()).toEqual({ branchId: 'FS-CC', name: '佛山禅城分公司', fingerprint, token: 'token-of-fs-cc-0001', created: true });
    const stored = await db.pool.query(`SELECT token_sha256, key_fingerprint, city FROM hq_branches`);
    expect(stored.rows).toEqual([
      { token_sha256: crypto.createHash('sha256').update('token-of-fs-cc-0001').digest('hex'), key_fingerprint: fingerprint, city: '佛山' },
    ]);
    const list = await hq(db.url, 'branch', 'list', '--json');
    expect(list.json()).toEqual([{ branchId: 'FS-CC', name: '佛山禅城分公司', city: '佛山', fingerprint, registeredAt: '2026-11-02T02:00:00.000Z' }]);
  });

  it('makes a token when none is given, and re-registering replaces key and token', async () => {
    const r = await hq(db.url, 'branch', 'add', '--id', 'FS-CC', '--name', '佛山禅城分公司', '--key', keyFile, '--json');
    const out = r.json() as { token: string; created: boolean };
    expect(out.created).toBe(false);
    expect(out.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it.each([
    [['--id', 'FS CC', '--name', 'x', '--key', keyFile], 'branch_id_invalid'],
    [['--id', 'FS-NH', '--name', ' ', '--key', keyFile], 'branch_name_invalid'],
    [['--id', 'FS-NH', '--name', '南海', '--key', keyFile, '--token', 'short'], 'token_invalid'],
  ])('refuses %j with %s and stores nothing', async (args, code) => {
    const r = await hq(db.url, 'branch', 'add', ...args, '--json');
    expect(r.code).toBe(1);
    expect(r.json()).toMatchObject({ error: { code } });
    expect((await db.pool.query(`SELECT count(*)::int AS n FROM hq_branches WHERE branch_id <> 'FS-CC'`)).rows[0].n).toBe(0);
  });

  it('refuses a key that is not an Ed25519 public key', async () => {
    const rsa = path.join(dir, 'rsa.pem');
    fs.writeFileSync(rsa, crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }));
    const r = await hq(db.url, 'branch', 'add', '--id', 'FS-NH', '--name', '南海', '--key', rsa, '--json');
    expect(r.json()).toMatchObject({ error: { code: 'public_key_invalid' } });
    const missing = await hq(db.url, 'branch', 'add', '--id', 'FS-NH', '--name', '南海', '--key', path.join(dir, 'nope.pem'));
    expect(missing.code).toBe(2);
  });
});
