/**
 * An empty database's Today page says how to begin: import, register, or
 * (an administrator) load the demo data; once there are tickets it is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, workstation } from './support/browser';
import { screenshotPath, startConsole, type TestConsole } from './support/console';
import { BRANCH_ADMIN, SetupPage } from './pages/AuthPages';
import { ShellPage } from './pages/ShellPage';
import { TodayPage } from './pages/TodayPage';

describe('Today on an empty database', () => {
  let desk: TestConsole;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    desk = await startConsole();
    browser = await launchChromium();
    page = await (await workstation(browser)).newPage();
    await page.goto(desk.url);
    await new SetupPage(page).createAdmin(BRANCH_ADMIN);
    await new ShellPage(page).currentUser.waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  it('points to import, register and the demo data', async () => {
    const panel = page.getByTestId('get-started');
    await panel.waitFor();
    expect(await panel.getByRole('heading').innerText()).toBe('还没有工单，从这里开始');
    expect(await page.getByTestId('start-import').getAttribute('href')).toBe('#/tickets/import');
    expect(await page.getByTestId('start-register').getAttribute('href')).toBe('#/tickets/new');
    expect(await page.getByTestId('start-demo').innerText()).toBe('载入演示数据');
    await page.screenshot({ path: screenshotPath('today-empty') });
  });

  it('the register link opens the new-ticket form', async () => {
    await page.getByTestId('start-register').click();
    await page.waitForURL(/#\/tickets\/new$/);
    await page.goBack();
    await page.getByTestId('get-started').waitFor();
  });

  it('loading the demo fills Today and the hint goes away', async () => {
    // The click waits for the reload that follows the load, and the load writes 3,000 tickets with their clocks
    // (10–15 s at load 18): as long as the tiles below may take.
    await page.getByTestId('start-demo').click({ timeout: 60_000 });
    const today = new TodayPage(page);
    await expect.poll(() => today.tile('open'), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('get-started').count()).toBe(0);
  });
});
