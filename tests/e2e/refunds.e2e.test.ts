/**
 * The refund scenario of docs/REQUIREMENTS.md §4 end to end, in Chinese, through the real
 * renderer and web host: an agent enters ¥80 on an SP information-fee
 * complaint; it is above the agent's ¥50 authority, so it waits for a
 * supervisor; the supervisor approves it from 待我审批 with a comment; the
 * agent cannot pay it out (that is a supervisor's), so the supervisor
 * executes it with the billing voucher number; the ticket shows it all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, workstation } from './support/browser';
import { screenshotPath, startConsole, type TestConsole } from './support/console';
import { LoginPage, SetupPage } from './pages/AuthPages';
import { NewTicketPage } from './pages/NewTicketPage';
import { SettingsPage } from './pages/SettingsPage';
import { ShellPage } from './pages/ShellPage';
import { RefundsPage, RefundsSection } from './pages/RefundsPage';

const ADMIN = { username: 'wangzg', displayName: '王管理', password: 'guanli-2026' };
const AGENT = { username: 'lizx', displayName: '李坐席', password: 'zuoxi-2026' };
const SUP = { username: 'zhangbz', displayName: '张班长', password: 'banzhang-2026' };
const VOUCHER = 'TF20261128000123';

describe('an ¥80 SP information-fee refund from entry to execution', () => {
  let desk: TestConsole;
  let browser: Browser;
  let page: Page;
  let ticketUrl = '';
  let ticketNo = '';
  let refundId = 0;

  const switchUser = async (who: { username: string; password: string; displayName: string }) => {
    await new ShellPage(page).lock();
    const login = new LoginPage(page);
    await login.heading.waitFor();
    await login.login(who.username, who.password);
    await expect.poll(() => new ShellPage(page).currentUser.innerText()).toContain(who.displayName);
  };
  const openTicket = async () => {
    await page.goto(ticketUrl);
    await new RefundsSection(page).root.waitFor();
  };

  beforeAll(async () => {
    desk = await startConsole();
    browser = await launchChromium();
    page = await (await workstation(browser)).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  it('sets up the branch: an administrator, an agent and a supervisor, and an SP complaint', async () => {
    await page.goto(desk.url);
    const setup = new SetupPage(page);
    await setup.heading.waitFor();
    await setup.createAdmin({ ...ADMIN, branchName: '佛山南海分公司', branchId: 'FS-NH' });
    await new ShellPage(page).currentUser.waitFor();
    await new ShellPage(page).go('settings');
    const settings = new SettingsPage(page);
    await settings.addListValues('department', ['客服中心']);
    await settings.createUser({ ...AGENT, role: '坐席', department: '客服中心' });
    await settings.createUser({ ...SUP, role: '班长/主管', department: '客服中心' });

    await new ShellPage(page).newTicket();
    const form = new NewTicketPage(page);
    await form.heading.waitFor();
    await form.fill({ phone: '13912345678', customerName: '梁先生', category: ['增值业务', '信息费退费'], description: '从未订购过该SP业务，却连续两个月被扣取信息费，要求退费。' });
    await form.submit();
    await form.created.waitFor();
    ticketNo = await form.createdTicketNo();
    await form.openCreated();
    await page.getByTestId('ticket-no').waitFor();
    ticketUrl = page.url();
  });

  it('the agent enters ¥80: above the agent’s ¥50 authority, it waits for a supervisor', async () => {
    await switchUser(AGENT);
    await openTicket();
    const refunds = new RefundsSection(page);
    // The section loads its entries after the ticket: wait for them, then read.
    await refunds.root.getByText('本工单还没有退费记录。').waitFor();

    // Money is parsed exactly: three decimals are refused before anything is sent.
    await refunds.add({ type: '信息费退费', amount: '80.005', reason: '客户否认定制，核实无有效订购记录，退还两个月信息费。' });
    expect(await refunds.form.locator('.field-error').innerText()).toContain('金额最多两位小数');
    await refunds.add({ type: '信息费退费', amount: '¥80', reason: '客户否认定制，核实无有效订购记录，退还两个月信息费。' });
    await refunds.done.waitFor();

    const [entry] = await refunds.entries();
    refundId = entry!.id;
    expect(entry).toMatchObject({ type: '信息费退费', amount: '¥80.00', status: '待审批' });
    expect(entry!.text).toContain('需 班长/主管 审批');
    expect(entry!.text).toContain('李坐席 录入');
    expect(await refunds.offered(refundId)).toEqual([]); // nobody approves their own entry, and ¥80 is beyond an agent anyway
    expect(entry!.history.map((h) => h.replace(/^\S+ \S+ /, ''))).toEqual(['李坐席 录入', '李坐席 提交审批']);

    // The same type and amount again within 24 h is a likely duplicate: the server asks first.
    await refunds.add({ type: '信息费退费', amount: '80', reason: '再次登记' });
    expect(await refunds.duplicateWarning.innerText()).toContain('可能重复');
    await page.keyboard.press('Escape');
    expect(await refunds.entries()).toHaveLength(1);
  });

  it('the supervisor finds it in 待我审批 with the ticket, the amount, who entered it and why, and approves it', async () => {
    await switchUser(SUP);
    // Today counts it among the refunds waiting for this supervisor.
    await new ShellPage(page).go('today');
    await page.locator('[data-testid="count-approvals"] .counter-value[data-value="1"]').waitFor();
    await new ShellPage(page).go('refunds');
    const refundsPage = new RefundsPage(page);
    const item = refundsPage.queueItem(ticketNo);
    await item.waitFor();
    const text = (await item.innerText()).replace(/\s+/g, ' ');
    for (const part of ['¥80.00', '李坐席 录入', '客户否认定制', '增值业务/信息费退费', '本工单没有其他退费']) expect(text).toContain(part);
    await page.screenshot({ path: screenshotPath('refunds-queue') });

    await item.locator('button[data-refund-action="approve"]').click();
    await item.locator('form[data-step="approve"] textarea').fill('核实无订购记录，同意退费。');
    await item.getByTestId('confirm-step').click();
    await refundsPage.queueEmpty.waitFor();
  });

  it('the agent sees it approved and waiting, with no 执行 button: paying out is for a supervisor or above', async () => {
    await switchUser(AGENT);
    await openTicket();
    const refunds = new RefundsSection(page);
    await refunds.entry(refundId).locator('[data-refund-status="approved"]').waitFor();
    expect(await refunds.entry(refundId).getByTestId('refund-clock').innerText()).toMatch(/须于 \d{4}-\d\d-\d\d \d\d:\d\d 前执行/);
    expect(await refunds.offered(refundId)).toEqual([]);
    expect(await refunds.entry(refundId).getByTestId('refund-awaits-executor').innerText()).toBe('待班长/主管执行');
  });

  it('the supervisor executes it with the billing voucher number; the ticket shows every step with who and when', async () => {
    await switchUser(SUP);
    await openTicket();
    const refunds = new RefundsSection(page);
    await refunds.entry(refundId).locator('[data-refund-status="approved"]').waitFor();

    await refunds.step(refundId, 'execute', '  ');
    expect(await refunds.entry(refundId).locator('.field-error').innerText()).toContain('请填写计费系统凭证号');
    await refunds.entry(refundId).locator('form[data-step="execute"] input').fill(VOUCHER);
    await refunds.entry(refundId).getByTestId('confirm-step').click();
    await refunds.entry(refundId).locator('[data-refund-status="executed"]').waitFor();

    const [entry] = await refunds.entries();
    expect(entry!.text).toContain(`凭证号 ${VOUCHER}`);
    expect(entry!.text).toContain('已按时执行');
    expect(await refunds.offered(refundId)).toEqual(['冲正']);
    const history = entry!.history;
    expect(history.map((h) => h.replace(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d /, ''))).toEqual([
      '李坐席 录入',
      '李坐席 提交审批',
      '张班长 审批通过 — 核实无订购记录，同意退费。',
      `张班长 执行 · 凭证号 ${VOUCHER}`,
    ]);
    for (const h of history) expect(h).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d /);
    expect(await refunds.root.getByTestId('refunds-totals').innerText()).toContain('已执行净额：¥80.00');
    await page.screenshot({ path: screenshotPath('refunds-ticket'), fullPage: true });
  });

  it('the refunds list shows it with totals by type and status', async () => {
    await new ShellPage(page).go('refunds');
    const list = new RefundsPage(page);
    await list.tab('全部');
    await list.listTotal(1);
    expect(await list.totalRow('type-sp_info_fee')).toBe('信息费退费 1 笔 ¥80.00');
    expect(await list.totalRow('status-executed')).toBe('已执行 1 笔 ¥80.00');
    expect(await list.totalRow('status-pending_approval')).toBe('待审批 0 笔 ¥0.00');
    await page.getByTestId('refunds-grid').getByText(ticketNo).waitFor();
    expect(await page.getByTestId('refunds-grid').innerText()).toContain(VOUCHER);
    await page.screenshot({ path: screenshotPath('refunds-list') });
  });
});
