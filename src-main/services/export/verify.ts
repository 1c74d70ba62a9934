/**
 * Verify a bundle: the manifest parses, every listed file is there with its
 * SHA-256 and size, nothing unlisted is there, and the signature over the
 * manifest's bytes holds — against the public key given (headquarters' copy
 * of the branch's key) or, without one, the key the manifest embeds (which
 * proves the bundle is intact, not who made it: the fingerprint says that).
 * Needs no database: headquarters' receiver uses it as it is.
 */
import type crypto from 'node:crypto';
import { manifestSchema, type Manifest } from '../../core/export/manifest';
import { compareFiles, type Problem } from '../../core/export/check';
import { MANIFEST_FILE, SIGNATURE_FILE } from '../../core/export/tables';
import { publicFingerprint, publicKeyFrom, verifySignature } from './signature';
import { readZip, ZipRefused, type ZipLimits, BUNDLE_LIMITS } from './zip';

export interface VerifyResult {
  ok: boolean;
  problems: Problem[];
  manifest: Manifest | null;
  /** SHA-256 of manifest.json's bytes (part of the upload's idempotency key). */
  manifestSha256: string | null;
  /** The fingerprint of the key the signature was checked against. */
  keyFingerprint: string | null;
}

export async function verifyBundle(file: string, expectedKey?: crypto.KeyObject | null, limits: ZipLimits = BUNDLE_LIMITS): Promise<VerifyResult> {
  const fail = (problems: Problem[], manifest: Manifest | null = null, manifestSha256: string | null = null): VerifyResult => ({
    ok: false,
    problems,
    manifest,
    manifestSha256,
    keyFingerprint: expectedKey ? publicFingerprint(expectedKey) : null,
  });
  let read;
  try {
    read = await readZip(file, [MANIFEST_FILE, SIGNATURE_FILE], limits);
  } catch (e) {
    if (e instanceof ZipRefused) return fail([{ code: e.kind, detail: e.message }]);
    throw e;
  }
  const manifestBytes = read.small.get(MANIFEST_FILE);
  if (!manifestBytes) return fail([{ code: 'manifest_missing' }]);
  const manifestSha256 = read.hashes.get(MANIFEST_FILE)!.sha256;
  let manifest: Manifest;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(manifestBytes.toString('utf8')));
    if (!parsed.success) return fail([{ code: 'manifest_invalid', detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }]);
    manifest = parsed.data;
  } catch (e) {
    return fail([{ code: 'manifest_invalid', detail: (e as Error).message }]);
  }
  const problems: Problem[] = compareFiles(
    manifest,
    [...read.hashes.entries()].map(([path, h]) => ({ path, ...h })),
  );
  const signature = read.small.get(SIGNATURE_FILE);
  let key: crypto.KeyObject | null = expectedKey ?? null;
  if (!key) {
    try {
      key = publicKeyFrom(manifest.signer.publicKey);
    } catch (e) {
      problems.push({ code: 'manifest_invalid', detail: `signer.publicKey: ${(e as Error).message}` });
    }
  }
  if (key && expectedKey && publicFingerprint(key) !== manifest.signer.fingerprint) {
    problems.push({ code: 'key_mismatch', expected: publicFingerprint(key), found: manifest.signer.fingerprint });
  }
  if (!signature) problems.push({ code: 'signature_missing' });
  else if (key && !verifySignature(key, manifestBytes, signature.toString('utf8'))) problems.push({ code: 'signature_invalid' });
  return { ok: problems.length === 0, problems, manifest, manifestSha256, keyFingerprint: key ? publicFingerprint(key) : null };
}
