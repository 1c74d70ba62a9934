/**
 * The charts on screen, so that printing can draw each at its print size first:
 * a canvas keeps the pixel size it was last drawn at, whatever the print
 * stylesheet says about its box.
 */
import type { ECharts } from './echarts';

const charts = new Set<ECharts>();

/** Width and height of a chart on an A4 page (CSS px at 96 dpi, inside 12 mm margins): see reports.css. */
export const PRINT_SIZE = { width: 700, height: 210 } as const;

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

// The browser's own print (Ctrl+P, window.print) announces itself with these.
window.addEventListener('beforeprint', layoutForPrint);
window.addEventListener('afterprint', layoutForScreen);
