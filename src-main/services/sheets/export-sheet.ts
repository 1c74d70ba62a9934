/**
 * 导出: writes one table export to a file in the data folder's `downloads`
 * folder, reporting progress as it goes, then hands the file out in chunks
 * to the person who asked for it (the console saves it: a download in a
 * browser, a save dialog on the desktop). A file goes once its last chunk is
 * read, and any left behind goes after an hour or when the console starts.
 *
 * The rows are read a batch at a time and the event loop gets a turn between
 * batches, so the console keeps answering (the progress bar included) while a
 * 200,000-row export runs.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../core/errors';
import type { Locale } from '../../core/messages';
import type { UserInfo } from '../../core/model';
import { localStamp } from '../../core/time';
import type { ServiceContext } from '../context';
import { branchSettings } from '../settings';
import { dataDirOf } from '../export/console';
import { sheetSource, type SheetRequest } from './sources';
import type { SheetFormat } from './writer';

export interface SheetProgress {
  done: number;
  total: number;
}

export interface SheetFile {
  fileId: string;
  fileName: string;
  rows: number;
  bytes: number;
}

export interface SheetChunk {
  fileName: string;
  size: number;
  offset: number;
  data: string;
  next: number | null;
}

interface Held {
  file: string;
  fileName: string;
  ownerId: number;
  createdAt: number;
}

const progress = new Map<string, SheetProgress & { ownerId: number }>();
const held = new Map<string, Held>();

export const SHEET_CHUNK_BYTES = 1 << 20;
const KEEP_MS = 3_600_000;
const MIME = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv' } as const;

export function mimeOf(format: SheetFormat): string {
  return MIME[format];
}

function downloadsDir(ctx: ServiceContext): string {
  const dir = path.join(dataDirOf(ctx), 'downloads');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** Remove export files nobody fetched: all of them at start (`olderThan` 0), else those over an hour old. */
export function sweepSheetFiles(ctx: ServiceContext, olderThanMs = KEEP_MS): void {
  // Files age by the machine's clock (their mtime), not the console's business clock.
  const now = Date.now();
  let dir: string;
  try {
    dir = path.join(dataDirOf(ctx), 'downloads');
  } catch {
    return;
  }
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    if (!/^sheet-[0-9a-f]{32}\.(xlsx|csv)(\.part)?$/.test(name)) continue;
    const file = path.join(dir, name);
    if (now - fs.statSync(file).mtimeMs >= olderThanMs) fs.rmSync(file, { force: true });
  }
  for (const [id, h] of held) if (!fs.existsSync(h.file)) held.delete(id);
}

/** How far the export `jobId` (chosen by the page) has got; null before it starts or once it ended. */
export function sheetProgress(viewer: UserInfo, jobId: string): SheetProgress | null {
  const p = progress.get(jobId);
  return p && p.ownerId === viewer.id ? { done: p.done, total: p.total } : null;
}

export async function exportSheet(
  ctx: ServiceContext,
  viewer: UserInfo,
  input: { jobId: string; format: SheetFormat; locale: Locale; request: SheetRequest },
  /** Rows read per query (tests make it small to cross many pages with few tickets). */
  batch?: number,
): Promise<SheetFile> {
  if (progress.has(input.jobId)) throw new DomainError('conflict', { what: 'export', id: input.jobId });
  sweepSheetFiles(ctx);
  const zone = branchSettings(ctx).zone;
  const source = sheetSource(ctx, viewer, input.request, input.locale, localStamp(ctx.now(), zone), batch);
  const fileId = crypto.randomBytes(16).toString('hex');
  const file = path.join(downloadsDir(ctx), `sheet-${fileId}.${input.format}`);
  const part = `${file}.part`;
  const state = { done: 0, total: source.total, ownerId: viewer.id };
  progress.set(input.jobId, state);
  try {
    // Loaded when first used: exceljs is not needed to start the console.
    const { openTableWriter } = await import('./writer');
    const out = openTableWriter(part, input.format, zone, source.tables.length > 1);
    for (const table of source.tables) {
      await out.begin(table.name, table.columns);
      for (const batch of table.batches()) {
        for (const row of batch) await out.row(row.values, row.kinds);
        state.done += batch.length;
        // A turn for the event loop: other requests (this export's progress) are answered meanwhile.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    await out.close();
    fs.renameSync(part, file);
  } catch (e) {
    fs.rmSync(part, { force: true });
    throw e;
  } finally {
    progress.delete(input.jobId);
  }
  const fileName = `${source.baseName}.${input.format}`;
  held.set(fileId, { file, fileName, ownerId: viewer.id, createdAt: ctx.now() });
  ctx.audit.add(ctx.now(), viewer.id, 'export.sheet', input.request.kind, { format: input.format, rows: state.done, request: input.request });
  return { fileId, fileName, rows: state.done, bytes: fs.statSync(file).size };
}

/** One chunk of an export file, for the person who made it; the file goes once its last chunk is read. */
export function sheetChunk(viewer: UserInfo, fileId: string, offset: number): SheetChunk {
  const h = held.get(fileId);
  if (!h || h.ownerId !== viewer.id || !fs.existsSync(h.file)) throw new DomainError('not_found', { what: 'export', id: fileId.slice(0, 8) });
  const fd = fs.openSync(h.file, 'r');
  let chunk: SheetChunk;
  try {
    const size = fs.fstatSync(fd).size;
    const buf = Buffer.alloc(Math.max(0, Math.min(SHEET_CHUNK_BYTES, size - offset)));
    fs.readSync(fd, buf, 0, buf.length, offset);
    const next = offset + buf.length < size ? offset + buf.length : null;
    chunk = { fileName: h.fileName, size, offset, data: buf.toString('base64'), next };
  } finally {
    fs.closeSync(fd);
  }
  if (chunk.next === null) {
    held.delete(fileId);
    fs.rmSync(h.file, { force: true });
  }
  return chunk;
}
