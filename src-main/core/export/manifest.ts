/**
 * manifest.json: what a bundle holds and who made it. Its exact bytes are
 * what the branch's Ed25519 key signs (manifest.sig), so headquarters can tell
 * who sent a bundle and that no file changed on the way. The schema is parsed
 * strictly on the way in: an unknown format version is refused, not guessed at.
 */
import { z } from 'zod';

/** The bundle layout's version: major changes break readers, minor ones only add. */
export const BUNDLE_FORMAT = 'complaint-desk-monthly';
export const BUNDLE_FORMAT_VERSION = '1.0';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const manifestFileSchema = z.object({
  path: z.string().min(1),
  sha256,
  bytes: z.number().int().nonnegative(),
  /** Data rows (JSON Lines) or sheets' data rows (workbook); null for a file without rows. */
  rows: z.number().int().nonnegative().nullable(),
});

const range = z.object({ from: z.string(), to: z.string() });

export const manifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.string().regex(/^1\.\d+$/),
  branch: z.object({ id: z.string(), name: z.string() }),
  period: z.object({
    month: z.string().regex(/^\d{4}-\d{2}$/),
    from: z.string(),
    to: z.string(),
    zone: z.string(),
    previous: range,
    lastYear: range,
  }),
  /** A month not over yet: its figures will still change. */
  draft: z.boolean(),
  revision: z.number().int().positive(),
  reason: z.string().nullable(),
  appVersion: z.string(),
  schemaVersion: z.number().int().positive(),
  generatedAt: z.string(),
  /** The instant "already due" and "missed" were measured against. */
  dataAsOf: z.string(),
  masking: z.object({ phones: z.boolean(), names: z.boolean() }),
  /** SHA-256 over the data files' hashes (not this manifest): equal data, equal digest. */
  dataDigest: sha256,
  signer: z.object({ algorithm: z.literal('Ed25519'), publicKey: z.string(), fingerprint: sha256 }),
  files: z.array(manifestFileSchema).min(1),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestFile = z.infer<typeof manifestFileSchema>;

/** Two-space JSON with a final newline: readable, and the same object always gives the same bytes. */
export function serializeManifest(m: Manifest): string {
  return JSON.stringify(m, null, 2) + '\n';
}

/** What a retry of the same bundle carries, so headquarters files it once: branch, period, revision, manifest hash. */
export function idempotencyKey(branchId: string, month: string, revision: number, manifestSha256: string): string {
  return `${branchId}:${month}:r${revision}:${manifestSha256}`;
}

/** The bundle's file name: complaint-desk-<branch>-<month>-r<revision>[-draft].zip */
export function bundleFileName(branchId: string, month: string, revision: number, draft: boolean): string {
  const branch = branchId.replace(/[^A-Za-z0-9_-]/g, '_') || 'branch';
  return `complaint-desk-${branch}-${month}-r${revision}${draft ? '-draft' : ''}.zip`;
}
