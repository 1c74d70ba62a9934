/**
 * The monthly export (月度上报): one signed zip bundle for a month, archived in
 * the data folder (exports/<month>/) and copied to the chosen folder.
 *
 * Order matters for "bad input changes nothing": every check that can refuse
 * (the month, its tickets, the output folder, the reason) runs before the
 * bundle is placed anywhere or the history is written; the bundle reaches the
 * output folder by rename, and the history row is written last.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ServiceContext } from '../context';
import { inTransaction } from '../context';
import { DomainError } from '../../core/errors';
import { isoInZone } from '../../core/time';
import { exportMonth, decideRevision } from '../../core/export/revision';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  bundleFileName,
  serializeManifest,
  type Manifest,
} from '../../core/export/manifest';
import { MANIFEST_FILE, SIGNATURE_FILE, WORKBOOK_FILE } from '../../core/export/tables';
import { ExportHistory, type ExportRevision } from '../../db/export-history';
import { ExportReader } from '../../db/export-reader';
import { schemaVersion } from '../../db/migrate';
import { branchSettings } from '../settings';
import { exportMaskPolicy } from './settings';
import { loadOrCreateKey, type KeyNotice } from './keys';
import { signBytes } from './signature';
import { buildMonthData } from './build';
import { hashFile } from './jsonl-file';
import { writeZip } from './zip';
import { appVersion } from './app-version';

export interface ExportRequest {
  month: string;
  outDir: string;
  reason?: string | null | undefined;
  /** The data folder: key file and archived bundles live here. */
  dataDir: string;
  actorId?: number | null;
  /** Progress for the console's bar: 0–1 with a word for the step. */
  onProgress?: (fraction: number, step: string) => void;
}

export interface ExportResult {
  path: string;
  revision: number;
  files: string[];
  sha256: string;
  month: string;
  draft: boolean;
  /** True when the month's data had not changed: the bundle is the archived revision again. */
  unchanged: boolean;
  rowCounts: Record<string, number>;
  keyFingerprint: string;
  keyNotice: KeyNotice;
}

/**
 * Where each long step moves the bar (rows done ÷ rows of the step): the
 * machine files and the workbook take about the same time on a large month;
 * signing, zipping and saving take the rest.
 */
const STEP_SPAN = { data: [0.02, 0.4], workbook: [0.4, 0.85] } as const;

/** The reason travels in `details` too, so the console can tell "give a reason" from other refusals. */
const refuse = (why: string, params: Record<string, string | number> = {}) => new DomainError('export_refused', { why, ...params }, { why });

function checkOutDir(outDir: string): void {
  let detail: string | null = null;
  try {
    if (!fs.statSync(outDir).isDirectory()) detail = 'not_a_folder';
    else fs.accessSync(outDir, fs.constants.W_OK);
  } catch (e) {
    detail = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no_such_folder' : (e as Error).message;
  }
  if (detail) throw refuse('out_not_writable', { path: outDir, detail });
}

/** Copy next to the target, then rename over it: a reader never sees half a bundle. */
function placeFile(source: string, target: string): void {
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    fs.copyFileSync(source, tmp);
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw refuse('out_not_writable', { path: path.dirname(target), detail: (e as Error).message });
  }
}

function resultOf(rev: ExportRevision, outPath: string, files: string[], notice: KeyNotice, unchanged: boolean): ExportResult {
  return {
    path: outPath,
    revision: rev.revision,
    files,
    sha256: rev.bundleSha256,
    month: rev.month,
    draft: rev.draft,
    unchanged,
    rowCounts: rev.rowCounts,
    keyFingerprint: rev.keyFingerprint,
    keyNotice: notice,
  };
}

