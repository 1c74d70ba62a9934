/**
 * The scenario end to end, in Chinese, through the real renderer, the
 * web host and a fresh SQLite database: first start, login, register, accept,
 * transfer, pend, resolve, close with satisfaction, reopen; the history shows
 * every step with who and when; bad input and illegal or stale actions are
 * refused with a clear message and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, workstation } from './support/browser';
import { screenshotPath, startConsole, type TestConsole } from './support/console';
import { LoginPage, SetupPage } from './pages/AuthPages';
import { NewTicketPage } from './pages/NewTicketPage';
import { SettingsPage } from './pages/SettingsPage';
import { ShellPage } from './pages/ShellPage';
import { TicketPage } from './pages/TicketPage';
import { TicketsPage } from './pages/TicketsPage';

const ADMIN = { username: 'wangzg', displayName: '王主管', password: 'zhuguan-2026' };

/** "2026-11-28 19:23:22" read as China time (UTC+8, no DST). */
const shanghaiInstant = (text: string) => Date.parse(`${text.replace(' ', 'T')}+08:00`);

describe('a ticket from registration to reopening', () => {
  let desk: TestConsole;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const createCalls: string[] = [];

  beforeAll(async () => {
    desk = await startConsole();
    browser = await launchChromium();
    context = await workstation(browser);
    page = await context.newPage();
    page.on('request', (r) => {
      if (r.url().endsWith('/api/tickets/create')) createCalls.push(r.postData() ?? '');
    });
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  it('creates the administrator on first start, locks, and logs in again', async () => {
    await page.goto(desk.url);
    const setup = new SetupPage(page);
    await setup.heading.waitFor();
    await setup.createAdmin({ ...ADMIN, branchName: '佛山禅城分公司', branchId: 'FS-CC' });

    const shell = new ShellPage(page);
    await expect.poll(() => shell.currentUser.innerText()).toContain('王主管');
    expect(await shell.branchName.innerText()).toContain('佛山禅城分公司');
    // The clock is the branch's (UTC+8), not the workstation's (London).
    const clock = shanghaiInstant(await shell.clock.innerText());
    expect(Math.abs(clock - Date.now())).toBeLessThan(5_000);

    await shell.lock();
    const login = new LoginPage(page);
    await login.heading.waitFor();
    expect(await login.notice.innerText()).toContain('控制台已锁定');

    await login.login(ADMIN.username, 'not-the-password');
    expect(await login.error.innerText()).toContain('用户名或密码错误');
    await login.login(ADMIN.username, ADMIN.password);
    await shell.currentUser.waitFor();
    expect(await new TicketsPage(page).counterValue('open')).toBe(0);
  });

  it('adds an agent of another department to transfer to', async () => {
    await new ShellPage(page).go('settings');
    // Departments, cities and districts are the administrator's lists: the branch's go in first.
    const settings = new SettingsPage(page);
    await settings.openLists();
    for (const d of ['网络部', '客服中心']) await settings.addListValue('department', d);
    await settings.addListValue('city', '佛山');
    await settings.addListValue('district', '禅城区');
    await settings.openGeneral();
    await settings.createUser({ username: 'lizx', displayName: '李坐席', role: '坐席', department: '网络部', password: 'zuoxi-2026' });
  });

  it('refuses a bad phone number with a clear message and registers nothing', async () => {
    await new ShellPage(page).newTicket();
    const form = new NewTicketPage(page);
    await form.heading.waitFor();
    await form.fill({
      phone: '1380013',
      customerName: '陈女士',
      city: '佛山',
      district: '禅城区',
      category: ['网络质量', 'VoLTE 注册'],
      description: '手机显示 4G，无法使用高清通话。',
    });
    await form.submit();
    expect(await form.fieldError('客户号码').innerText()).toContain('请输入 11 位大陆手机号码（以 13–19 开头），或带区号的固定电话');
    expect(await form.invalidNotice.innerText()).toContain('请先改正标出的项目');
    expect(createCalls).toHaveLength(0);
    expect(await form.created.count()).toBe(0);
  });

  let ticketNo = '';
  it('registers the ticket once the number is right', async () => {
    const form = new NewTicketPage(page);
    await page.getByLabel('客户号码').fill('138 0013 8000');
    await form.submit();
    await form.created.waitFor();
    ticketNo = await form.createdTicketNo();
    expect(ticketNo).toMatch(/^CD\d{8}\d{4}$/);
    expect(createCalls).toHaveLength(1);
  });

  it("shows the server's own message when it refuses a ticket (duplicate number)", async () => {
    const form = new NewTicketPage(page);
    await page.getByRole('button', { name: '继续登记' }).click();
    await form.fill({ phone: '13900139000', category: ['宽带'], description: '宽带经常断线。', ticketNo });
    await form.submit();
    expect(await form.serverError.innerText()).toContain(`渠道 10086 已有工单 ${ticketNo}。`);
    expect(await form.fieldError('工单编号').innerText()).toContain('已有工单');

    await new ShellPage(page).search(ticketNo.slice(0, 6));
    const list = new TicketsPage(page);
    await list.waitForTotal(1);
    expect(await list.ticketNumbers()).toEqual([ticketNo]);
  });

  it('walks the ticket through accept, transfer, pending, resolve, close and reopen', async () => {
    await new TicketsPage(page).openRow(ticketNo);
    const ticket = new TicketPage(page);
    await ticket.ticketNo.waitFor();
    expect(await ticket.ticketNo.innerText()).toBe(ticketNo);
    expect(await ticket.status.innerText()).toBe('新建');
    expect(await ticket.offeredActions()).toEqual(['受理', '转派', '升级', '作废']);

    expect(await ticket.clockState('first_response')).toBe('running');
    await ticket.actAndWait('accept');
    expect(await ticket.status.innerText()).toBe('已受理');
    expect(await ticket.clockState('first_response')).toBe('met');
    expect(await ticket.clockState('resolution')).toBe('running');
    expect(await ticket.fact('first-responder').innerText()).toBe('王主管');

    await ticket.actAndWait('transfer', { department: '网络部', assignee: '李坐席 · 网络部 · 坐席', reason: '属无线网络问题' });
    expect(await ticket.fact('department').innerText()).toBe('网络部');
    expect(await ticket.fact('assignee').innerText()).toBe('李坐席');
    expect(await ticket.fact('first-responder').innerText()).toBe('王主管'); // 首问负责制

    await ticket.act('pend');
    expect(await ticket.panel.locator('.field-error').innerText()).toContain('请填写原因');
    await page.keyboard.press('Escape');
    await ticket.actAndWait('pend', { reason: '客户出差，约定周五回电' });
    expect(await ticket.status.innerText()).toBe('待客户（挂起）');
    expect(await ticket.clockState('resolution')).toBe('paused'); // the resolution clock waits with the customer

    await ticket.actAndWait('resolve', { note: '已为客户开通 VoLTE，测试通话正常。', rootCause: '签约数据缺失' });
    expect(await ticket.status.innerText()).toBe('已办结');
    expect(await ticket.offeredActions()).toEqual(['回访关闭', '重开', '作废']);

    await ticket.actAndWait('close', { satisfaction: '满意' });
    expect(await ticket.status.innerText()).toBe('已回访关闭');
    expect(await ticket.fact('satisfaction').innerText()).toBe('满意');

    await ticket.actAndWait('reopen', { reason: '客户来电称问题复现' });
    expect(await ticket.status.innerText()).toBe('处理中');
    expect(await page.locator('.ticket-head').innerText()).toMatch(/重复投诉[\s\S]*重开 1 次/);
  });

  it('shows every step in the history, newest first, with who and when', async () => {
    const history = await new TicketPage(page).history();
    expect(history.map((h) => h.action)).toEqual(['重开', '回访关闭', '办结', '挂起（待客户）', '转派', '受理', '登记']);
    for (const h of history) {
      expect(h.actor).toBe('王主管');
      expect(h.time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(Math.abs(shanghaiInstant(h.time) - Date.now())).toBeLessThan(10 * 60_000);
    }
    const times = history.map((h) => shanghaiInstant(h.time));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(history[0]!.text).toContain('已回访关闭 → 处理中');
    expect(history[0]!.text).toContain('客户来电称问题复现');
    expect(history[1]!.text).toContain('满意度: — → 满意');
    expect(history[4]!.text).toContain('处理人: 王主管 → 李坐席');
    expect(history[4]!.text).toContain('责任部门: — → 网络部');
  });

  it('refuses an illegal transition sent through the page with a clear message, changing nothing', async () => {
    const ticket = new TicketPage(page);
    const id = Number(/#\/tickets\/(\d+)/.exec(page.url())?.[1]);
    const version = await ticket.version();
    const answer = await page.evaluate(
      async ({ id, version }) => {
        const res = await fetch('/api/tickets/act', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', 'X-Desk-Locale': 'zh-CN' },
          body: JSON.stringify({ id, version, action: { type: 'close', satisfaction: 'satisfied' } }),
        });
        return (await res.json()) as { ok: boolean; error?: { code: string; message: string } };
      },
      { id, version },
    );
    expect(answer.ok).toBe(false);
    expect(answer.error?.code).toBe('illegal_transition');
    expect(answer.error?.message).toBe('工单当前为「处理中」，不能回访关闭。');

    await page.reload();
    await ticket.ticketNo.waitFor();
    expect(await ticket.version()).toBe(version);
    expect(await ticket.status.innerText()).toBe('处理中');
    expect(await ticket.history()).toHaveLength(7);
  });

  it('refuses an action on a stale view, shows why, and changes nothing', async () => {
    const stale = new TicketPage(page);
    const other = await context.newPage();
    await other.goto(page.url());
    const fresh = new TicketPage(other);
    await fresh.ticketNo.waitFor();
    await fresh.actAndWait('pend', { reason: '等待客户提供测试时间' });
    await other.close();

    await stale.act('resolve', { note: '已处理' });
    expect(await stale.actionError.innerText()).toContain('该工单已被他人修改，请刷新后重试。');
    expect(await stale.status.innerText()).toBe('处理中');

    await stale.actionError.getByRole('button', { name: '重新加载' }).click();
    await page.locator('[data-testid="ticket-status"]', { hasText: '待客户（挂起）' }).waitFor();
    const history = await stale.history();
    expect(history).toHaveLength(8);
    expect(history[0]!.action).toBe('挂起（待客户）');
    expect(history.some((h) => h.action === '办结' && h.text.includes('已处理'))).toBe(false);
  });

  it('opens an action as a small form that Esc closes', async () => {
    const ticket = new TicketPage(page);
    await ticket.panel.locator('button[data-action="resolve"]').click();
    const form = ticket.panel.locator('form[data-action="resolve"]');
    await form.getByLabel(/^说明/).fill('已为客户重新配置 VoLTE 签约，待客户确认。');
    await page.screenshot({ path: screenshotPath('ticket') });
    await page.keyboard.press('Escape');
    expect(await form.count()).toBe(0);
    expect(await ticket.status.innerText()).toBe('待客户（挂起）');
  });

  it('counts the ticket on the Today page by its real status', async () => {
    await new ShellPage(page).go('today');
    const today = new TicketsPage(page);
    expect(await today.counterValue('pending_customer')).toBe(1);
    expect(await today.counterValue('open')).toBe(1);
    expect(await today.counterValue('repeat')).toBe(1);
    expect(await today.counterValue('new')).toBe(0);
    expect(await today.counterValue('breached')).toBe(0);
  });

  it('opens the ticket straight away when the search box holds its whole number', async () => {
    await new ShellPage(page).search(ticketNo.toLowerCase());
    const ticket = new TicketPage(page);
    await ticket.ticketNo.waitFor();
    expect(await ticket.ticketNo.innerText()).toBe(ticketNo);
  });

  it('lets the administrator set a colleague’s password, which the colleague then logs in with', async () => {
    const shell = new ShellPage(page);
    await shell.go('settings');
    await new SettingsPage(page).resetPassword('lizx', '李坐席', 'xin-mima-2026');
    await shell.lock();
    const login = new LoginPage(page);
    await login.login('lizx', 'zuoxi-2026');
    expect(await login.error.innerText()).toContain('用户名或密码错误');
    await login.login('lizx', 'xin-mima-2026');
    await expect.poll(() => shell.currentUser.innerText()).toContain('李坐席');
  });

  it('the agent cannot transfer, escalate or void: they ask for a transfer, which the supervisor sees and confirms', async () => {
    // Logged in as 李坐席 (an agent, and this ticket's assignee) from the step before.
    const shell = new ShellPage(page);
    await shell.search(ticketNo);
    const ticket = new TicketPage(page);
    await ticket.ticketNo.waitFor();
    expect(await ticket.offeredActions()).toEqual(['答复', '恢复处理', '办结', '申请转派', '协作', '退回队列']);
    await ticket.actAndWait('request_transfer', { department: '客服中心', reason: '属计费问题，非网络原因' });
    expect(await ticket.fact('department').innerText()).toBe('网络部'); // nothing moves until a supervisor confirms
    expect(await page.getByTestId('transfer-request').innerText()).toContain('李坐席 申请转派至 客服中心：属计费问题，非网络原因');

    await shell.lock();
    await new LoginPage(page).login(ADMIN.username, ADMIN.password);
    await expect.poll(() => shell.currentUser.innerText()).toContain('王主管');
    await shell.search(ticketNo);
    await ticket.ticketNo.waitFor();
    await page.getByTestId('transfer-request').waitFor();
    expect(await ticket.offeredActions()).toContain('驳回转派申请');
    await page.screenshot({ path: screenshotPath('ticket-transfer-request') });
    // The transfer form starts from what the agent asked for.
    await ticket.actAndWait('transfer');
    expect(await ticket.fact('department').innerText()).toBe('客服中心');
    expect(await page.getByTestId('transfer-request').count()).toBe(0);
  });
});
