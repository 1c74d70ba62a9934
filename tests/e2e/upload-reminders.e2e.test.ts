/**
 * The monthly report's reminder on the page, in Chinese, through the real
 * renderer and web host: the console's clock stands on 2 December; the
 * administrator loads the demo data, so November has tickets and nothing has
 * been sent. The services process notices (a moment after the tickets
 * arrive), the page shows the notice, and the notification centre lists it
 * with a link to 上报. A page opened after the reminder was raised shows it
 * too, until it is closed for the session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, workstation } from './support/browser';
import { screenshotPath, startConsole, type TestConsole } from './support/console';
import { SetupPage } from './pages/AuthPages';
import { ShellPage } from './pages/ShellPage';

const ADMIN = { username: 'wangzg', displayName: '王管理', password: 'guanli-2026' };
// 2 December 2026, 10:00 China time, moving on with the real clock.
const START = Date.UTC(2026, 11, 2, 2, 0);

describe('last month not sent, on the 2nd', () => {
  let desk: TestConsole;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const began = Date.now();
    desk = await startConsole({ now: () => START + (Date.now() - began) });
    browser = await launchChromium();
    page = await (await workstation(browser)).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  it('shows the notice and lists the reminder in the notification centre, linking to 上报', async () => {
    await page.goto(desk.url);
    const setup = new SetupPage(page);
    await setup.heading.waitFor();
    await setup.createAdmin({ ...ADMIN, branchName: '佛山南海分公司', branchId: 'FS-NH', loadDemo: true });
    const shell = new ShellPage(page);
    await shell.currentUser.waitFor();

    const notice = page.getByTestId('reminder-notice');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.innerText()).toContain('上月（2026-11）尚未上报总部');
    await page.screenshot({ path: screenshotPath('upload-reminder-notice') });

    await expect.poll(() => shell.bellCount(), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    await page.getByTestId('alert-bell').click();
    const reminders = page.getByTestId('bell-reminders');
    await reminders.waitFor();
    expect(await reminders.innerText()).toContain('上月（2026-11）尚未上报总部');
    await page.screenshot({ path: screenshotPath('upload-reminder-bell') });
    await reminders.getByRole('link').first().click();
    await expect.poll(() => page.url()).toMatch(/#\/hq$/);
  });

  it('shows a reminder raised before the page was open, until it is closed for the session', async () => {
    // A fresh page load subscribes after the reminder was raised: the notice comes from what holds now.
    await page.reload();
    const shell = new ShellPage(page);
    await shell.currentUser.waitFor();
    const notice = page.getByTestId('reminder-notice');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.innerText()).toContain('上月（2026-11）尚未上报总部');
    await notice.getByRole('button', { name: '关闭提示' }).click();
    await notice.waitFor({ state: 'detached' });
    // Closed stays closed in this session, while the notification centre still lists it.
    await page.reload();
    await shell.currentUser.waitFor();
    await expect.poll(() => shell.bellCount(), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    expect(await notice.count()).toBe(0);
  });
});
