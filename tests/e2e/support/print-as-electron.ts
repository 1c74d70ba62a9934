/**
 * What the console's 打印 / 保存 PDF does in Electron, done in headless
 * Chromium: print media, the PDF's class on <html>, the charts redrawn at
 * print size (beforeprint), then Chromium's PDF with the options and header
 * template of hosts/electron/print-pdf.ts. Without a header: the browser's
 * own print, whose running header is the page's.
 */
import type { Page } from 'playwright-core';
import { pdfOptions } from '../../../src-main/hosts/electron/print-pdf';

export async function printAsElectron(page: Page, header: { title: string; pageLabel: string } | undefined): Promise<Buffer> {
  await page.emulateMedia({ media: 'print' });
  if (header) await page.evaluate("document.documentElement.classList.add('print-pdf')");
  await page.evaluate("window.dispatchEvent(new Event('beforeprint'))");
  const o = pdfOptions(header);
  const pdf = await page.pdf({
    format: o.pageSize,
    landscape: o.landscape,
    printBackground: o.printBackground,
    preferCSSPageSize: o.preferCSSPageSize,
    ...('displayHeaderFooter' in o ? { displayHeaderFooter: true, headerTemplate: o.headerTemplate, footerTemplate: o.footerTemplate } : {}),
  });
  await page.evaluate("document.documentElement.classList.remove('print-pdf'); window.dispatchEvent(new Event('afterprint'))");
  await page.emulateMedia({ media: 'screen' });
  return pdf;
}
