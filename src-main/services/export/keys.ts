/**
 * The branch's Ed25519 signing key. The private key lives in a file in the
 * data folder (keys/branch-signing-key.pem, owner-only: 0600 in a 0700
 * folder), never in the database, so a database backup handed to someone
 * does not let them sign as the branch. The database remembers the public key
 * it last used, so a key file that went missing is noticed and said out loud:
 * a new key is made and headquarters must register it, and a bundle is never
 * written unsigned.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../core/errors';
import type { ServiceContext } from '../context';
import { fingerprintOf } from './signature';

export const KEY_DIR = 'keys';
export const KEY_FILE = 'branch-signing-key.pem';
const SETTING = 'export.signingKey';

export interface PublicKeyInfo {
  /** SPKI DER, base64: what the manifest embeds. */
  publicKey: string;
  /** PEM: what headquarters registers. */
  publicKeyPem: string;
  /** SHA-256 of the SPKI DER, lowercase hex. */
  fingerprint: string;
  createdAt: number;
}

export interface SigningKey extends PublicKeyInfo {
  privateKey: crypto.KeyObject;
}

/** Why the key in use is new, when it is: said to whoever exported. */
export type KeyNotice = { kind: 'created' } | { kind: 'replaced_lost'; previousFingerprint: string } | null;

interface Remembered {
  fingerprint: string;
  publicKeyPem: string;
  createdAt: number;
}

export function keyFilePath(dataDir: string): string {
  return path.join(dataDir, KEY_DIR, KEY_FILE);
}

function describe(privateKey: crypto.KeyObject, createdAt: number): SigningKey {
  const pub = crypto.createPublicKey(privateKey);
  const der = pub.export({ type: 'spki', format: 'der' });
  return {
    privateKey,
    publicKey: der.toString('base64'),
    publicKeyPem: pub.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint: fingerprintOf(der),
    createdAt,
  };
}

function readKeyFile(file: string): crypto.KeyObject {
  try {
    const key = crypto.createPrivateKey(fs.readFileSync(file));
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 private key');
    return key;
  } catch (e) {
    throw new DomainError('export_refused', { why: 'key_unreadable', path: file, detail: (e as Error).message });
  }
}

function writeKeyFile(file: string, key: crypto.KeyObject): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // 'wx': never overwrite a key file that appeared meanwhile.
  fs.writeFileSync(file, key.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  fs.chmodSync(file, 0o600);
}

/** The key to sign with: the key file's, or a new one made now (and remembered) when there is none. */
export function loadOrCreateKey(ctx: ServiceContext, dataDir: string): { key: SigningKey; notice: KeyNotice } {
  const file = keyFilePath(dataDir);
  const remembered = ctx.settings.get<Remembered>(SETTING) ?? null;
  if (fs.existsSync(file)) {
    const key = describe(readKeyFile(file), remembered?.createdAt ?? ctx.now());
    if (remembered?.fingerprint === key.fingerprint) return { key, notice: null };
    // A key file this database has not seen (a restored database, a copied folder): it is the one in use from now on.
    ctx.settings.set(SETTING, { fingerprint: key.fingerprint, publicKeyPem: key.publicKeyPem, createdAt: key.createdAt }, ctx.now(), null);
    return { key, notice: remembered ? { kind: 'replaced_lost', previousFingerprint: remembered.fingerprint } : null };
  }
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  writeKeyFile(file, privateKey);
  const key = describe(privateKey, ctx.now());
  ctx.settings.set(SETTING, { fingerprint: key.fingerprint, publicKeyPem: key.publicKeyPem, createdAt: key.createdAt }, ctx.now(), null);
  ctx.audit.add(ctx.now(), null, 'export.key_created', key.fingerprint, remembered ? { replaces: remembered.fingerprint } : {});
  return { key, notice: remembered ? { kind: 'replaced_lost', previousFingerprint: remembered.fingerprint } : { kind: 'created' } };
}

/** The public half for headquarters to register, without creating anything; null before the first export. */
export function currentPublicKey(ctx: ServiceContext, dataDir: string): (PublicKeyInfo & { keyFilePresent: boolean }) | null {
  const file = keyFilePath(dataDir);
  if (fs.existsSync(file)) {
    const key = describe(readKeyFile(file), ctx.settings.get<Remembered>(SETTING)?.createdAt ?? 0);
    const { privateKey: _private, ...pub } = key;
    return { ...pub, keyFilePresent: true };
  }
  const remembered = ctx.settings.get<Remembered>(SETTING);
  if (!remembered) return null;
  const der = crypto.createPublicKey(remembered.publicKeyPem).export({ type: 'spki', format: 'der' });
  return { publicKey: der.toString('base64'), publicKeyPem: remembered.publicKeyPem, fingerprint: remembered.fingerprint, createdAt: remembered.createdAt, keyFilePresent: false };
}
