/**
 * 导出 from the page: the services write the file (every matching row, in
 * batches) while the page polls the progress, then the page fetches it in
 * chunks and saves it — the desktop's save dialog in Electron, a download in
 * a browser.
 */
import { call } from '../api/client';
import type { InputOf } from '../api/types';
import { fromBase64, saveBlob } from './save-file';

export type SheetRequest = InputOf<'sheets/export'>['request'];
export type SheetFormat = 'xlsx' | 'csv';
export type SheetOutcome = { kind: 'saved'; path: string | null; rows: number; fileName: string } | { kind: 'cancelled' };

const TYPES: Record<SheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
};

function jobId(): string {
  return `sheet-${crypto.randomUUID()}`;
}

export async function exportSheet(
  request: SheetRequest,
  format: SheetFormat,
  locale: 'zh-CN' | 'en',
  onProgress: (done: number, total: number) => void,
): Promise<SheetOutcome> {
  const id = jobId();
  let finished = false;
  const written = call('sheets/export', { jobId: id, format, locale, request }).finally(() => {
    finished = true;
  });
  // Ask how far it has got until it is written (each answer arrives between two batches of rows).
  const poll = (async () => {
    while (!finished) {
      await new Promise((r) => setTimeout(r, 250));
      if (finished) break;
      const p = await call('sheets/progress', { jobId: id }).catch(() => null);
      if (p && !finished) onProgress(p.done, p.total);
    }
  })();
  const file = await written;
  await poll;
  onProgress(file.rows, file.rows);
  const parts: Array<Uint8Array<ArrayBuffer>> = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const chunk: { data: string; next: number | null } = await call('sheets/chunk', { fileId: file.fileId, offset });
    parts.push(fromBase64(chunk.data));
    offset = chunk.next;
  }
  const bridge = window.desk;
  if (bridge?.saveFile) {
    const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    const r = await bridge.saveFile(file.fileName, bytes);
    return r.path ? { kind: 'saved', path: r.path, rows: file.rows, fileName: file.fileName } : { kind: 'cancelled' };
  }
  await saveBlob(parts, TYPES[format], file.fileName);
  return { kind: 'saved', path: null, rows: file.rows, fileName: file.fileName };
}
