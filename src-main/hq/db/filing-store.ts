/**
 * Filing a verified bundle: one transaction that claims its idempotency key,
 * COPYs its machine files into the month's partitions, and makes it the
 * branch-month's current filing if its revision is the highest. Two copies of
 * one bundle arriving together: the second's INSERT waits on the first's
 * unique keys and, once the first commits, finds it and files nothing; its
 * answer is the first one's receipt. Another bundle under a revision already
 * filed is a RevisionTaken.
 */
import type { Readable } from 'node:stream';
import type { Receipt } from '../../core/hq/receipt';
import { rowPrefix } from '../../core/hq/copy-row';
import { copyJsonLines } from './copy-jsonl';
import { inHqTransaction, type HqPool } from './pool';

export interface NewFiling {
  receiptId: string;
  idempotencyKey: string;
  branchId: string;
  /** YYYY-MM */
  month: string;
  revision: number;
  draft: boolean;
  reason: string | null;
  bundleSha256: string;
  manifestSha256: string;
  keyFingerprint: string;
  manifest: unknown;
  receivedAt: Date;
}

/** A machine file to copy: the table it goes into and its lines. */
export interface DataFile {
  path: string;
  table: string;
  expectedRows: number | null;
}

export class RowCountMismatch extends Error {}
export class RevisionTaken extends Error {}

const RECEIPT_SQL = `SELECT receipt_id::text AS "receiptId", idempotency_key AS "idempotencyKey", branch_id AS "branchId",
  to_char(period, 'YYYY-MM') AS month, revision, draft, bundle_sha256 AS "bundleSha256", manifest_sha256 AS "manifestSha256",
  to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "receivedAt"
  FROM hq_filings`;

/** The PostgreSQL columns of each data table after filing_id, branch_id and period, read once per pool. */
const columnCache = new WeakMap<HqPool, Promise<Map<string, string[]>>>();
function tableColumns(pool: HqPool): Promise<Map<string, string[]>> {
  let p = columnCache.get(pool);
  if (!p) {
    p = pool
      .query<{ table_name: string; columns: string[] }>(
        `SELECT table_name, array_agg(column_name::text ORDER BY ordinal_position) AS columns
           FROM information_schema.columns
          WHERE table_schema = current_schema() AND table_name IN ('hq_kpis', 'hq_tickets', 'hq_refunds', 'hq_breaches', 'hq_warnings')
          GROUP BY table_name`,
      )
      .then((r) => new Map(r.rows.map((x) => [x.table_name, x.columns.filter((c) => !['filing_id', 'branch_id', 'period'].includes(c))])));
    columnCache.set(pool, p);
  }
  return p;
}

/** Months whose partitions this process has already made sure of (partitions are never dropped while it runs). */
const monthsEnsured = new WeakMap<HqPool, Set<string>>();
async function ensureMonth(pool: HqPool, period: string): Promise<void> {
  let done = monthsEnsured.get(pool);
  if (!done) monthsEnsured.set(pool, (done = new Set()));
  if (done.has(period)) return;
  // Its own short transaction: creating a partition locks the parent table.
  await pool.query('SELECT hq_ensure_month($1)', [period]);
  done.add(period);
}

export class FilingStore {
  constructor(private readonly pool: HqPool) {}

  async receipt(idempotencyKey: string): Promise<Receipt | null> {
    const r = await this.pool.query<Receipt>(`${RECEIPT_SQL} WHERE idempotency_key = $1`, [idempotencyKey]);
    return r.rows[0] ?? null;
  }

  /**
   * File it, or find it filed: `created` false with the first filing's receipt.
   * `open(paths, consume)` streams the named machine files of the (already verified) bundle.
   */
  async file(f: NewFiling, files: readonly DataFile[], open: (paths: ReadonlySet<string>, consume: (path: string, s: Readable) => Promise<void>) => Promise<void>): Promise<{ receipt: Receipt; created: boolean; rows: Record<string, number> }> {
    const period = `${f.month}-01`;
    await ensureMonth(this.pool, period);
    const columns = await tableColumns(this.pool);
    // A machine file of a newer bundle format that this schema has no table for yet is not copied (the
    // manifest, kept whole in hq_filings, still lists it); tests/hq/schema.test.ts fails on such a format
    // change until a migration adds the table.
    const stored = files.filter((d) => columns.has(d.table));
    const outcome = await inHqTransaction(this.pool, async (c) => {
      // No conflict target: every unique key is an arbiter. With only the idempotency key as the target, a
      // concurrent copy whose insert reached the (branch, period, revision) index first waited for the first
      // copy and then failed on that index as a revision conflict instead of finding the filing.
      const inserted = await c.query<{ filing_id: string }>(
        `INSERT INTO hq_filings (receipt_id, idempotency_key, branch_id, period, revision, draft, reason, bundle_sha256, manifest_sha256,
           key_fingerprint, manifest, row_counts, received_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, '{}', $12)
         ON CONFLICT DO NOTHING RETURNING filing_id`,
        [f.receiptId, f.idempotencyKey, f.branchId, period, f.revision, f.draft, f.reason, f.bundleSha256, f.manifestSha256, f.keyFingerprint, JSON.stringify(f.manifest), f.receivedAt],
      );
      if (inserted.rowCount === 0) {
        // Filed already: this very bundle (answer with its receipt), or another one under the same revision.
        const same = await c.query('SELECT 1 FROM hq_filings WHERE idempotency_key = $1', [f.idempotencyKey]);
        if (same.rowCount === 0) throw new RevisionTaken();
        return null;
      }
      const filingId = inserted.rows[0]!.filing_id;
      const prefix = rowPrefix(filingId, f.branchId, period);
      const byPath = new Map(stored.map((d) => [d.path, d]));
      const rows: Record<string, number> = {};
      await open(new Set(byPath.keys()), async (path, stream) => {
        const d = byPath.get(path)!;
        rows[path] = await copyJsonLines(c, d.table, columns.get(d.table) ?? [], prefix, stream, path);
      });
      for (const d of stored) {
        const got = rows[d.path] ?? 0;
        if (d.expectedRows !== null && got !== d.expectedRows) throw new RowCountMismatch(`${d.path} has ${got} rows, the manifest says ${d.expectedRows}`);
      }
      await c.query('UPDATE hq_filings SET row_counts = $2 WHERE filing_id = $1', [filingId, JSON.stringify(rows)]);
      await c.query(
        `INSERT INTO hq_current_filings (branch_id, period, filing_id, revision) VALUES ($1, $2, $3, $4)
         ON CONFLICT (branch_id, period) DO UPDATE SET filing_id = excluded.filing_id, revision = excluded.revision
         WHERE hq_current_filings.revision < excluded.revision`,
        [f.branchId, period, filingId, f.revision],
      );
      return rows;
    });
    const receipt = await this.receipt(f.idempotencyKey);
    if (!receipt) throw new Error(`no filing for ${f.idempotencyKey} after filing it`);
    return { receipt, created: outcome !== null, rows: outcome ?? {} };
  }
}
