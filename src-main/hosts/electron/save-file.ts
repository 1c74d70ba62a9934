/**
 * Saving a file the console made on the desktop — an export (导出: XLSX or
 * CSV), the month's 上报 bundle (ZIP), the branch's public key (PEM): the page
 * hands main the file's bytes over SAVE_FILE_CHANNEL, main checks it is our
 * own window and a kind it knows, asks where to save in the system's save
 * dialog (starting in Documents; a folder or a removable disk), and writes it
 * under a temporary name, then renames, so a disk pulled out half-way leaves
 * no file that passes for the bundle. In a browser the same file is an
 * ordinary download.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { App, BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { SAVE_FILE_CHANNEL } from '../../api/bridge';

const KINDS = {
  xlsx: { name: 'Excel', extensions: ['xlsx'] },
  csv: { name: 'CSV', extensions: ['csv'] },
  zip: { name: 'ZIP', extensions: ['zip'] },
  pem: { name: 'PEM', extensions: ['pem'] },
} as const;

/** Far above a month's bundle (tens of MB): more is not a file of ours. */
export const MAX_SAVE_BYTES = 1 << 30;
export type SavedKind = keyof typeof KINDS;

export interface SaveFileOptions {
  isTrusted(event: IpcMainInvokeEvent): boolean;
  /** Where to write; null when the user cancels. */
  chooseFile(contents: WebContents, suggestedName: string, kind: SavedKind): Promise<string | null>;
  writeFile(file: string, data: Uint8Array): Promise<void>;
}

/** A plain file name (no folders, no characters Windows refuses) and its kind; null for any other kind of file. */
export function safeExportName(name: unknown): { name: string; kind: SavedKind } | null {
  const plain = [...path.basename(String(name ?? ''))].map((ch) => (ch < ' ' || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('').slice(-120);
  const kind = /\.(xlsx|csv|zip|pem)$/i.exec(plain)?.[1]?.toLowerCase() as SavedKind | undefined;
  return kind && plain.length > kind.length + 1 ? { name: plain, kind } : null;
}

export function registerSaveFile(ipcMain: Pick<IpcMain, 'handle'>, opts: SaveFileOptions): void {
  ipcMain.handle(SAVE_FILE_CHANNEL, async (event, suggestedName: unknown, data: unknown) => {
    if (!opts.isTrusted(event)) throw new Error('refused');
    const safe = safeExportName(suggestedName);
    if (!safe || !(data instanceof Uint8Array) || data.byteLength > MAX_SAVE_BYTES) throw new Error('refused');
    const file = await opts.chooseFile(event.sender, safe.name, safe.kind);
    if (!file) return { path: null };
    await opts.writeFile(file, data);
    return { path: file };
  });
}

/** The real save dialog, offering only the file's own kind, and an all-or-nothing write. */
export function exportSaveDialog(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  app: Pick<App, 'getPath'>,
  windowOf: (contents: WebContents) => BrowserWindow | null = () => null,
): Pick<SaveFileOptions, 'chooseFile' | 'writeFile'> {
  return {
    async chooseFile(contents, suggestedName, kind) {
      const options = { defaultPath: path.join(app.getPath('documents'), suggestedName), filters: [{ ...KINDS[kind], extensions: [...KINDS[kind].extensions] }] };
      const win = windowOf(contents);
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    async writeFile(file, data) {
      const tmp = `${file}.${process.pid}.part`;
      try {
        await fs.writeFile(tmp, data);
        await fs.rename(tmp, file);
      } catch (e) {
        await fs.rm(tmp, { force: true });
        throw e;
      }
    },
  };
}
