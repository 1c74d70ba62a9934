/**
 * Ed25519 with node:crypto: signing the manifest's bytes, checking a
 * signature, and naming a public key by its fingerprint (SHA-256 of its SPKI
 * DER, hex). Shared by the console and headquarters' receiver.
 */
import crypto from 'node:crypto';

export function fingerprintOf(spkiDer: Buffer): string {
  return crypto.createHash('sha256').update(spkiDer).digest('hex');
}

export function publicFingerprint(publicKey: crypto.KeyObject): string {
  return fingerprintOf(publicKey.export({ type: 'spki', format: 'der' }));
}

/** A public key from PEM text or base64 SPKI DER (as the manifest embeds it). */
export function publicKeyFrom(text: string): crypto.KeyObject {
  const t = text.trim();
  const key = t.startsWith('-----BEGIN')
    ? crypto.createPublicKey(t)
    : crypto.createPublicKey({ key: Buffer.from(t, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 public key');
  return key;
}

export function signBytes(privateKey: crypto.KeyObject, data: Buffer): string {
  return crypto.sign(null, data, privateKey).toString('base64') + '\n';
}

export function verifySignature(publicKey: crypto.KeyObject, data: Buffer, signatureBase64: string): boolean {
  try {
    return crypto.verify(null, data, publicKey, Buffer.from(signatureBase64.trim(), 'base64'));
  } catch {
    return false;
  }
}
