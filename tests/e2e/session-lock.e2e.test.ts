/**
 * The console locks after inactivity (docs/REQUIREMENTS.md §7). The server decides: when a
 * call is refused as `locked`, whatever screen made it, the app returns to the
 * login screen and says why in the server's words. The server's clock is moved
 * forward instead of waiting 15 minutes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, workstation } from './support/browser';
import { startConsole, type TestConsole } from './support/console';
import { LoginPage, SetupPage } from './pages/AuthPages';
import { ShellPage } from './pages/ShellPage';
import { TicketsPage } from './pages/TicketsPage';

describe('locking after inactivity', () => {
  let offset = 0;
  let desk: TestConsole;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    desk = await startConsole({ now: () => Date.now() + offset });
    browser = await launchChromium();
    page = await (await workstation(browser)).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  it('returns to the login screen with the server’s reason, then carries on after logging in', async () => {
    await page.goto(desk.url);
    await new SetupPage(page).createAdmin({ username: 'admin', displayName: '王主管', password: 'zhuguan-2026', branchName: '佛山禅城分公司', branchId: 'FS-CC' });
    const shell = new ShellPage(page);
    await shell.currentUser.waitFor();
    expect(await new TicketsPage(page).counterValue('open')).toBe(0); // the Today page has loaded: nothing in flight

    offset = 16 * 60_000; // the branch default locks after 15 minutes
    // Whichever call reaches the server first — this navigation or a background refresh of the
    // page — is refused as locked; if the refresh wins, the rail is already gone when we click.
    await page.locator('nav a[data-nav="tickets"]').click({ timeout: 5_000 }).catch(() => undefined);
    const login = new LoginPage(page);
    await login.heading.waitFor();
    expect(await login.notice.locator('.alert-body').innerText()).toBe('长时间未操作，控制台已锁定，请重新登录。');

    await login.login('admin', 'zhuguan-2026');
    await shell.currentUser.waitFor();
    await shell.go('tickets');
    expect(await new TicketsPage(page).total()).toBe(0);
  });
});
