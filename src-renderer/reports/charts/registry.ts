/**
 * The charts on screen, so that printing can draw each at its print size first:
 * a canvas keeps the pixel size it was last drawn at, whatever the print
 * stylesheet says about its box.
 */
import type { ECharts } from './echarts';

const charts = new Set<ECharts>();

/**
 * Width and height of a chart on an A4 page (CSS px at 96 dpi): the page is
 * 186 mm (703 px) inside its 12 mm margins, less the panel's border and padding;
 * see reports.css.
 */
export const PRINT_SIZE = { width: 680, height: 215 } as const;

export function register(chart: ECharts): () => void {
  charts.add(chart);
  return () => charts.delete(chart);
}

export function layoutForPrint(): void {
  for (const c of charts) c.resize({ width: PRINT_SIZE.width, height: PRINT_SIZE.height, animation: { duration: 0 } });
}

export function layoutForScreen(): void {
  for (const c of charts) c.resize({ width: 'auto', height: 'auto', animation: { duration: 0 } });
}

// The browser's own print (Ctrl+P, window.print) announces itself with these;
// the print media query as well, which some print previews change without them.
window.addEventListener('beforeprint', layoutForPrint);
window.addEventListener('afterprint', layoutForScreen);
window.matchMedia?.('print').addEventListener?.('change', (e) => (e.matches ? layoutForPrint() : layoutForScreen()));
