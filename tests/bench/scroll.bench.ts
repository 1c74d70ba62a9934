/**
 * The ticket list in Chromium (the web host as `complaint-desk serve` runs it,
 * Debian's /usr/bin/chromium driven by playwright-core): scroll the grid from
 * the top to row 200,000 and back, the way a scrollbar drag does — each step
 * jumps 5,000 rows (4,000 with --quick, to row 12,000) and waits until the rows in view have their data. Prints
 * the rows passed per second and the longest frame (requestAnimationFrame gaps
 * in the page), and fails if the DOM ever holds more than MAX_DOM_ROWS rows
 * (the grid must render only what is near the viewport, however far it goes).
 *
 *   npx tsx tests/bench/scroll.bench.ts --db /tmp/bench-1m.db [--quick]
 */
import { launchChromium } from '../e2e/support/browser';
import { LoginPage } from '../e2e/pages/AuthPages';
import { BENCH_USER, scratchCopy } from './lib/bench-db';
import { benchOptions, figure, loadLine, under } from './lib/figures';
import { startHost } from './lib/host';

const opts = benchOptions();
// The host writes (sessions, audit, alerts, its daily backup beside the file): it runs on a copy.
const scratch = scratchCopy(opts.db ?? '/tmp/bench-1m.db');
const file = scratch.file;
/** Rows in the DOM at most: a screen of rows plus the grid's buffer is a few dozen; a few hundred is the bound. */
const MAX_DOM_ROWS = 300;
/** The grid's scrolling element, as much of it as the bench touches (the bench compiles without the DOM's types). */
interface ScrollBox {
  scrollTop: number;
  scrollHeight: number;
  dataset: Record<string, string>;
}
const STEP = opts.quick ? 4_000 : 5_000;

console.log(`scrolling the ticket list in Chromium on ${file}; ${loadLine()}`);
const host = await startHost(file);
const browser = await launchChromium();
try {
  // The page's CSP forbids evaluating text; the bench's own probes are text (see below), so the context bypasses it.
  const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', bypassCSP: true })).newPage();
  page.setDefaultTimeout(60_000);
  await page.goto(host.url);
  await new LoginPage(page).login(BENCH_USER.username, BENCH_USER.password);
  await page.goto(`${host.url}/#/tickets`);
  const total = Number(await page.locator('[data-testid="tickets-total"]:not([data-total=""])').getAttribute('data-total'));
  // --quick goes to row 12,000 (three steps each way): the DOM bound and the rate, at a CI-sized cost.
  const target = Math.min(opts.quick ? 12_000 : 200_000, Math.floor((total - 100) / STEP) * STEP);
  const viewport = page.locator('[data-testid="tickets-grid"] .ag-grid-viewport');
  await page.locator('[data-testid="tickets-grid"] .ag-row[row-index="0"]:not(.ag-row-loading)').waitFor();

  // Frame gaps and DOM rows, recorded in the page for the whole run. (Passed as text: tsx would wrap
  // named functions in a helper the page does not have.)
  await page.evaluate(`(() => {
    const w = window;
    w.benchFrames = [];
    w.benchMaxRows = 0;
    w.benchStop = false;
    let last = performance.now();
    const tick = (t) => {
      w.benchFrames.push(t - last);
      last = t;
      w.benchMaxRows = Math.max(w.benchMaxRows, document.querySelectorAll('[data-testid="tickets-grid"] .ag-row').length);
      if (!w.benchStop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);

  /** Scroll so that `row` is at the top, and wait until the rows in view are loaded. */
  const scrollTo = async (row: number) => {
    await viewport.evaluate((el, r) => {
      // The grid maps rows onto the scroll height linearly (it scales it when a million rows would be too tall).
      const grid = el as unknown as ScrollBox;
      grid.scrollTop = (r / Number(grid.dataset.benchTotal)) * grid.scrollHeight;
    }, row);
    await page.waitForFunction(
      `(() => {
        const rows = [...document.querySelectorAll('[data-testid="tickets-grid"] .ag-row[row-index]')];
        const view = document.querySelector('[data-testid="tickets-grid"] .ag-grid-viewport').getBoundingClientRect();
        const visible = rows.filter((r) => {
          const b = r.getBoundingClientRect();
          return b.bottom > view.top && b.top < view.bottom;
        });
        return visible.length > 0 && visible.every((r) => !r.classList.contains('ag-row-loading'));
      })()`,
      undefined,
      { polling: 'raf' },
    );
    return Number(await page.locator('[data-testid="tickets-grid"] .ag-row[row-index]:not(.ag-row-loading)').first().getAttribute('row-index'));
  };
  await viewport.evaluate((el, n) => ((el as unknown as ScrollBox).dataset.benchTotal = String(n)), total);

  const t0 = performance.now();
  let reached = 0;
  for (let r = STEP; r <= target; r += STEP) {
    reached = Math.max(reached, await scrollTo(r));
    if (process.env.BENCH_TRACE) console.log(`  row ${r} at ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    if (r % 50_000 === 0) console.log(`  row ${r.toLocaleString('en-US')} after ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const downMs = performance.now() - t0;
  const t1 = performance.now();
  for (let r = target - STEP; r >= 0; r -= STEP) await scrollTo(r);
  const backAt = await scrollTo(0);
  const upMs = performance.now() - t1;

  const { frames, maxRows } = (await page.evaluate('(() => { window.benchStop = true; return { frames: window.benchFrames, maxRows: window.benchMaxRows }; })()')) as {
    frames: number[];
    maxRows: number;
  };
  const longest = Math.max(...frames.slice(1));
  const rowsPerS = (2 * target) / ((downMs + upMs) / 1000);
  figure('scroll.rows_per_s', rowsPerS, 'rows/s', { note: `0 → ${target.toLocaleString('en-US')} (reached row ${reached.toLocaleString('en-US')}) in ${(downMs / 1000).toFixed(1)} s, back to row ${backAt} in ${(upMs / 1000).toFixed(1)} s, steps of ${STEP} rows` });
  figure('scroll.longest_frame', longest, 'ms', { note: `${frames.length} frames` });
  figure('scroll.dom_rows_max', maxRows, 'rows', { targets: [under(maxRows, MAX_DOM_ROWS + 1, 'rows')] });
  if (maxRows > MAX_DOM_ROWS) throw new Error(`the grid held ${maxRows} rows in the DOM (bound ${MAX_DOM_ROWS})`);
  if (reached < target - STEP) throw new Error(`the scroll reached row ${reached}, not ${target}`);
} finally {
  await browser.close();
  await host.stop();
  scratch.dispose();
}
