/**
 * Headquarters' ingest on PostgreSQL: a province's branch bundles of one
 * month uploaded by 16 concurrent senders to the receiver (`npm run hq --
 * serve`, its own process, as deployed) on a throwaway cluster with
 * PostgreSQL's default durability (fsync on).
 *
 * Figures: bundles/s and rows/s of the whole upload; the ratio of that ingest
 * to a bare COPY of the same rows into tables of the same shape measured in
 * the same run (the floor: what PostgreSQL alone needs for those rows); the
 * province reports' time on the filed month.
 *
 *   npx tsx tests/bench/hq-ingest.bench.ts [--quick] [--branches N] [--senders N]
 *
 * 2,000 branches by default (the province), 40 of the three smaller sizes with --quick. The bundles are
 * made by the console's seed and export (lib/hq-bundles.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { startCluster, type PgCluster } from '../hq/support/pg-cluster';
import { openHqPool, type HqPool } from '../../src-main/hq/db/pool';
import { migrateHq } from '../../src-main/hq/db/migrate';
import { registerBranch } from '../../src-main/hq/services/branches';
import { provinceReportJson, writeProvinceWorkbook } from '../../src-main/hq/services/reports';
import { PROVINCE_REPORTS } from '../../src-main/core/hq/reports';
import { TABLES } from '../../src-main/core/export/tables';
import { copyRow, rowPrefix } from '../../src-main/core/hq/copy-row';
import { benchOptions, figure, loadLine, timeMedian } from './lib/figures';
import { BRANCH_SIZES, QUICK_BRANCH_SIZES, MONTH, makeBranchBundle, makeTemplates, templateFor, type BranchBundle, type Template } from './lib/hq-bundles';

const opts = benchOptions({ branches: { type: 'string' }, senders: { type: 'string' } });
const BRANCHES = Number(opts.branches ?? (opts.quick ? 40 : 2000));
const SENDERS = Number(opts.senders ?? 16);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-bench-'));
let cluster: PgCluster | null = null;
let receiver = null as ChildProcess | null;
let pool: HqPool | null = null;

const secs = (ms: number) => (ms / 1000).toFixed(1);

function startReceiver(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bin/hq.mjs'), 'serve', '--port', '0', '--spool', path.join(work, 'spool')], {
      env: { ...process.env, HQ_DATABASE_URL: url },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    receiver = child;
    let err = '';
    child.stderr!.on('data', (c: Buffer) => {
      err += c.toString();
      const m = /receiving bundles at (\S+)/.exec(err);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`receiver exited ${code}: ${err}`)));
  });
}

async function upload(url: string, bundles: readonly BranchBundle[]): Promise<Record<number, number>> {
  let next = 0;
  const statuses: Record<number, number> = {};
  const sender = async () => {
    while (next < bundles.length) {
      const b = bundles[next++]!;
      const res = await fetch(url, { method: 'POST', headers: b.headers, body: fs.readFileSync(b.file) });
      await res.text();
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: SENDERS }, sender));
  return statuses;
}

/** The same rows as CSV files, one per table, for the bare COPY. */
async function bareCsv(p: HqPool, templates: readonly Template[], bundles: readonly BranchBundle[]): Promise<Map<string, string>> {
  const cols = await p.query<{ table_name: string; columns: string[] }>(
    `SELECT table_name, array_agg(column_name::text ORDER BY ordinal_position) AS columns FROM information_schema.columns
      WHERE table_name IN ('hq_kpis','hq_tickets','hq_refunds','hq_breaches','hq_warnings') GROUP BY table_name`,
  );
  const files = new Map<string, string>();
  for (const t of TABLES) {
    const table = `hq_${t.id}`;
    const columns = cols.rows.find((r) => r.table_name === table)!.columns.slice(3);
    const suffixes = templates.map((tpl) =>
      (tpl.entries.get(t.file)?.toString('utf8') ?? '')
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => copyRow(l, columns, '')),
    );
    const file = path.join(work, `${table}.csv`);
    const out = fs.createWriteStream(file);
    for (const [i, b] of bundles.entries()) {
      const prefix = rowPrefix(1_000_000 + i, b.branchId, `${MONTH}-01`);
      const chunk = suffixes[b.template]!.map((s) => prefix + s).join('');
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise<void>((r) => out.end(() => r()));
    files.set(table, file);
  }
  return files;
}

async function bareCopy(p: HqPool, files: Map<string, string>): Promise<number> {
  const c = await p.connect();
  try {
    for (const table of files.keys()) {
      await c.query(`CREATE TABLE bare_${table} (LIKE ${table}) PARTITION BY RANGE (period)`);
      await c.query(`CREATE TABLE bare_${table}_oct PARTITION OF bare_${table} FOR VALUES FROM ('${MONTH}-01') TO ('2026-11-01')`);
      await c.query(`CREATE INDEX ON bare_${table} (filing_id)`);
    }
    const t0 = performance.now();
    await c.query('BEGIN');
    for (const [table, file] of files) {
      const cols = (await c.query<{ c: string }>(`SELECT column_name AS c FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position`, [table])).rows.map((r) => `"${r.c}"`);
      await pipeline(fs.createReadStream(file), c.query(copyFrom(`COPY bare_${table} (${cols.join(', ')}) FROM STDIN (FORMAT csv)`)));
    }
    await c.query('COMMIT');
    return performance.now() - t0;
  } finally {
    c.release();
  }
}

