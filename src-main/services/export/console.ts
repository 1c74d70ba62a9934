/**
 * What the console's 上报 page shows and does: the last thirteen months with
 * their export and upload state, an export with its progress, the bundle in
 * chunks for saving, and the export settings (masking, headquarters'
 * endpoint). The data folder is the database's own folder, as for the CLI.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ServiceContext } from '../context';
import { DomainError } from '../../core/errors';
import { exportMonth } from '../../core/export/revision';
import { localDayKey } from '../../core/time';
import type { MaskPolicy } from '../../core/export/mask';
import { ExportHistory } from '../../db/export-history';
import { ExportReader } from '../../db/export-reader';
import { OutboxStore, type OutboxState } from '../../db/outbox-store';
import { branchSettings } from '../settings';
import { exportMaskPolicy, saveExportMaskPolicy } from './settings';
import { saveUploadSettings, uploadSettings } from './outbox';
import type { ExportResult } from './export-month';
import { currentPublicKey } from './keys';

export function dataDirOf(ctx: ServiceContext): string {
  const file = ctx.db.name;
  if (!file || file === ':memory:') throw new DomainError('export_refused', { why: 'no_data_folder' });
  return path.dirname(path.resolve(file));
}

export interface MonthRow {
  month: string;
  tickets: number;
  /** 'open': not over yet, only a draft can be made. */
  state: 'open' | 'over';
  latest: { revision: number; draft: boolean; createdAt: number; reason: string | null; bundleBytes: number; fileName: string } | null;
  revisions: number;
  upload: {
    id: number;
    revision: number;
    state: OutboxState;
    attempts: number;
    nextAttemptAt: number | null;
    lastError: string | null;
    receiptAt: number | null;
    queuedAt: number;
  } | null;
}

/** The current month and the twelve before it, newest first. */
export function exportMonths(ctx: ServiceContext): MonthRow[] {
  const { zone } = branchSettings(ctx);
  const now = ctx.now();
  const reader = new ExportReader(ctx.db);
  const history = new ExportHistory(ctx.db);
  const uploads = new OutboxStore(ctx.db).all();
  const today = localDayKey(now, zone);
  let [y, m] = [Number(today.slice(0, 4)), Number(today.slice(4, 6))];
  const rows: MonthRow[] = [];
  for (let i = 0; i < 13; i++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    const info = exportMonth(month, zone, now)!;
    if (info.state !== 'future') {
      const revs = history.ofMonth(month);
      const last = revs.at(-1) ?? null;
      const up = uploads.find((u) => u.month === month) ?? null;
      rows.push({
        month,
        tickets: reader.countTickets(info.fromMs, info.toMs),
        state: info.state === 'open' ? 'open' : 'over',
        latest: last && { revision: last.revision, draft: last.draft, createdAt: last.createdAt, reason: last.reason, bundleBytes: last.bundleBytes, fileName: path.basename(last.bundlePath) },
        revisions: revs.length,
        upload: up && { id: up.id, revision: up.revision, state: up.state, attempts: up.attempts, nextAttemptAt: up.nextAttemptAt, lastError: up.lastError, receiptAt: up.receiptAt, queuedAt: up.queuedAt },
      });
    }
    m -= 1;
    if (m === 0) [y, m] = [y - 1, 12];
  }
  return rows;
}

export interface ExportProgress {
  month: string;
  fraction: number;
  step: string;
}
const running = new WeakMap<ServiceContext, ExportProgress>();

export function exportProgress(ctx: ServiceContext): ExportProgress | null {
  return running.get(ctx) ?? null;
}

/** Export from the console: the bundle stays in the data folder's archive; the page then saves or queues it. */
export async function exportFromConsole(ctx: ServiceContext, actorId: number, month: string, reason: string | null): Promise<ExportResult> {
  if (running.get(ctx)) throw new DomainError('export_refused', { why: 'busy', month: running.get(ctx)!.month });
  const dataDir = dataDirOf(ctx);
  const outDir = path.join(dataDir, 'exports', month);
  fs.mkdirSync(outDir, { recursive: true });
  running.set(ctx, { month, fraction: 0, step: 'start' });
  try {
    // Loaded when first used: it brings exceljs and the zip libraries.
    const { exportMonthBundle } = await import('./export-month');
    return await exportMonthBundle(ctx, {
      month,
      outDir,
      reason,
      dataDir,
      actorId,
      onProgress: (fraction, step) => running.set(ctx, { month, fraction, step }),
    });
  } finally {
    running.delete(ctx);
  }
}

export const CHUNK_BYTES = 1 << 20;

/** One chunk of a month's bundle (the latest revision unless one is named), for the page to save. */
export function bundleChunk(ctx: ServiceContext, month: string, revision: number | null, offset: number) {
  const revs = new ExportHistory(ctx.db).ofMonth(month);
  const rev = revision === null ? revs.at(-1) : revs.find((r) => r.revision === revision);
  if (!rev || !fs.existsSync(rev.bundlePath)) throw new DomainError('not_found', { what: 'export', id: `${month}${revision ? ` r${revision}` : ''}` });
  const fd = fs.openSync(rev.bundlePath, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const buf = Buffer.alloc(Math.max(0, Math.min(CHUNK_BYTES, size - offset)));
    fs.readSync(fd, buf, 0, buf.length, offset);
    const next = offset + buf.length < size ? offset + buf.length : null;
    return { fileName: path.basename(rev.bundlePath), size, offset, data: buf.toString('base64'), next };
  } finally {
    fs.closeSync(fd);
  }
}

export interface ExportSettingsView {
  masking: MaskPolicy;
  uploadUrl: string;
  /** Whether a token is set; the token itself is never sent back. */
  tokenSet: boolean;
  branchId: string;
  key: { fingerprint: string; publicKeyPem: string; keyFilePresent: boolean; createdAt: number } | null;
}

export function exportSettingsView(ctx: ServiceContext): ExportSettingsView {
  const upload = uploadSettings(ctx) ?? ctx.settings.get<{ url?: string; token?: string }>('export.upload') ?? null;
  const key = currentPublicKey(ctx, dataDirOf(ctx));
  return {
    masking: exportMaskPolicy(ctx),
    uploadUrl: upload?.url ?? '',
    tokenSet: !!upload?.token,
    branchId: branchSettings(ctx).branchId,
    key: key && { fingerprint: key.fingerprint, publicKeyPem: key.publicKeyPem, keyFilePresent: key.keyFilePresent, createdAt: key.createdAt },
  };
}

export function saveExportSettings(ctx: ServiceContext, actorId: number, v: { masking: MaskPolicy; uploadUrl: string; token: string | null }): ExportSettingsView {
  saveExportMaskPolicy(ctx, actorId, v.masking);
  const token = v.token ?? ctx.settings.get<{ token?: string }>('export.upload')?.token ?? '';
  saveUploadSettings(ctx, actorId, { url: v.uploadUrl, token });
  return exportSettingsView(ctx);
}
