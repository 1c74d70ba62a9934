/** Printing the Reports page to a PDF: our window only, where the user chooses, A4 with backgrounds. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as stub from './electron-stub';
import { PRINT_PDF_CHANNEL, type DeskBridge } from '../../../src-main/api/bridge';
import { PDF_OPTIONS, headerTemplate, pdfOptions, registerPrintToPdf, safePdfName, saveWithDialog } from '../../../src-main/hosts/electron/print-pdf';

vi.mock('electron', () => import('./electron-stub'));

beforeEach(() => stub.resetStub());

function setup(choice: string | null = '/home/sup/报表-2026-10.pdf') {
  const written: Array<[string, Buffer]> = [];
  const chooseFile = vi.fn(async () => choice);
  registerPrintToPdf(stub.ipcMain as never, {
    isTrusted: (e) => (e.sender as unknown as { id: number }).id === 7,
    chooseFile,
    writeFile: async (file, data) => void written.push([file, data]),
  });
  const printToPDF = vi.fn(async () => Buffer.from('%PDF-1.7'));
  const invoke = (name: unknown, header?: unknown, senderId = 7) =>
    Promise.resolve(stub.ipcMain.handlers.get(PRINT_PDF_CHANNEL)!({ sender: { id: senderId, printToPDF } }, name, header));
  return { written, chooseFile, printToPDF, invoke };
}

describe('print to PDF', () => {
  it('asks where, prints the calling page as A4 with backgrounds, and writes it there', async () => {
    const { written, chooseFile, printToPDF, invoke } = setup();
    await expect(invoke('报表-2026-10')).resolves.toEqual({ path: '/home/sup/报表-2026-10.pdf' });
    expect(chooseFile).toHaveBeenCalledWith(expect.anything(), '报表-2026-10.pdf');
    expect(printToPDF).toHaveBeenCalledWith(PDF_OPTIONS);
    expect(PDF_OPTIONS).toMatchObject({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(written).toEqual([['/home/sup/报表-2026-10.pdf', Buffer.from('%PDF-1.7')]]);
  });

  it('does nothing when the user cancels, and refuses a page that is not ours', async () => {
    const cancelled = setup(null);
    await expect(cancelled.invoke('r')).resolves.toEqual({ path: null });
    expect(cancelled.printToPDF).not.toHaveBeenCalled();
    stub.resetStub();
    const other = setup();
    await expect(other.invoke('r', undefined, 99)).rejects.toThrow('refused');
    expect(other.written).toEqual([]);
  });

  it('heads every page with the page’s words and Chromium’s page numbers, the words as text, never markup', async () => {
    const { printToPDF, invoke } = setup();
    const header = { title: '禅城分公司 投诉分析报表 · 2026-10', pageLabel: '第 {page} / {pages} 页' };
    await invoke('报表', header);
    expect(printToPDF).toHaveBeenCalledWith({ ...PDF_OPTIONS, displayHeaderFooter: true, headerTemplate: headerTemplate(header.title, header.pageLabel), footerTemplate: '<span></span>' });
    const html = headerTemplate('<img src=x onerror=alert(1)> & 分公司', '第 {page} / {pages} 页');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; 分公司');
    expect(html).not.toContain('<img');
    expect(html).toContain('第 <span class="pageNumber"></span> / <span class="totalPages"></span> 页');
    // A header that is not two strings is left out rather than printed half.
    expect(pdfOptions(undefined)).toBe(PDF_OPTIONS);
  });

  it('keeps a suggested name a plain file name', () => {
    expect(safePdfName('../../etc/passwd')).toBe('passwd.pdf');
    expect(safePdfName('a:b*c?.PDF')).toBe('a_b_c_.PDF');
    expect(safePdfName('')).toBe('report.pdf');
  });

  it('the real dialog starts in Documents and only offers PDF', async () => {
    const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: '/docs/x.pdf' }));
    const save = saveWithDialog({ showSaveDialog } as never, { getPath: () => '/docs' } as never);
    await expect(save.chooseFile({} as never, 'x.pdf')).resolves.toBe('/docs/x.pdf');
    expect(showSaveDialog).toHaveBeenCalledWith({ defaultPath: '/docs/x.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] });
  });

  it('the preload hands the page a printToPdf that goes over the print channel', async () => {
    vi.resetModules();
    await import('../../../src-main/hosts/electron/preload');
    const desk = stub.contextBridge.exposed.get('desk') as DeskBridge;
    await desk.printToPdf!('报表');
    expect(stub.ipcRenderer.invoke).toHaveBeenCalledWith(PRINT_PDF_CHANNEL, '报表', undefined);
    await desk.printToPdf!('报表', { title: '禅城', pageLabel: '第 {page} 页' });
    expect(stub.ipcRenderer.invoke).toHaveBeenLastCalledWith(PRINT_PDF_CHANNEL, '报表', { title: '禅城', pageLabel: '第 {page} 页' });
  });
});
