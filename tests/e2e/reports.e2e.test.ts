/**
 * The Reports page on the demo data (~3000 tickets over six months): KPI
 * tiles with their changes, the six charts drawn, a click on the Pareto's
 * largest bar opening exactly those tickets, and the A4 print layout made into
 * a real PDF. Writes docs/screenshots/reports.png (when DESK_SCREENSHOTS_DIR
 * says so) and test-results/reports.pdf (look at it with pdftoppm).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, workstation } from './support/browser';
import { WEB_DIR, screenshotPath, startConsole, type TestConsole } from './support/console';
import { BRANCH_ADMIN, SetupPage } from './pages/AuthPages';
import { ShellPage } from './pages/ShellPage';
import { TicketsPage } from './pages/TicketsPage';
import { CHARTS, ReportsPage } from './pages/ReportsPage';

interface DashboardAnswer {
  ok: boolean;
  value: {
    report: { total: number; byCategory: Array<{ name: string; count: number }>; breaches: { first_response: number; resolution: number; follow_up: number } };
    charts: { daily: Array<{ day: string; count: number }>; heat: number[][] };
  };
}

describe('the Reports page over the demo data', () => {
  let desk: TestConsole;
  let browser: Browser;
  let page: Page;
  let reports: ReportsPage;
  let answer: DashboardAnswer['value'];
  const problems: string[] = [];

  beforeAll(async () => {
    desk = await startConsole();
    browser = await launchChromium();
    page = await (await workstation(browser)).newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(m.text());
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(desk.url)) problems.push(`request outside the console: ${r.url()}`);
    });
    await page.goto(desk.url);
    await new SetupPage(page).createAdmin({ ...BRANCH_ADMIN, loadDemo: true });
    await new ShellPage(page).currentUser.waitFor();
    reports = new ReportsPage(page);
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  it('the start page shows this month’s numbers, timeliness against its 90 % target', async () => {
    const gauge = page.locator('[data-testid="today-timeliness"]:not([data-value=""])');
    await gauge.waitFor();
    const rate = Number(await gauge.getAttribute('data-value'));
    expect(rate).toBeGreaterThan(0);
    expect(rate).toBeLessThanOrEqual(1);
    await expect(gauge.textContent()).resolves.toMatch(/目标 ≥ 90%/);
    await page.getByTestId('today-numbers').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('today-numbers') });
  });

  it('opens from the nav rail on this month, then shows last month with tiles and changes', async () => {
    await new ShellPage(page).go('reports');
    await reports.settled();
    const last = page.waitForResponse((r) => r.url().endsWith('/api/reports/dashboard'));
    await reports.previousMonth();
    answer = ((await (await last).json()) as DashboardAnswer).value;
    await reports.settled();
    expect(answer.report.total).toBeGreaterThan(100);
    expect(await reports.tileValue('total')).toBe(answer.report.total);
    const timeliness = await reports.tileValue('timelinessRate');
    expect(timeliness).toBeGreaterThan(0);
    expect(timeliness).toBeLessThanOrEqual(1);
    await expect(reports.tile('timelinessRate').textContent()).resolves.toMatch(/目标 ≥ 90%/);
    await expect(reports.tile('total').textContent()).resolves.toMatch(/环比.*同比/s);
    // The breached tile counts tickets, its per-clock figures count missed clocks: the tile says they overlap.
    const b = answer.report.breaches;
    const overlap = reports.tile('breached').getByTestId('breach-overlap');
    expect(Number(await overlap.getAttribute('data-sum'))).toBe(b.first_response + b.resolution + b.follow_up);
    expect(await overlap.textContent()).toBe(`共超 ${(b.first_response + b.resolution + b.follow_up).toLocaleString('zh-CN')} 个时限：一张工单可超多个`);
  });

  it('draws the six charts on canvas, each with its legend', async () => {
    for (const id of CHARTS) {
      await expect(reports.chart(id).locator('canvas').count(), id).resolves.toBeGreaterThan(0);
      expect(await reports.canvasDrawn(id), id).toBe(true);
    }
    await expect(reports.chart('trend').getAttribute('aria-label')).resolves.toContain('每日投诉量');
    await expect(reports.chart('pareto').getAttribute('aria-label')).resolves.toMatch(/投诉量.*累计占比/);
    await expect(reports.chart('channels').getAttribute('aria-label')).resolves.toContain('10086热线');
    await expect(reports.chart('departments').getAttribute('aria-label')).resolves.toContain('平均处理时长（小时）');
    await expect(reports.chart('breaches').getAttribute('aria-label')).resolves.toMatch(/首次响应超时.*办结超时.*回访超时/);
    // Hovering the trend shows its tooltip, in the page's own DOM: the chart is live, not a picture.
    const box = (await reports.chart('trend').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page.getByText('每日投诉量', { exact: false }).last().isVisible()).resolves.toBe(true);
    // Away from the charts, and past the tooltip's hide delay, before the picture.
    await page.mouse.move(0, 0);
    await page.setViewportSize({ width: 1366, height: 1900 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: screenshotPath('reports') });
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  it('prints to an A4 PDF with the tiles and the charts', async () => {
    await page.emulateMedia({ media: 'print' });
    await page.evaluate("window.dispatchEvent(new Event('beforeprint'))");
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    await page.evaluate("window.dispatchEvent(new Event('afterprint'))");
    await page.emulateMedia({ media: 'screen' });
    fs.writeFileSync(path.resolve(WEB_DIR, '../../test-results/reports.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(4);
  });

  it('a click on the largest category opens exactly its tickets of that month', async () => {
    const largest = answer.report.byCategory[0]!;
    const box = (await reports.chart('pareto').boundingBox())!;
    const n = answer.report.byCategory.length;
    // The grid: 44 px left, 48 px right, 48 px bottom (charts/mixOptions.ts); the first bar's foot.
    const x = 44 + (box.width - 44 - 48) / n / 2;
    await reports.clickChart('pareto', x, box.height - 52);
    const list = new TicketsPage(page);
    await page.getByTestId('filter-chips').waitFor();
    await expect(page.getByTestId('filter-chips').textContent()).resolves.toContain(largest.name);
    await list.waitForTotal(largest.count);
  });

  it('a heat-map cell opens the tickets of that hour on those weekdays; a day of the trend, that day’s', async () => {
    const back = async () => {
      await page.goBack();
      await reports.settled();
    };
    await back();
    // The busiest cell: grid 44 px left, 16 px right, 8 px top, 64 px bottom (charts/timeOptions.ts); weekdays top to bottom.
    const heat = answer.charts.heat;
    const [w, h] = heat.flatMap((row, wi) => row.map((n, hi) => [wi, hi, n] as const)).reduce((a, b) => (b[2] > a[2] ? b : a));
    const box = (await reports.chart('heat').boundingBox())!;
    const cellW = (box.width - 44 - 16) / 24;
    const cellH = (box.height - 8 - 64) / 7;
    await reports.clickChart('heat', 44 + cellW * (h + 0.5), 8 + cellH * (w + 0.5));
    const list = new TicketsPage(page);
    await list.waitForTotal(heat[w]![h]!);
    await expect(page.getByTestId('filter-chips').textContent()).resolves.toMatch(new RegExp(`周[一二三四五六日] ${h} 时`));
    await back();
    const days = answer.charts.daily;
    const i = days.findIndex((d) => d.count === Math.max(...days.map((x) => x.count)));
    const trend = (await reports.chart('trend').boundingBox())!;
    await reports.clickChart('trend', 44 + ((trend.width - 44 - 16) / days.length) * (i + 0.5), trend.height - 32);
    await list.waitForTotal(days[i]!.count);
    expect(problems).toEqual([]);
  });
});