try {
  console.log(`${loadLine()} (start); ${BRANCHES.toLocaleString('en-US')} branches, ${SENDERS} senders`);
  let t0 = performance.now();
  const sizes = opts.quick ? QUICK_BRANCH_SIZES : BRANCH_SIZES;
  const templates = await makeTemplates(work, sizes);
  const bundles: BranchBundle[] = [];
  for (let i = 0; i < BRANCHES; i++) {
    const k = templateFor(i, BRANCHES, sizes);
    bundles.push(await makeBranchBundle(work, i, templates[k]!, k));
  }
  const totalRows = bundles.reduce((s, b) => s + b.rows, 0);
  const totalBytes = bundles.reduce((s, b) => s + b.bytes, 0);
  const tickets = bundles.reduce((s, b) => s + templates[b.template]!.tickets, 0);
  console.log(
    `bundles made in ${secs(performance.now() - t0)} s: sizes ${sizes.map((s, k) => `${s.tickets} tickets ×${bundles.filter((b) => b.template === k).length}`).join(', ')}; ` +
      `${tickets.toLocaleString('en-US')} tickets, ${totalRows.toLocaleString('en-US')} rows in all machine files, ${(totalBytes / 2 ** 20).toFixed(1)} MiB of zips`,
  );

  cluster = startCluster({ settings: { shared_buffers: '256MB', max_wal_size: '4GB', max_connections: 60 } });
  pool = openHqPool(cluster.url(), 4);
  await migrateHq(pool);
  for (const b of bundles) await registerBranch(pool, { branchId: b.branchId, name: b.name, city: '广州', publicKey: b.publicKeyPem, token: b.token }, new Date());
  const url = await startReceiver(cluster.url());
  console.log(`PostgreSQL ${(await pool.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version} (fsync on, shared_buffers 256MB); receiver ${url}; ${loadLine()}`);

  t0 = performance.now();
  const statuses = await upload(url, bundles);
  const ingestMs = performance.now() - t0;
  const filed = (await pool.query<{ n: number; rows: number }>(`SELECT count(*)::int AS n, sum((SELECT sum(v::int) FROM jsonb_each_text(row_counts) AS x(k, v)))::int AS rows FROM hq_filings`)).rows[0]!;
  if (filed.n !== BRANCHES || filed.rows !== totalRows || statuses[201] !== BRANCHES) {
    throw new Error(`filed ${filed.n} bundles with ${filed.rows} rows (answers ${JSON.stringify(statuses)}), expected ${BRANCHES} with ${totalRows}`);
  }

  const files = await bareCsv(pool, templates, bundles);
  const bareMs = await bareCopy(pool, files);
  const bare = { name: 'bare COPY of the same rows', value: totalRows / (bareMs / 1000) };

  figure('hq.ingest.bundles_per_s', BRANCHES / (ingestMs / 1000), 'bundles/s', { note: `${BRANCHES} bundles in ${secs(ingestMs)} s, ${SENDERS} senders, all 201` });
  figure('hq.ingest.rows_per_s', totalRows / (ingestMs / 1000), 'rows/s', { baseline: bare, note: `bare COPY ${secs(bareMs)} s on one connection` });
  figure('hq.ingest.time_vs_bare_copy', ingestMs / bareMs, '×', { note: `ingest ${secs(ingestMs)} s ÷ bare COPY ${secs(bareMs)} s of ${totalRows.toLocaleString('en-US')} rows` });

  await pool.query('ANALYZE');
  for (const r of PROVINCE_REPORTS) {
    const ms = await timeMedian(3, () => provinceReportJson(pool!, r.name, MONTH), 1);
    figure(`hq.report.${r.name}`, ms, 'ms', { note: `${BRANCHES} branches, ${tickets.toLocaleString('en-US')} tickets` });
  }
  const wbMs = await timeMedian(3, () => writeProvinceWorkbook(pool!, MONTH, path.join(work, 'province.xlsx'), new Date()), 1);
  figure('hq.report.workbook', wbMs, 'ms', { note: 'every report of the month as the xlsx, npm run hq -- report' });
  const size = (await pool.query<{ s: string }>(`SELECT pg_size_pretty(pg_database_size(current_database())) AS s`)).rows[0]!.s;
  console.log(`database size ${size}; ${loadLine()} (end)`);
} finally {
  const child = receiver;
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  await pool?.end();
  cluster?.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
