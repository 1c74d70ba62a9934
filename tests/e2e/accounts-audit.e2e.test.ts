/**
 * An administrator disables a colleague who is logged in elsewhere: that
 * colleague's next step lands on the login screen, and logging in again is
 * refused in words. The administrator then reads it all in the audit log,
 * filtered by person and by event, and exports it as CSV.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, workstation } from './support/browser';
import { screenshotPath, startConsole, type TestConsole } from './support/console';
import { BRANCH_ADMIN, LoginPage, SetupPage } from './pages/AuthPages';
import { ShellPage } from './pages/ShellPage';
import { SettingsPage } from './pages/SettingsPage';

describe('disabling an account, and the audit log', () => {
  let desk: TestConsole;
  let browser: Browser;
  let admin: Page;
  let agent: Page;

  beforeAll(async () => {
    desk = await startConsole();
    browser = await launchChromium();
    admin = await (await workstation(browser)).newPage();
    agent = await (await workstation(browser)).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  it('the disabled colleague is let out at once and cannot log in; the log shows who did what', async () => {
    await admin.goto(desk.url);
    await new SetupPage(admin).createAdmin(BRANCH_ADMIN);
    const shell = new ShellPage(admin);
    await shell.currentUser.waitFor();
    await shell.go('settings');
    const settings = new SettingsPage(admin);
    await settings.createUser({ username: 'lizx', displayName: '李坐席', role: '坐席', password: 'zuoxi-2026' });

    // The colleague mistypes once, then logs in at the other workstation.
    await agent.goto(desk.url);
    const agentLogin = new LoginPage(agent);
    await agentLogin.login('lizx', 'zuoxi-2025');
    await agentLogin.error.getByText('用户名或密码错误。').waitFor();
    await agentLogin.login('lizx', 'zuoxi-2026');
    const agentShell = new ShellPage(agent);
    await agentShell.currentUser.waitFor();

    await settings.setActive('lizx', '李坐席', false);
    // The row changes when the list's reload answers, a moment after the confirmation.
    await expect.poll(() => settings.accountRow('lizx').innerText()).toContain('已停用');
    // Not offered to disable themselves.
    expect(await settings.accountRow('admin').getByRole('button', { name: '停用', exact: true }).count()).toBe(0);
    await admin.screenshot({ path: screenshotPath('settings-accounts-disabled') });

    // The colleague's next call is refused: back to the login screen, and no way back in.
    await agentShell.go('tickets').catch(() => undefined);
    await agentLogin.heading.waitFor();
    await agentLogin.login('lizx', 'zuoxi-2026');
    await agentLogin.error.getByText('该账号已停用，请联系管理员。').waitFor();

    await settings.openAudit();
    await settings.filterAudit({ user: '李坐席（lizx）' });
    await admin.getByTestId('audit-total').getByText('共 3 条').waitFor();
    expect(await settings.auditRows()).toEqual([
      ['李坐席', '登录失败', 'lizx'], // the attempt after being disabled
      ['李坐席', '登录', 'lizx'],
      ['李坐席', '登录失败', 'lizx'],
    ]);
    await settings.filterAudit({ user: '全部人员', kind: '停用账号' });
    await admin.getByTestId('audit-total').getByText('共 1 条').waitFor();
    expect(await settings.auditRows()).toEqual([['王主管', '停用账号', 'lizx']]);
    await admin.screenshot({ path: screenshotPath('settings-audit-log') });

    const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByTestId('audit-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-\d{8}-\d{6}\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFF时间,操作人,操作人账号,事件,对象,详情');
    expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00,王主管,admin,user\.disable,lizx,\{\}$/);
    expect(lines).toHaveLength(3); // heading, one entry, the final line break
    await admin.getByText('已导出 1 条记录。').waitFor();
  });

  it('an agent changes their own password: the other workstation is let out, this one stays', async () => {
    const settings = new SettingsPage(admin);
    await new ShellPage(admin).go('settings');
    await settings.setActive('lizx', '李坐席', true);

    const elsewhere = await (await workstation(browser)).newPage();
    for (const p of [agent, elsewhere]) {
      await p.goto(desk.url);
      await new LoginPage(p).login('lizx', 'zuoxi-2026');
      await new ShellPage(p).currentUser.waitFor();
    }
    await new ShellPage(agent).go('settings');
    await new SettingsPage(agent).changeOwnPassword('zuoxi-2026', 'zuoxi-new-2026');
    await agent.screenshot({ path: screenshotPath('settings-own-password') });

    // This page carries on; the other workstation's next step lands on the login screen.
    await new ShellPage(agent).go('tickets');
    await new ShellPage(agent).currentUser.waitFor();
    await new ShellPage(elsewhere).go('tickets').catch(() => undefined);
    const login = new LoginPage(elsewhere);
    await login.heading.waitFor();
    await login.login('lizx', 'zuoxi-new-2026');
    await new ShellPage(elsewhere).currentUser.waitFor();
  });
});
