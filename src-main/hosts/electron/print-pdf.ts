/**
 * Print the Reports page to a PDF (docs/REQUIREMENTS.md §5: the monthly report, saved from
 * the console): the page asks over PRINT_PDF_CHANNEL, main checks it is our
 * own window, asks where to save, and writes Chromium's A4 rendering of the
 * page with its print stylesheet (reports.css lays out tiles and charts).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { App, BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { PRINT_PDF_CHANNEL } from '../../api/bridge';

export interface PrintPdfOptions {
  isTrusted(event: IpcMainInvokeEvent): boolean;
  /** Where to write; null when the user cancels. */
  chooseFile(contents: WebContents, suggestedName: string): Promise<string | null>;
  writeFile(file: string, data: Buffer): Promise<void>;
}

/** A4 portrait with backgrounds (tile colours); the page's @page rule sets the margins. */
export const PDF_OPTIONS = { pageSize: 'A4', landscape: false, printBackground: true, preferCSSPageSize: true } as const;

/** A plain file name: no folders, no characters Windows refuses, ending in .pdf. */
export function safePdfName(name: unknown): string {
  const plain = [...path.basename(String(name ?? ''))].map((ch) => (ch < ' ' || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('');
  const base = plain.slice(0, 120) || 'report';
  return base.toLowerCase().endsWith('.pdf') ? base : `${base}.pdf`;
}

export function registerPrintToPdf(ipcMain: Pick<IpcMain, 'handle'>, opts: PrintPdfOptions): void {
  ipcMain.handle(PRINT_PDF_CHANNEL, async (event, suggestedName: unknown) => {
    if (!opts.isTrusted(event)) throw new Error('refused');
    const file = await opts.chooseFile(event.sender, safePdfName(suggestedName));
    if (!file) return { path: null };
    const data = await event.sender.printToPDF(PDF_OPTIONS);
    await opts.writeFile(file, data);
    return { path: file };
  });
}

/** The real save dialog (in the user's Documents folder) and file write. */
export function saveWithDialog(
  dialog: Pick<Dialog, 'showSaveDialog'>,
  app: Pick<App, 'getPath'>,
  windowOf: (contents: WebContents) => BrowserWindow | null = () => null,
): Pick<PrintPdfOptions, 'chooseFile' | 'writeFile'> {
  return {
    async chooseFile(contents, suggestedName) {
      const options = { defaultPath: path.join(app.getPath('documents'), suggestedName), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
      const win = windowOf(contents);
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
    writeFile: (file, data) => fs.writeFile(file, data),
  };
}
