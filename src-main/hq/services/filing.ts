/**
 * Filing verified bundles into PostgreSQL: the receiver's store when
 * headquarters runs on a database (`npm run hq -- serve`). The receiver has
 * already authenticated the branch, read the body and verified the bundle
 * against the branch's registered key (services/export/verify.ts, the
 * console's own code) before anything here writes.
 */
import type { Manifest } from '../../core/export/manifest';
import { TABLES } from '../../core/export/tables';
import type { Receipt } from '../../core/hq/receipt';
import { streamEntries } from '../../services/export/zip';
import { CopyLineError } from '../db/copy-jsonl';
import { FilingStore, RevisionTaken, RowCountMismatch, type DataFile } from '../db/filing-store';
import type { HqPool } from '../db/pool';
import { authenticateBranch } from './branches';
import { HqError } from './errors';

export interface FilingRequest {
  /** The bundle on disk, verified. */
  file: string;
  branchId: string;
  idempotencyKey: string;
  bundleSha256: string;
  manifest: Manifest;
  manifestSha256: string;
  keyFingerprint: string;
  receiptId: string;
  receivedAt: Date;
}

/** The machine files of a manifest that have a table, with the rows the manifest promises. */
export function dataFilesOf(manifest: Manifest): DataFile[] {
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  return TABLES.filter((t) => listed.has(t.file)).map((t) => ({ path: t.file, table: `hq_${t.id}`, expectedRows: listed.get(t.file)!.rows }));
}

const isDataError = (e: unknown) => /^2[23]/.test(String((e as { code?: unknown }).code ?? ''));

export class PgBundleStore {
  constructor(private readonly pool: HqPool) {}

  async authenticate(branchId: string, token: string): Promise<{ publicKeyPem: string }> {
    const b = await authenticateBranch(this.pool, branchId, token);
    return { publicKeyPem: b.publicKeyPem };
  }

  receiptFor(_branchId: string, idempotencyKey: string): Promise<Receipt | null> {
    return new FilingStore(this.pool).receipt(idempotencyKey);
  }

  async file(r: FilingRequest): Promise<{ receipt: Receipt; created: boolean }> {
    const m = r.manifest;
    const files = dataFilesOf(m);
    try {
      return await new FilingStore(this.pool).file(
        {
          receiptId: r.receiptId,
          idempotencyKey: r.idempotencyKey,
          branchId: r.branchId,
          month: m.period.month,
          revision: m.revision,
          draft: m.draft,
          reason: m.reason,
          bundleSha256: r.bundleSha256,
          manifestSha256: r.manifestSha256,
          keyFingerprint: r.keyFingerprint,
          manifest: m,
          receivedAt: r.receivedAt,
        },
        files,
        (paths, consume) => streamEntries(r.file, paths, consume),
      );
    } catch (e) {
      if (e instanceof RevisionTaken) throw new HqError('revision_conflict', { branch: r.branchId, month: m.period.month, revision: m.revision }, 409);
      if (e instanceof RowCountMismatch || e instanceof CopyLineError || isDataError(e)) throw new HqError('bundle_unreadable', { detail: (e as Error).message }, 422);
      throw e;
    }
  }
}
