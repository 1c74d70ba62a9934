/**
 * Print or save the report as a PDF. In Electron the main process renders
 * the page to an A4 PDF and saves it where the user chooses; in a browser the
 * browser's own print dialog does (its "Save as PDF" included). Either way
 * the print stylesheet lays the page out and the charts are redrawn at their
 * print size first.
 */
import { layoutForPrint, layoutForScreen } from './charts/registry';

export type PrintOutcome = { kind: 'saved'; path: string } | { kind: 'cancelled' } | { kind: 'browser' };

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * On <html> while Electron prints the PDF: its header template then carries
 * branch, period and page numbers, so the page's own running header (for the
 * browser's print, which has no page-number slots) stands aside (reports.css).
 */
export const PDF_PRINTING_CLASS = 'print-pdf';

/** `header`: the PDF's running header — title on the left, page words with {page} and {pages} on the right. */
export async function printReport(fileName: string, header: { title: string; pageLabel: string }): Promise<PrintOutcome> {
  const bridge = window.desk;
  if (!bridge?.printToPdf) {
    window.print(); // beforeprint / afterprint (or the print media query) resize the charts
    return { kind: 'browser' };
  }
  document.documentElement.classList.add(PDF_PRINTING_CLASS);
  layoutForPrint();
  await nextFrame();
  try {
    const r = await bridge.printToPdf(fileName, header);
    return r.path ? { kind: 'saved', path: r.path } : { kind: 'cancelled' };
  } finally {
    document.documentElement.classList.remove(PDF_PRINTING_CLASS);
    layoutForScreen();
  }
}