export async function exportMonthBundle(ctx: ServiceContext, req: ExportRequest): Promise<ExportResult> {
  const progress = req.onProgress ?? (() => {});
  const branch = branchSettings(ctx);
  // A bundle names its branch: without an id headquarters could not file it (and the file name would start "branch--").
  if (!branch.branchId.trim()) throw refuse('no_branch_id');
  const now = ctx.now();
  const month = exportMonth(req.month, branch.zone, now);
  if (!month) throw refuse('bad_month', { value: req.month });
  if (month.state === 'future') throw refuse('future_month', { month: req.month });
  if (new ExportReader(ctx.db).countTickets(month.fromMs, month.toMs) === 0) throw refuse('no_tickets', { month: req.month });
  const outDir = path.resolve(req.outDir);
  checkOutDir(outDir);
  const reason = req.reason?.trim() || null;
  const draft = month.state === 'open';
  const history = new ExportHistory(ctx.db);
  const archiveDir = path.join(req.dataDir, 'exports', req.month);
  fs.mkdirSync(archiveDir, { recursive: true });
  const work = fs.mkdtempSync(path.join(archiveDir, '.work-'));
  try {
    progress(0.02, 'data');
    const mask = exportMaskPolicy(ctx);
    const data = await buildMonthData(ctx, work, {
      month,
      zone: branch.zone,
      mask,
      branch: { id: branch.branchId, name: branch.branchName },
      at: now,
    }, (step, done, total) => {
      const [from, to] = STEP_SPAN[step];
      progress(from + (to - from) * (total > 0 ? Math.min(1, done / total) : 1), step);
    });
    progress(0.85, 'sign');
    const past = history.ofMonth(req.month);
    const decision = decideRevision(past, data.dataDigest, draft, reason);
    if (decision.kind === 'reason_required') throw refuse('reason_required', { month: req.month, revision: decision.lastFinal });
    const fileNames = [MANIFEST_FILE, SIGNATURE_FILE, ...data.files.map((f) => f.path)];
    if (decision.kind === 'same') {
      const rev = past.find((r) => r.revision === decision.revision)!;
      if (fs.existsSync(rev.bundlePath)) {
        const outPath = path.join(outDir, path.basename(rev.bundlePath));
        if (path.resolve(rev.bundlePath) !== outPath) placeFile(rev.bundlePath, outPath);
        progress(1, 'done');
        return resultOf(rev, outPath, fileNames, null, true);
      }
    }
    const { key, notice } = loadOrCreateKey(ctx, req.dataDir);
    const manifest: Manifest = {
      format: BUNDLE_FORMAT,
      formatVersion: BUNDLE_FORMAT_VERSION,
      branch: { id: branch.branchId, name: branch.branchName },
      period: { month: req.month, from: month.range.from, to: month.range.to, zone: branch.zone, previous: data.previous, lastYear: data.lastYear },
      draft,
      revision: decision.revision,
      reason,
      appVersion: appVersion(),
      schemaVersion: schemaVersion(ctx.db),
      generatedAt: isoInZone(now, branch.zone),
      dataAsOf: isoInZone(now, branch.zone),
      masking: mask,
      dataDigest: data.dataDigest,
      signer: { algorithm: 'Ed25519', publicKey: key.publicKey, fingerprint: key.fingerprint },
      files: data.files.map((f) => ({ path: f.path, sha256: f.sha256, bytes: f.bytes, rows: f.rows })),
    };
    const manifestBytes = Buffer.from(serializeManifest(manifest), 'utf8');
    const name = bundleFileName(branch.branchId, req.month, decision.revision, draft);
    const archived = path.join(archiveDir, name);
    const staged = path.join(work, name);
    await writeZip(staged, [
      { name: MANIFEST_FILE, data: manifestBytes },
      { name: SIGNATURE_FILE, data: Buffer.from(signBytes(key.privateKey, manifestBytes), 'utf8') },
      ...data.files.map((f) => ({ name: f.path, file: path.join(work, f.path), store: f.path === WORKBOOK_FILE })),
    ]);
    progress(0.9, 'save');
    const bundle = await hashFile(staged);
    const outPath = path.join(outDir, name);
    placeFile(staged, outPath);
    fs.renameSync(staged, archived);
    const row = {
      month: req.month,
      revision: decision.revision,
      draft,
      reason,
      dataDigest: data.dataDigest,
      manifestSha256: crypto.createHash('sha256').update(manifestBytes).digest('hex'),
      bundleSha256: bundle.sha256,
      bundleBytes: bundle.bytes,
      bundlePath: archived,
      keyFingerprint: key.fingerprint,
      rowCounts: data.rowCounts,
      createdAt: now,
      createdBy: req.actorId ?? null,
    };
    if (decision.kind === 'new') {
      inTransaction(ctx, () => {
        const id = history.insert(row);
        ctx.audit.add(now, req.actorId ?? null, 'export.bundle', `${req.month} r${decision.revision}`, { id, reason, draft, sha256: bundle.sha256 });
      });
    }
    progress(1, 'done');
    return resultOf({ id: 0, ...row }, outPath, fileNames, notice, false);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
