/**
 * Registering a branch (`npm run hq -- branch add`, `POST /admin/branches`):
 * its id, name, Ed25519 public key (what `complaint-desk key` prints) and the
 * bearer token it uploads with. Headquarters keeps only the token's SHA-256;
 * a token is made when none is given and shown once.
 */
import crypto from 'node:crypto';
import { BRANCH_ID_PATTERN } from '../../core/hq/messages';
import { publicFingerprint, publicKeyFrom } from '../../services/export/signature';
import { BranchStore, type BranchRecord } from '../db/branch-store';
import type { HqPool } from '../db/pool';
import { HqError } from './errors';

export interface BranchInput {
  branchId: string;
  name: string;
  city?: string | null;
  /** PEM, or base64 SubjectPublicKeyInfo DER. */
  publicKey: string;
  token?: string | null;
}

export interface RegisteredBranch {
  branchId: string;
  name: string;
  fingerprint: string;
  /** The token to give the branch (as given, or the one made now). */
  token: string;
  created: boolean;
}

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

export async function registerBranch(pool: HqPool, input: BranchInput, now: Date): Promise<RegisteredBranch> {
  if (!BRANCH_ID_PATTERN.test(input.branchId)) throw new HqError('branch_id_invalid');
  const name = input.name.trim();
  if (name.length < 1 || name.length > 200) throw new HqError('branch_name_invalid');
  let key: crypto.KeyObject;
  try {
    key = publicKeyFrom(input.publicKey);
  } catch (e) {
    throw new HqError('public_key_invalid', { detail: (e as Error).message });
  }
  const token = input.token ?? crypto.randomBytes(24).toString('base64url');
  if (!/^[\x21-\x7e]{16,200}$/.test(token)) throw new HqError('token_invalid');
  const fingerprint = publicFingerprint(key);
  const publicKeyPem = key.export({ type: 'spki', format: 'pem' }).toString();
  const { created } = await new BranchStore(pool).upsert(
    { branchId: input.branchId, name, city: input.city?.trim() || null, publicKeyPem, keyFingerprint: fingerprint, tokenSha256: sha256(token) },
    now,
  );
  return { branchId: input.branchId, name, fingerprint, token, created };
}

/** The branch a token belongs to, or why not (unknown branch, wrong token). */
export async function authenticateBranch(pool: HqPool, branchId: string, token: string): Promise<BranchRecord> {
  const branch = BRANCH_ID_PATTERN.test(branchId) ? await new BranchStore(pool).find(branchId) : null;
  if (!branch) throw new HqError('unknown_branch', { branch: branchId.slice(0, 64) }, 401);
  const given = Buffer.from(sha256(token), 'hex');
  if (!crypto.timingSafeEqual(given, Buffer.from(branch.tokenSha256, 'hex'))) throw new HqError('unauthorized', { branch: branchId }, 401);
  return branch;
}

export async function listBranches(pool: HqPool): Promise<Omit<BranchRecord, 'tokenSha256'>[]> {
  return (await new BranchStore(pool).list()).map(({ tokenSha256: _t, ...b }) => b);
}
