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

export async function printReport(fileName: string): Promise<PrintOutcome> {
  const bridge = window.desk;
  if (!bridge?.printToPdf) {
    window.print(); // beforeprint / afterprint resize the charts
    return { kind: 'browser' };
  }
  layoutForPrint();
  await nextFrame();
  try {
    const r = await bridge.printToPdf(fileName);
    return r.path ? { kind: 'saved', path: r.path } : { kind: 'cancelled' };
  } finally {
    layoutForScreen();
  }
}
