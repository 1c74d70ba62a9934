/**
 * A supervisor's list (#17 item 3): Today's status tiles open the list with
 * their status, whether clicked or reached by changing the address while the
 * list is open; the filter bar adds assignee, department, district, category,
 * level, date range and repeat, each shown as a chip that removes it; the
 * columns fit a 1280×720 screen and no date is cut.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { screenshotPath, startConsole, type TestConsole } from './support/console';
import { BRANCH_ADMIN, SetupPage } from './pages/AuthPages';
import { ShellPage } from './pages/ShellPage';
import { TicketsPage } from './pages/TicketsPage';

interface ListCall {
  limit?: number;
  filter?: Record<string, unknown>;
}

describe('the ticket list filtered as a supervisor works', () => {
  let desk: TestConsole;
  let browser: Browser;
  let page: Page;
  const calls: ListCall[] = [];
  const lastGridFilter = () => calls.filter((c) => c.limit === 100).at(-1)?.filter;

  beforeAll(async () => {
    desk = await startConsole();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN', timezoneId: 'Europe/London' });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    page.on('request', (r) => {
      if (r.url().endsWith('/api/tickets/list')) calls.push(JSON.parse(r.postData() ?? '{}') as ListCall);
    });
    await page.goto(desk.url);
    await new SetupPage(page).createAdmin({ ...BRANCH_ADMIN, loadDemo: true });
    await new ShellPage(page).currentUser.waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  it('a status tile opens the list with that status, clicked or by changing the address', async () => {
    const list = new TicketsPage(page);
    const accepted = await list.counterValue('accepted');
    const fresh = await list.counterValue('new');
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).not.toBe(fresh);
    await list.counter('accepted').click();
    await list.waitForTotal(accepted);
    expect(lastGridFilter()).toEqual({ status: ['accepted'] });
    expect(await list.filterChip('status').innerText()).toContain('已受理');
    // The list is open; the address changes under it (a bookmark, the back button, a link elsewhere).
    await page.evaluate("window.location.hash = '#/tickets?status=new'");
    await list.waitForTotal(fresh);
    await page.goBack();
    await list.waitForTotal(accepted);
  });

  it('adds filters from the bar as chips, each removable on its own', async () => {
    // The list still shows the last test's filtered total until the unfiltered answer arrives: take the total from that answer.
    const unfiltered = page.waitForResponse((r) => {
      if (!r.url().endsWith('/api/tickets/list')) return false;
      const body = JSON.parse(r.request().postData() ?? '{}') as ListCall;
      return body.limit === 100 && Object.keys(body.filter ?? {}).length === 0;
    });
    await page.evaluate("window.location.hash = '#/tickets'");
    const all = ((await (await unfiltered).json()) as { value: { total: number } }).value.total;
    const list = new TicketsPage(page);
    await list.waitForTotal(all);
    await list.pick('dept', '网络部');
    await expect.poll(lastGridFilter).toEqual({ department: '网络部' });
    await expect.poll(() => list.total()).toBeLessThan(all);
    await list.pick('level', '普通');
    await list.pick('repeat', '非重复');
    await list.pick('district', '禅城区');
    await expect.poll(lastGridFilter).toEqual({ department: '网络部', level: ['normal'], repeat: false, district: '禅城区' });
    await page.getByTestId('pick-from').fill('2026-01-01');
    await expect.poll(() => lastGridFilter()?.receivedFrom).toBeTypeOf('number');
    expect(await list.filterChip('range').innerText()).toContain('2026-01-01');
    await page.screenshot({ path: screenshotPath('tickets-filtered') });
    // Each chip removes its own filter and leaves the rest.
    await list.filterChip('district').getByRole('link').click();
    await expect.poll(() => lastGridFilter()?.district).toBeUndefined();
    expect(lastGridFilter()).toMatchObject({ department: '网络部', level: ['normal'], repeat: false });
    await page.getByTestId('clear-filters').click();
    await list.waitForTotal(all);
  });

  it('Today’s team panel counts each colleague’s open tickets and opens them; ticked tickets transfer together', async () => {
    await page.evaluate("window.location.hash = '#/today'");
    const panel = page.getByTestId('team-panel');
    const first = panel.locator('tbody tr').first();
    await first.getByTestId('team-open').waitFor();
    const open = Number((await first.getByTestId('team-open').innerText()).replace(/,/g, ''));
    expect(open).toBeGreaterThan(0);
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('today-team'), fullPage: true });
    await first.getByTestId('team-open').click();
    const list = new TicketsPage(page);
    await list.waitForTotal(open);
    expect(lastGridFilter()).toMatchObject({ open: true });
    // Tick two tickets, transfer them to 网络部 together.
    await list.rows.nth(0).locator('.ag-selection-checkbox input').check();
    await list.rows.nth(1).locator('.ag-selection-checkbox input').check();
    const bar = page.getByTestId('batch-transfer');
    await expect.poll(() => bar.innerText()).toContain('已选 2 张');
    await bar.getByLabel('转派部门').selectOption({ label: '网络部' });
    await bar.getByRole('button', { name: '批量转派' }).click();
    await expect.poll(() => page.getByTestId('batch-outcome').innerText()).toMatch(/已转派 2 张/);
    await page.screenshot({ path: screenshotPath('tickets-batch') });
  });

  it('fits its columns on a 1280×720 screen without cutting a date', async () => {
    await page.evaluate("window.location.hash = '#/tickets'");
    const list = new TicketsPage(page);
    await list.waitForTotal(3000);
    await list.ticketNumbers();
    const fit = (await page.evaluate(`(() => {
      const grid = document.querySelector('[data-testid="tickets-grid"]').getBoundingClientRect();
      const headers = [...document.querySelectorAll('[data-testid="tickets-grid"] .ag-header-cell[col-id]')];
      const cells = [...document.querySelectorAll('[data-testid="tickets-grid"] .ag-row [col-id="receivedAt"]')];
      return {
        horizontalScroll: headers.some((h) => h.getBoundingClientRect().right > grid.right + 1),
        cutDates: cells.filter((c) => c.scrollWidth > c.clientWidth).length,
        dates: cells.length,
      };
    })()`)) as { horizontalScroll: boolean; cutDates: number; dates: number };
    expect(fit.dates).toBeGreaterThan(5);
    expect(fit.cutDates).toBe(0);
    expect(fit.horizontalScroll).toBe(false);
    await page.screenshot({ path: screenshotPath('tickets-1280') });
  });
});

describe('phones: a fixed line registered, found again by any part of its number', () => {
  let desk: TestConsole;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    desk = await startConsole();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN', timezoneId: 'Europe/London' });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    await page.goto(desk.url);
    await new SetupPage(page).createAdmin({ ...BRANCH_ADMIN, loadDemo: false });
    await new ShellPage(page).currentUser.waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  it('registers 020-12345678 on the form, then finds it by 2345678 and by its last four digits', async () => {
    const shell = new ShellPage(page);
    await shell.newTicket();
    await page.getByRole('heading', { name: '登记工单' }).waitFor();
    await page.getByLabel('客户号码').fill('(020) 1234 5678');
    await page.getByLabel('投诉类别').selectOption({ index: 1 });
    const sub = page.getByLabel('二级类别');
    if (await sub.isEnabled()) await sub.selectOption({ index: 1 });
    await page.getByLabel('投诉内容').fill('家里宽带断网，固话报修');
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.getByText(/已登记工单/).waitFor();
    const list = new TicketsPage(page);
    for (const part of ['2345678', '5678', '020-1234']) {
      await shell.search(part);
      await list.waitForTotal(1);
      await expect.poll(() => list.rows.first().locator('[col-id="customer"]').innerText()).toContain('020-12345678');
    }
    await page.screenshot({ path: screenshotPath('tickets-phone-search') });
  });
});
