/**
 * A real branch and its bundle, made by the console's own code: the reports'
 * hand-worked October (tests/integration/export/fixture.ts) exported and
 * signed by services/export, and an upload of it as the console's outbox sends it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { tempDb, type TestDb } from '../../helpers/temp-db';
import { NOW } from '../../integration/reports/fixture';
import { exportOctober, seedBranchOctober } from '../../integration/export/fixture';
import { currentPublicKey } from '../../../src-main/services/export/keys';
import { unzipAll } from '../../integration/export/zip-tools';
import { idempotencyKey } from '../../../src-main/core/export/manifest';

export { NOW };

export interface BranchBundle {
  t: TestDb;
  path: string;
  publicKeyPem: string;
  close(): void;
}

export async function octoberBundle(): Promise<BranchBundle & { seeded: ReturnType<typeof seedBranchOctober> }> {
  const t = tempDb(NOW);
  const seeded = seedBranchOctober(t);
  const r = await exportOctober(t);
  return { t, seeded, path: r.path, publicKeyPem: currentPublicKey(t.ctx, t.dir)!.publicKeyPem, close: () => t.close() };
}

/** The headers the console's outbox sends with a bundle (docs/UPLOAD-PROTOCOL.md). */
export async function uploadHeaders(file: string, token: string): Promise<Record<string, string>> {
  const entries = await unzipAll(file);
  const manifestBytes = entries.get('manifest.json')!;
  const m = JSON.parse(manifestBytes.toString('utf8')) as { branch: { id: string }; period: { month: string }; revision: number };
  const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
  return {
    authorization: `Bearer ${token}`,
    'content-type': 'application/zip',
    'idempotency-key': idempotencyKey(m.branch.id, m.period.month, m.revision, sha(manifestBytes)),
    'x-branch-id': m.branch.id,
    'x-bundle-sha256': sha(fs.readFileSync(file)),
    'accept-language': 'en',
  };
}

export async function upload(url: string, file: string, token: string, headers: Record<string, string> = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, { method: 'POST', headers: { ...(await uploadHeaders(file, token)), ...headers }, body: fs.readFileSync(file) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
