/**
 * Branch bundles for headquarters' benchmark, made by the console's own code:
 * a few template branches of different sizes are seeded (services/seed) and
 * their October exported (services/export); each of the province's branches
 * then gets one template's data files under its own id, in a manifest signed
 * by its own Ed25519 key (serializeManifest, signBytes, writeZip — the
 * console's code again), so every bundle verifies against its branch's key.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { tempDb, addUser, type TestDb } from '../../helpers/temp-db';
import { seedTickets } from '../../../src-main/services/seed';
import { saveBranchSettings } from '../../../src-main/services/settings';
import { exportMonthBundle } from '../../../src-main/services/export/export-month';
import { serializeManifest, idempotencyKey, type Manifest } from '../../../src-main/core/export/manifest';
import { fingerprintOf, signBytes } from '../../../src-main/services/export/signature';
import { writeZip } from '../../../src-main/services/export/zip';
import { unzipAll } from '../../integration/export/zip-tools';

export const MONTH = '2026-10';
/** 2 November 2026, 10:00 China time: October is over. */
const NOW = Date.parse('2026-11-02T02:00:00Z');
const OCTOBER_END = Date.parse('2026-10-31T15:59:00Z');

/** Tickets a branch receives in a month, and how many of the province's branches are that size (share). */
export const BRANCH_SIZES = [
  { tickets: 50, share: 0.25 },
  { tickets: 120, share: 0.3 },
  { tickets: 250, share: 0.25 },
  { tickets: 500, share: 0.15 },
  { tickets: 1000, share: 0.05 },
];

/** `--quick`: the three smaller sizes only (each template is a database seeded and exported: seconds apiece on a loaded machine). */
export const QUICK_BRANCH_SIZES = [
  { tickets: 50, share: 0.4 },
  { tickets: 120, share: 0.35 },
  { tickets: 250, share: 0.25 },
];

export type BranchSizes = ReadonlyArray<{ tickets: number; share: number }>;

export interface Template {
  tickets: number;
  manifest: Manifest;
  entries: Map<string, Buffer>;
  /** Data rows of its machine files, all tables. */
  rows: number;
}

export async function makeTemplates(work: string, sizes: BranchSizes = BRANCH_SIZES): Promise<Template[]> {
  const out: Template[] = [];
  for (const [i, size] of sizes.entries()) {
    const t: TestDb = tempDb(NOW);
    try {
      const admin = addUser(t.ctx, 'admin', 'admin');
      saveBranchSettings(t.ctx, admin.id, { branchId: `TPL-${i}`, branchName: `模板${i}`, zone: 'Asia/Shanghai' });
      seedTickets(t.ctx, admin, { tickets: size.tickets, months: 1, end: OCTOBER_END, seed: 100 + i });
      const dir = path.join(work, `template-${i}`);
      fs.mkdirSync(dir, { recursive: true });
      const r = await exportMonthBundle(t.ctx, { month: MONTH, outDir: dir, dataDir: t.dir });
      const entries = await unzipAll(r.path);
      const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as Manifest;
      const rows = manifest.files.filter((f) => f.path.endsWith('.jsonl')).reduce((s, f) => s + (f.rows ?? 0), 0);
      out.push({ tickets: size.tickets, manifest, entries, rows });
    } finally {
      t.close();
    }
  }
  return out;
}

/** Which template the i-th of n branches uses: the shares laid out in order. */
export function templateFor(i: number, n: number, sizes: BranchSizes = BRANCH_SIZES): number {
  const x = (i + 0.5) / n;
  let acc = 0;
  for (const [k, s] of sizes.entries()) {
    acc += s.share;
    if (x < acc) return k;
  }
  return sizes.length - 1;
}

export interface BranchBundle {
  branchId: string;
  name: string;
  publicKeyPem: string;
  token: string;
  file: string;
  bytes: number;
  rows: number;
  template: number;
  headers: Record<string, string>;
}

export async function makeBranchBundle(work: string, i: number, template: Template, templateNo: number): Promise<BranchBundle> {
  const branchId = `GD-${String(i + 1).padStart(4, '0')}`;
  const name = `分公司${i + 1}`;
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  const der = publicKey.export({ type: 'spki', format: 'der' });
  const manifest: Manifest = {
    ...template.manifest,
    branch: { id: branchId, name },
    signer: { algorithm: 'Ed25519', publicKey: der.toString('base64'), fingerprint: fingerprintOf(der) },
  };
  const manifestBytes = Buffer.from(serializeManifest(manifest));
  const file = path.join(work, `${branchId}.zip`);
  const data = [...template.entries].filter(([n]) => n !== 'manifest.json' && n !== 'manifest.sig');
  await writeZip(file, [
    { name: 'manifest.json', data: manifestBytes },
    { name: 'manifest.sig', data: Buffer.from(signBytes(privateKey, manifestBytes)) },
    ...data.map(([n, d]) => ({ name: n, data: d, store: n.endsWith('.xlsx') })),
  ]);
  const body = fs.readFileSync(file);
  const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
  const token = crypto.randomBytes(18).toString('base64url');
  return {
    branchId,
    name,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    token,
    file,
    bytes: body.length,
    rows: template.rows,
    template: templateNo,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/zip',
      'idempotency-key': idempotencyKey(branchId, MONTH, manifest.revision, sha(manifestBytes)),
      'x-branch-id': branchId,
      'x-bundle-sha256': sha(body),
    },
  };
}
