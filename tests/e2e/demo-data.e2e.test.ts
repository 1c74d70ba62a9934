/**
 * Demo data in a branch's database (#17 item 6), by clicking: 设置 offers the
 * demo only while the database is empty and says why not otherwise; loaded,
 * its tickets are marked, Today says they are left out of reports, and the
 * month's report counts only the real complaint registered beside them; 移除
 * 演示数据 asks first, then removes all of them at once, and the audit log
 * records it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { screenshotPath, startConsole, type TestConsole } from './support/console';
import { BRANCH_ADMIN, SetupPage } from './pages/AuthPages';
import { ShellPage } from './pages/ShellPage';
import { pageApi } from './support/page-api';
import { TicketsPage } from './pages/TicketsPage';

describe('demo data only into an empty database, marked, and removed together', () => {
  let desk: TestConsole;
  let browser: Browser;
  let page: Page;

  const post = pageApi(() => page);

  beforeAll(async () => {
    desk = await startConsole();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    context.setDefaultTimeout(30_000);
    page = await context.newPage();
    page.on('pageerror', (e) => console.error('pageerror', e));
    await page.goto(desk.url);
    await new SetupPage(page).createAdmin({ ...BRANCH_ADMIN, loadDemo: false });
    await new ShellPage(page).currentUser.waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  const section = () => page.getByTestId('demo-section');

  it('loads the demo from 设置 while the database is empty, then offers it no more and says why', async () => {
    await new ShellPage(page).go('settings');
    const load = section().getByTestId('demo-load');
    await load.waitFor();
    expect(await load.isEnabled()).toBe(true);
    expect(await section().getByTestId('demo-why').count()).toBe(0);
    await load.click();
    await section().getByText('已载入 3,000 张演示工单。').waitFor();
    await section().getByTestId('demo-present').waitFor();
    expect(await load.isDisabled()).toBe(true);
    expect(await section().getByTestId('demo-why').innerText()).toContain('数据库已有 3,000 张工单，演示数据只能载入空数据库');
  });

  it('keeps the demo out of the month’s numbers beside a real complaint, and says so on Today', async () => {
    const categories = (await post('meta/categories', {})) as Array<{ id: number; path: string }>;
    await post('tickets/create', {
      channel: '10086',
      receivedAt: Date.now() - 60_000,
      phone: '13812345678',
      categoryId: categories.find((c) => c.path === '网络质量/信号覆盖')!.id,
      description: '真实投诉：家中信号差',
    });
    await page.evaluate("window.location.hash = '#/today'");
    const note = page.getByTestId('demo-note');
    await note.waitFor();
    expect(await note.innerText()).toContain('含 3,000 张演示工单');
    expect(await note.innerText()).toContain('不计入报表');
    await page.screenshot({ path: screenshotPath('today-demo-note') });
    const day = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const report = (await post('reports/kpis', { from: `${day.slice(0, 8)}01`, to: day })) as { total: number };
    expect(report.total).toBe(1);
  });

  it('marks each demo ticket 演示 in the list and on its page, and not the real one', async () => {
    await page.evaluate("window.location.hash = '#/tickets'");
    const list = new TicketsPage(page);
    expect(await list.total()).toBe(3_001);
    await list.rows.first().waitFor();
    const real = list.rows.filter({ hasText: '13812345678' });
    expect(await real.count()).toBe(1);
    expect(await real.getByTestId('demo-badge').count()).toBe(0);
    const shown = await list.rows.count();
    expect(await list.demoBadges.count()).toBe(shown - 1);
    expect(await list.demoBadges.first().innerText()).toBe('演示');
    await page.screenshot({ path: screenshotPath('tickets-demo-badge') });
    const demoNo = (await list.rows.filter({ has: page.getByTestId('demo-badge') }).first().locator('.ticket-no').innerText()).trim();
    await list.openRow(demoNo);
    await page.getByTestId('ticket-no').filter({ hasText: demoNo }).waitFor();
    expect(await page.locator('header').getByTestId('demo-badge').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('ticket-demo-badge') });
  });

  it('a report’s drill-down leaves the demo tickets out as the report did, with a chip that puts them back', async () => {
    const DAY = 86_400_000;
    await page.evaluate(`window.location.hash = '#/tickets?rf=${Date.now() - 200 * DAY}&rt=${Date.now() + DAY}&nodemo=1'`);
    const list = new TicketsPage(page);
    await list.waitForTotal(1);
    const chip = list.filterChip('nodemo');
    expect(await chip.innerText()).toContain('演示工单');
    expect(await chip.innerText()).toContain('不计入');
    await expect.poll(() => list.rows.count()).toBe(1);
    expect(await list.demoBadges.count()).toBe(0);
    await page.screenshot({ path: screenshotPath('tickets-drill-no-demo') });
    await chip.locator('a').click();
    await list.waitForTotal(3_001);
    expect(await list.filterChip('nodemo').count()).toBe(0);
    await page.evaluate("window.location.hash = '#/today'");
    await page.getByTestId('demo-note').waitFor();
  });

  it('removes every demo ticket at once after asking, and the real one stays', async () => {
    await note_remove();
    const remove = section().getByTestId('demo-remove');
    await remove.click();
    expect(await section().innerText()).toContain('移除全部 3,000 张演示工单');
    await page.screenshot({ path: screenshotPath('settings-demo-remove') });
    await section().getByTestId('demo-remove-confirm').click();
    await section().getByText(/已移除 3,000 张演示工单和 [\d,]+ 笔演示退费。/).waitFor();
    await expect.poll(() => section().getByTestId('demo-present').count()).toBe(0);
    expect(await section().getByTestId('demo-why').innerText()).toContain('数据库已有 1 张工单');
    const list = (await post('tickets/list', { offset: 0, limit: 5 })) as { total: number; rows: Array<{ customerName: string | null }> };
    expect(list.total).toBe(1);
    const audit = (await post('audit/list', { offset: 0, limit: 20 })) as { rows: Array<{ action: string }> };
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['demo.load', 'demo.remove']));
    await page.evaluate("window.location.hash = '#/today'");
    await page.getByTestId('tiles-hint').waitFor();
    expect(await page.getByTestId('demo-note').count()).toBe(0);
  });

  async function note_remove() {
    await page.getByTestId('demo-note-remove').click();
    await section().getByTestId('demo-remove').waitFor();
  }
});
