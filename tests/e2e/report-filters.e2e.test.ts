/**
 * The report's category filter lists each sub-category under its own parent
 * (资费计费/多收费 once sat under 网络质量), and a period with data for only
 * part of its days says so (the demo data: six months ending today).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, workstation } from './support/browser';
import { screenshotPath, startConsole, type TestConsole } from './support/console';
import { BRANCH_ADMIN, SetupPage } from './pages/AuthPages';
import { ShellPage } from './pages/ShellPage';
import { ReportsPage } from './pages/ReportsPage';

describe('report filters and partial periods', () => {
  let desk: TestConsole;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    desk = await startConsole();
    browser = await launchChromium();
    page = await (await workstation(browser)).newPage();
    await page.goto(desk.url);
    await new SetupPage(page).createAdmin({ ...BRANCH_ADMIN, loadDemo: true });
    await new ShellPage(page).currentUser.waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  it('the category filter lists each sub-category under its own parent', async () => {
    await page.goto(`${desk.url}#/reports`);
    const reports = new ReportsPage(page);
    await reports.settled();
    const options = await page.getByTestId('filter-category').locator('option').allTextContents();
    let parent = '';
    const under: Record<string, string> = {};
    for (const o of options.slice(1)) {
      if (!o.startsWith('\u3000')) parent = o;
      else under[o.trim()] = parent;
    }
    expect(under['资费计费/多收费']).toBe('资费计费');
    expect(under['网络质量/信号覆盖']).toBe('网络质量');
    for (const [path, p] of Object.entries(under)) expect(path.startsWith(`${p}/`)).toBe(true);
  });

  it('a 同比 before the first ticket is said to have no data', async () => {
    const reports = new ReportsPage(page);
    await reports.settled();
    const note = page.getByTestId('coverage-note');
    await note.waitFor();
    expect(await page.getByTestId('coverage-lastYear').innerText()).toMatch(/^同比期 .* 早于首张工单，没有数据，无法同比。$/);

  });

  it('the month the data begins in: its 环比 has no data, and the next month’s 环比 covers only part of its days', async () => {
    // The demo's first ticket is six months back: find its month from the note on a month five back.
    const reports = new ReportsPage(page);
    for (let i = 0; i < 5; i++) {
      await reports.previousMonth();
      await reports.settled();
    }
    const previous = page.getByTestId('coverage-previous');
    await previous.waitFor();
    expect(await previous.innerText()).toMatch(/^环比期 .* 只有 \d+ \/ \d+ 天的数据（\d{4}-\d{2}-\d{2} 起，早于此无工单记录），环比仅供参考。$/);
    // The tiles' 环比 lines carry the mark.
    expect(await reports.tile('resolutionRate').locator('.kpi-change.partial').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('report-partial-periods') });
  });
});
