/** The export history: every revision of every month's bundle (migration 0007). */
import { z } from 'zod';
import type { Db } from './open';
import { allRows, flag, int, intOrNull, json, text, textOrNull } from './rows';

export interface ExportRevision {
  id: number;
  month: string;
  revision: number;
  draft: boolean;
  reason: string | null;
  dataDigest: string;
  manifestSha256: string;
  bundleSha256: string;
  bundleBytes: number;
  bundlePath: string;
  keyFingerprint: string;
  rowCounts: Record<string, number>;
  createdAt: number;
  createdBy: number | null;
}

export type NewExportRevision = Omit<ExportRevision, 'id'>;

const COLUMNS = `id, month, revision, draft, reason, data_digest AS dataDigest, manifest_sha256 AS manifestSha256,
  bundle_sha256 AS bundleSha256, bundle_bytes AS bundleBytes, bundle_path AS bundlePath,
  key_fingerprint AS keyFingerprint, row_counts AS rowCounts, created_at AS createdAt, created_by AS createdBy`;

const RevisionRow: z.ZodType<ExportRevision> = z.object({
  id: int,
  month: text,
  revision: int,
  draft: flag,
  reason: textOrNull,
  dataDigest: text,
  manifestSha256: text,
  bundleSha256: text,
  bundleBytes: int,
  bundlePath: text,
  keyFingerprint: text,
  rowCounts: json.pipe(z.record(z.string(), z.number())),
  createdAt: int,
  createdBy: intOrNull,
});

export class ExportHistory {
  constructor(private readonly db: Db) {}

  /** A month's revisions, oldest first. */
  ofMonth(month: string): ExportRevision[] {
    return allRows(RevisionRow, this.db.prepare(`SELECT ${COLUMNS} FROM export_revisions WHERE month = ? ORDER BY revision`), month);
  }

  /** Every revision, newest month first, then newest revision first. */
  all(): ExportRevision[] {
    return allRows(RevisionRow, this.db.prepare(`SELECT ${COLUMNS} FROM export_revisions ORDER BY month DESC, revision DESC`));
  }

  insert(r: NewExportRevision): number {
    const info = this.db
      .prepare(
        `INSERT INTO export_revisions (month, revision, draft, reason, data_digest, manifest_sha256, bundle_sha256, bundle_bytes,
           bundle_path, key_fingerprint, row_counts, created_at, created_by)
         VALUES (@month, @revision, @draft, @reason, @dataDigest, @manifestSha256, @bundleSha256, @bundleBytes,
           @bundlePath, @keyFingerprint, @rowCounts, @createdAt, @createdBy)`,
      )
      .run({ ...r, draft: r.draft ? 1 : 0, rowCounts: JSON.stringify(r.rowCounts) });
    return Number(info.lastInsertRowid);
  }
}
