/**
 * `verify BUNDLE [--key PUBKEY]`: checksums, missing or extra files, and the
 * signature; exit 1 with every problem listed when anything is wrong. Needs
 * no database. --key is a PEM file (or base64 SPKI) of the branch's public key.
 */
import fs from 'node:fs';
import type crypto from 'node:crypto';
import { DomainError } from '../../core/errors';
import { describeProblem, type Problem } from '../../core/export/check';
import { publicKeyFrom } from '../../services/export/signature';
import { UsageError, type Command, type CommandEnv } from '../command';

interface VerifyJson {
  ok: boolean;
  problems: Array<Problem & { message: string }>;
  branch: { id: string; name: string } | null;
  month: string | null;
  revision: number | null;
  draft: boolean | null;
  keyFingerprint: string | null;
}

function readKey(file: string): crypto.KeyObject {
  try {
    return publicKeyFrom(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new DomainError('export_refused', { why: 'key_file_unreadable', path: file, detail: (e as Error).message });
  }
}

export const verify: Command = {
  name: 'verify',
  positionals: 1,
  summary: "check a bundle's checksums and signature",
  usage: 'verify BUNDLE [--key PUBKEY.pem]',
  options: { key: { type: 'string' } },
  run: async (env: CommandEnv): Promise<VerifyJson> => {
    const [file, ...more] = env.positionals;
    if (!file || more.length > 0) throw new UsageError('give one bundle file');
    const keyFile = env.values.key as string | undefined;
    const key = keyFile ? readKey(keyFile) : null;
    if (!fs.existsSync(file)) throw new DomainError('export_refused', { why: 'bundle_unreadable', path: file, detail: 'no_such_file' });
    if (!fs.statSync(file).isFile()) throw new DomainError('export_refused', { why: 'bundle_unreadable', path: file, detail: 'a_folder' });
    // Loaded when used (the zip libraries), like export.
    const { verifyBundle } = await import('../../services/export/verify');
    const r = await verifyBundle(file, key);
    return {
      ok: r.ok,
      problems: r.problems.map((p) => ({ ...p, message: describeProblem(p, env.locale) })),
      branch: r.manifest?.branch ?? null,
      month: r.manifest?.period.month ?? null,
      revision: r.manifest?.revision ?? null,
      draft: r.manifest?.draft ?? null,
      keyFingerprint: r.keyFingerprint,
    };
  },
  human: (r: VerifyJson) =>
    r.ok
      ? `OK: ${r.branch?.id ?? ''} ${r.month} revision ${r.revision}${r.draft ? ' (draft)' : ''}, signed by ${r.keyFingerprint}`
      : ['NOT OK:', ...r.problems.map((p) => `  - ${p.message}`)].join('\n'),
};
