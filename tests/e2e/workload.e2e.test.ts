/**
 * A supervisor's workload (#17 item 4), by clicking: a colleague's name in
 * Today's team panel opens the list filtered to him with the per-assignee
 * counts beside it (按处理人); the count he is shown with is the list's total;
 * another name switches the list. Three ticked tickets are transferred
 * together while one of them was changed meanwhile: two move, the third is
 * named with the reason, and the list and its counts are read again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { screenshotPath, startConsole, type TestConsole } from './support/console';
import { BRANCH_ADMIN, SetupPage } from './pages/AuthPages';
import { ShellPage } from './pages/ShellPage';
import { TicketsPage } from './pages/TicketsPage';

interface Row {
  id: number;
  version: number;
  ticketNo: string;
}

describe('a supervisor spreads the work by clicking', () => {
  let desk: TestConsole;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    desk = await startConsole();
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    page.on('pageerror', (e) => console.error('pageerror', e));
    await page.goto(desk.url);
    await new SetupPage(page).createAdmin({ ...BRANCH_ADMIN, loadDemo: true });
    await new ShellPage(page).currentUser.waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  const counts = () => page.getByTestId('assignee-counts');
  const countOf = async (who: string) => Number(await counts().locator(`button[data-assignee="${who}"]`).getAttribute('data-count'));
  const pressed = () => counts().locator('button[aria-pressed="true"]');

  it('opens a colleague’s tickets from the team panel, counts per assignee beside them, and switches by name', async () => {
    await page.evaluate("window.location.hash = '#/today'");
    const panel = page.getByTestId('team-panel');
    const named = panel.locator('tbody tr:not([data-assignee="none"])');
    await named.first().getByTestId('team-name').waitFor();
    const first = named.nth(0);
    const who = (await first.getAttribute('data-assignee'))!;
    const name = await first.getByTestId('team-name').innerText();
    const open = Number((await first.getByTestId('team-open').innerText()).replace(/,/g, ''));
    await first.getByTestId('team-name').click();

    const list = new TicketsPage(page);
    await list.waitForTotal(open);
    await pressed().waitFor();
    expect(await pressed().getAttribute('data-assignee')).toBe(who);
    expect(await pressed().innerText()).toContain(name);
    expect(await countOf(who)).toBe(open);
    expect(await list.filterChip('assignee').innerText()).toContain(name);

    // Another colleague, from the counts themselves.
    const other = counts().locator('button[data-assignee]:not([data-assignee=""]):not([data-assignee="none"])').nth(1);
    const otherWho = (await other.getAttribute('data-assignee'))!;
    const otherCount = Number(await other.getAttribute('data-count'));
    await other.click();
    await list.waitForTotal(otherCount);
    expect(await pressed().getAttribute('data-assignee')).toBe(otherWho);
    // 全部 takes the assignee off: the total is every count added up.
    await counts().locator('button[data-assignee=""]').click();
    const sum = await counts()
      .locator('button[data-count]')
      .evaluateAll((els) => els.reduce((n, el) => n + Number(el.getAttribute('data-count')), 0));
    await list.waitForTotal(sum);
    await page.screenshot({ path: screenshotPath('tickets-by-assignee') });
  });

  it('transfers ticked tickets together, names the one changed meanwhile, and reads the list and counts again', async () => {
    await page.evaluate("window.location.hash = '#/today'");
    const panel = page.getByTestId('team-panel');
    const first = panel.locator('tbody tr:not([data-assignee="none"])').first();
    await first.getByTestId('team-name').waitFor();
    const who = (await first.getAttribute('data-assignee'))!;
    await first.getByTestId('team-name').click();
    const list = new TicketsPage(page);
    const before = await list.total();
    expect(await countOf(who)).toBe(before);

    // The three tickets at the top, as the grid holds them (with their versions).
    const ticked: string[] = [];
    for (let i = 0; i < 3; i++) {
      await list.rows.nth(i).locator('.ag-selection-checkbox input').check();
      ticked.push((await list.rows.nth(i).locator('[col-id="ticketNo"] .ticket-no').innerText()).trim());
    }
    const bar = page.getByTestId('batch-transfer');
    await expect.poll(() => bar.innerText()).toContain('已选 3 张');

    // Someone else moves the third ticket first (same session, straight to the server): the list still holds its old version.
    const moved = await page.evaluate(async (no) => {
      const post = (m: string, body: unknown) =>
        fetch(`/api/${m}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<{ value: { rows: Row[] } }>);
      const page = await post('tickets/list', { offset: 0, limit: 5, filter: { q: no } });
      const t = page.value.rows[0]!;
      await post('tickets/transferMany', { items: [{ id: t.id, version: t.version }], department: '市场部', assigneeId: null });
      return t;
    }, ticked[2]!);
    expect(moved.ticketNo).toBe(ticked[2]!);

    const target = await bar.getByLabel('处理人').locator('option').evaluateAll(
      (opts, me) => opts.map((o) => o.getAttribute("value") ?? "").find((v) => v && v !== me)!,
      who,
    );
    await bar.getByLabel('转派部门').selectOption('网络部');
    await bar.getByLabel('处理人').selectOption(target);
    await bar.getByRole('button', { name: '批量转派' }).click();
    const outcome = page.getByTestId('batch-outcome');
    await expect.poll(() => outcome.innerText()).toMatch(/已转派 2 张/);
    const text = await outcome.innerText();
    expect(text).toContain('1 张未转派');
    expect(text).toContain(ticked[2]!);
    expect(text).toMatch(/已被他人修改|刷新/);

    // The list and the counts are read again: all three have left him (two by the batch, one by the other move).
    await list.waitForTotal(before - 3);
    await expect.poll(() => countOf(who)).toBe(before - 3);
    const listed = await list.ticketNumbers();
    for (const no of ticked) expect(listed).not.toContain(no);
    await page.screenshot({ path: screenshotPath('tickets-batch-refused') });
  });
});
