/**
 * The refunds list's execution deadline (#17 item 7), by clicking: three
 * entries are made through the contract (¥40 approved on entry, ¥80 waiting
 * for a supervisor, ¥800 waiting for a manager); 73 hours later, on the
 * server's clock, the supervisor sees the ¥40 flagged overdue, filters the
 * list to 超时未执行, executes it from the list (the confirmation asks for
 * the voucher first), and finds it executed late. On 待我审批 he has the ¥80
 * to decide, and beneath it the ¥800, read-only and marked as the manager's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { screenshotPath, startConsole, type TestConsole } from './support/console';
import { BRANCH_ADMIN, LoginPage, SetupPage } from './pages/AuthPages';
import { ShellPage } from './pages/ShellPage';
import { pageApi } from './support/page-api';

const SUP = { username: 'zhangbz', displayName: '张班长', password: 'banzhang-2026' };
const H = 3_600_000;

describe('a supervisor keeps refunds inside their 72 hours from the list', () => {
  let desk: TestConsole;
  let browser: Browser;
  let page: Page;
  let offset = 0;
  const ids: Record<'small' | 'mid' | 'big', number> = { small: 0, mid: 0, big: 0 };

  const post = pageApi(() => page);

  beforeAll(async () => {
    desk = await startConsole({ now: () => Date.now() + offset });
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    page.on('pageerror', (e) => console.error('pageerror', e));
    await page.goto(desk.url);
    await new SetupPage(page).createAdmin({ ...BRANCH_ADMIN, loadDemo: false });
    await new ShellPage(page).currentUser.waitFor();

    // An account's department comes from the administrator's list.
    await post('lists/add', { kind: 'department', name: '客服中心' });
    await post('users/create', { ...SUP, role: 'supervisor', department: '客服中心' });
    const categories = (await post('meta/categories', {})) as Array<{ id: number; path: string }>;
    const category = categories.find((c) => c.path === '增值业务/信息费退费')!;
    const { ticket } = (await post('tickets/create', {
      channel: '10086',
      receivedAt: Date.now() - 60_000,
      phone: '13812345678',
      categoryId: category.id,
      description: '从未订购过该SP业务，却被扣取信息费。',
    })) as { ticket: { id: number } };
    const enter = async (fen: number, reason: string) => {
      const r = (await post('refunds/create', { ticketId: ticket.id, type: 'sp_info_fee', amountFen: fen, reason })) as { entries: Array<{ id: number }> };
      return r.entries.at(-1)!.id;
    };
    ids.small = await enter(4000, '退还信息费 40 元');
    ids.mid = await enter(8000, '退还信息费 80 元');
    ids.big = await enter(80000, '退还信息费 800 元');
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  it('flags the entry past its 72 h, filters to it, and executes it from the list after confirming the voucher', async () => {
    offset = 73 * H; // three days and an hour later: the session has locked long ago
    // The console's countdowns read the workstation's clock: it moves with the server's.
    await page.clock.install({ time: Date.now() + offset });
    await page.reload();
    const login = new LoginPage(page);
    await login.heading.waitFor();
    await login.login(SUP.username, SUP.password);
    await expect.poll(() => new ShellPage(page).currentUser.innerText()).toContain(SUP.displayName);
    await page.evaluate("window.location.hash = '#/refunds?tab=all'");

    const grid = page.getByTestId('refunds-grid');
    const row = (id: number) => grid.locator(`.ag-row:has([col-id="id"]:text-is("${id}"))`);
    await row(ids.small).waitFor();
    expect(await row(ids.small).locator('[data-deadline]').getAttribute('data-deadline')).toBe('overdue');
    expect(await row(ids.small).locator('[col-id="deadline"]').innerText()).toMatch(/超时 1 小时/);
    // Pending entries have no deadline yet, and nothing to execute.
    expect(await row(ids.mid).locator('[data-deadline]').count()).toBe(0);
    expect(await row(ids.mid).getByTestId('list-execute').count()).toBe(0);

    const overdue = page.getByTestId('overdue-filter');
    await expect.poll(() => overdue.getAttribute('data-count')).toBe('1');
    await overdue.click();
    await page.locator('[data-testid="refunds-total"][data-total="1"]').waitFor();
    await page.screenshot({ path: screenshotPath('refunds-overdue') });

    await row(ids.small).getByTestId('list-execute').click();
    const confirm = page.getByTestId('execute-confirm');
    expect(await confirm.innerText()).toContain('40.00');
    await confirm.getByTestId('confirm-execute').click();
    // Nothing is sent without the voucher.
    await confirm.getByText('请填写计费系统凭证号').waitFor();
    await confirm.getByLabel('计费系统凭证号').fill('TF20261130000040');
    await page.screenshot({ path: screenshotPath('refunds-execute-confirm') });
    await confirm.getByTestId('confirm-execute').click();
    await expect.poll(() => page.getByTestId('execute-done').innerText()).toContain(`已执行 #${ids.small}`);
    await expect.poll(() => overdue.getAttribute('data-count')).toBe('0');
    await page.locator('[data-testid="refunds-total"][data-total="0"]').waitFor();

    await overdue.click();
    await row(ids.small).locator('[data-deadline="late"]').waitFor();
    expect(await row(ids.small).locator('[col-id="status"]').innerText()).toBe('已执行');
  });

  it('shows his own queue and, read-only beneath it, the entry waiting for a manager', async () => {
    await page.evaluate("window.location.hash = '#/refunds?tab=queue'");
    const queue = page.getByTestId('approval-queue');
    await queue.waitFor();
    const mine = queue.getByTestId('approval-item');
    await expect.poll(() => mine.count()).toBe(1);
    expect(await mine.locator('[data-testid="refund-entry"]').getAttribute('data-refund-id')).toBe(String(ids.mid));
    expect(await mine.locator('button[data-refund-action="approve"]').count()).toBe(1);

    const waiting = page.getByTestId('waiting-others');
    const item = waiting.getByTestId('waiting-item');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.getAttribute('data-refund-id')).toBe(String(ids.big));
    expect(await item.getByTestId('read-only-mark').innerText()).toBe('只读 · 待经理审批');
    expect(await item.locator('button[data-refund-action]').count()).toBe(0);
    await waiting.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('refunds-waiting-manager'), fullPage: true });

    // Approving the ¥80 empties his queue; the manager's entry stays where it was.
    await mine.locator('button[data-refund-action="approve"]').click();
    await mine.getByTestId('confirm-step').click();
    await page.getByTestId('queue-empty').waitFor();
    await expect.poll(() => item.count()).toBe(1);
  });
});
