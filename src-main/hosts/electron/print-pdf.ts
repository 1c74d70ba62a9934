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

/** Where Chromium writes the page numbers into a header template. */
export const PAGE_SLOTS = { page: '{page}', pages: '{pages}' } as const;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * The running header of every PDF page (CSS @page margin boxes do not print
 * in Chromium): the page's own words on the left (branch, report, period),
 * its page-number words on the right with {page} and {pages} where Chromium
 * puts the numbers. The page's words are text, never markup. Templates are
 * drawn at their own small scale: sizes are set here, not by the page.
 */
export function headerTemplate(title: string, pageLabel: string): string {
  const numbers = escapeHtml(pageLabel.slice(0, 60))
    .replace(PAGE_SLOTS.page, '<span class="pageNumber"></span>')
    .replace(PAGE_SLOTS.pages, '<span class="totalPages"></span>');
  return (
    '<div style="box-sizing:border-box;width:100%;padding:0 12mm;display:flex;justify-content:space-between;' +
    "font-family:'Microsoft YaHei','PingFang SC','Noto Sans CJK SC',sans-serif;font-size:8px;color:#555\">" +
    `<span>${escapeHtml(title.slice(0, 200))}</span><span>${numbers}</span></div>`
  );
}

/** What the page asks for: its file name, and the header's words (absent: no header, as before). */
export interface PdfRequest {
  suggestedName: string;
  header?: { title: string; pageLabel: string } | undefined;
}

export function pdfOptions(header: PdfRequest['header']) {
  if (!header) return PDF_OPTIONS;
  return { ...PDF_OPTIONS, displayHeaderFooter: true, headerTemplate: headerTemplate(header.title, header.pageLabel), footerTemplate: '<span></span>' };
}

function headerOf(raw: unknown): PdfRequest['header'] {
  if (!raw || typeof raw !== 'object') return undefined;
  const { title, pageLabel } = raw as Record<string, unknown>;
  return typeof title === 'string' && typeof pageLabel === 'string' ? { title, pageLabel } : undefined;
}

/** A plain file name: no folders, no characters Windows refuses, ending in .pdf. */
export function safePdfName(name: unknown): string {
  const plain = [...path.basename(String(name ?? ''))].map((ch) => (ch < ' ' || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('');
  const base = plain.slice(0, 120) || 'report';
  return base.toLowerCase().endsWith('.pdf') ? base : `${base}.pdf`;
}

export function registerPrintToPdf(ipcMain: Pick<IpcMain, 'handle'>, opts: PrintPdfOptions): void {
  ipcMain.handle(PRINT_PDF_CHANNEL, async (event, suggestedName: unknown, header: unknown) => {
    if (!opts.isTrusted(event)) throw new Error('refused');
    const file = await opts.chooseFile(event.sender, safePdfName(suggestedName));
    if (!file) return { path: null };
    const data = await event.sender.printToPDF(pdfOptions(headerOf(header)));
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
