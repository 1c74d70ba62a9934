/**
 * The month report on paper: the Reports page printed to an A4 portrait PDF
 * the way the console's 打印 / 另存为 PDF does in Electron (print media, the
 * charts redrawn at print size, Chromium's printToPDF with the header template
 * of hosts/electron/print-pdf.ts), each page rendered to a PNG with pdftoppm,
 * and each chart's area checked for ink. Then the browser's own print (no
 * template): the page's running header on every page. Keeps the pages in
 * test-results/report-print/ and the first two as docs/screenshots/report-print-N.png
 * (when DESK_SCREENSHOTS_DIR says so).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, workstation } from './support/browser';
import { WEB_DIR, screenshotPath, startConsole, type TestConsole } from './support/console';
import { findPhrase, inkShare, pageText, readPdf, type PdfPage } from './support/pdf-pages';
import { BRANCH_ADMIN, SetupPage } from './pages/AuthPages';
import { ShellPage } from './pages/ShellPage';
import { ReportsPage } from './pages/ReportsPage';
import { printAsElectron } from './support/print-as-electron';

const OUT = path.resolve(WEB_DIR, '../../test-results/report-print');
/** 12 mm side margins (reports.css @page), in PDF points. */
const MARGIN = (12 / 25.4) * 72;
/** A chart's print height (charts/registry.ts PRINT_SIZE), 215 CSS px, in points. */
const CHART_HEIGHT = 215 * 0.75;
const CHARTS = [
  { title: '每日投诉量与月内分布', noteBelowTitle: true, wholeMonth: true },
  { title: '超时工单（按受理日期）', noteBelowTitle: false, wholeMonth: true },
  { title: '投诉类别排列图', noteBelowTitle: false, wholeMonth: false },
  { title: '受理渠道构成', noteBelowTitle: false, wholeMonth: false },
  { title: '各部门处理时长对比', noteBelowTitle: false, wholeMonth: false },
  { title: '投诉到达时段（星期×小时）', noteBelowTitle: false, wholeMonth: false },
] as const;

describe('the month report printed on A4', () => {
  let desk: TestConsole;
  let browser: Browser;
  let page: Page;
  let pages: PdfPage[];
  let title: string;
  const errors: string[] = [];

  beforeAll(async () => {
    desk = await startConsole();
    browser = await launchChromium();
    page = await (await workstation(browser)).newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(desk.url);
    await new SetupPage(page).createAdmin({ ...BRANCH_ADMIN, loadDemo: true });
    await new ShellPage(page).currentUser.waitFor();
    await new ShellPage(page).go('reports');
    const reports = new ReportsPage(page);
    await reports.settled();
    // Last month: a whole month of demo data, 28–31 days on the daily charts.
    await reports.previousMonth();
    await reports.settled();
    title = (await page.getByTestId('print-running-head').textContent())!;
    fs.rmSync(OUT, { recursive: true, force: true });
    fs.mkdirSync(OUT, { recursive: true });
    fs.writeFileSync(path.join(OUT, 'report.pdf'), await printAsElectron(page, { title, pageLabel: '第 {page} / {pages} 页' }));
    pages = readPdf(path.join(OUT, 'report.pdf'), OUT);
    for (const n of [1, 2]) fs.copyFileSync(path.join(OUT, `page-${n}.png`), screenshotPath(`report-print-${n}`));
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  it('is four A4 portrait pages, each headed with branch, month and its page number', () => {
    expect(title).toMatch(/^佛山禅城分公司 投诉分析报表 · \d{4}-\d{2} 月报（\d{4}-\d{2}-01 至 \d{4}-\d{2}-\d{2}） · 全分公司$/);
    expect(pages).toHaveLength(4);
    for (const p of pages) {
      expect(p.width).toBeCloseTo(595, 0); // A4 portrait: 210 × 297 mm
      expect(p.height).toBeCloseTo(842, 0);
      const text = pageText(p);
      expect(text, `page ${p.number}`).toContain(title.replace(/\s/g, ''));
      expect(text, `page ${p.number}`).toContain(`第${p.number}/4页`);
    }
  });

  it('puts each section on its own page, with no developer file named', () => {
    const pageOf = (phrase: string) => findPhrase(pages, phrase)?.page.number;
    expect(pageOf('投诉总量')).toBe(1);
    expect(pageOf('每日投诉量与月内分布')).toBe(1);
    expect(pageOf('超时工单（按受理日期）')).toBe(1);
    expect(pageOf('投诉类别排列图')).toBe(2);
    expect(pageOf('受理渠道构成')).toBe(2);
    expect(pageOf('各部门处理时长对比')).toBe(2);
    expect(pageOf('投诉到达时段')).toBe(3);
    expect(pageOf('退费/赔付')).toBe(3);
    // Quality control, the last page: the QC studies' measures and the breach causes' Pareto.
    expect(pageOf('QC课题指标')).toBe(4);
    expect(pageOf('工单堆积率')).toBe(4);
    expect(pageOf('超时原因排列图')).toBe(4);
    expect(pages.map(pageText).join('')).not.toMatch(/docs\/|KPIS\.md/);
  });

  it('draws every chart: ink under each title, and the daily charts reach the end of the month', () => {
    const width = pages[0]!.width - 2 * MARGIN;
    for (const c of CHARTS) {
      const found = findPhrase(pages, c.title);
      expect(found, c.title).not.toBeNull();
      const { page: p, word } = found!;
      const top = word.y + word.h + (c.noteBelowTitle ? 14 : 2);
      const box = { x: MARGIN, y: top, w: width, h: CHART_HEIGHT };
      expect(inkShare(p, box), c.title).toBeGreaterThan(0.04);
      if (c.wholeMonth) {
        // The last sixth of the plot: the month's last five days have bars (the demo data has tickets every day).
        const lastDays = { x: MARGIN + width * 0.8, y: top + 30, w: width * 0.17, h: CHART_HEIGHT - 60 };
        expect(inkShare(p, lastDays), `${c.title}: the month's last days`).toBeGreaterThan(0.04);
      }
    }
    expect(errors).toEqual([]);
  });

  it('the browser’s own print repeats the running header on every page', async () => {
    fs.writeFileSync(path.join(OUT, 'browser.pdf'), await printAsElectron(page, undefined));
    const plain = readPdf(path.join(OUT, 'browser.pdf'), path.join(OUT, 'browser'));
    expect(plain.length).toBeGreaterThanOrEqual(3);
    for (const p of plain) expect(pageText(p), `page ${p.number}`).toContain(title.replace(/\s/g, ''));
    // The charts are back at their screen size afterwards.
    const box = (await page.getByTestId('chart-trend').locator('canvas').first().boundingBox())!;
    expect(box.width).toBeGreaterThan(900);
  });
});
