/**
 * The list over a realistic table (the demo data, ~3000 tickets): the grid
 * pages in blocks of 100 and never asks for the whole table; chips, column
 * filters, sort and search become the SQL filter; the Today counters add up.
 * Also writes the screenshots (docs/screenshots when DESK_SCREENSHOTS_DIR says so).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, workstation } from './support/browser';
import { screenshotPath, startConsole, type TestConsole } from './support/console';
import { LoginPage, BRANCH_ADMIN, SetupPage } from './pages/AuthPages';
import { ShellPage } from './pages/ShellPage';
import { TicketPage } from './pages/TicketPage';
import { TicketsPage } from './pages/TicketsPage';
import { TodayPage } from './pages/TodayPage';

interface ListCall {
  offset?: number;
  limit?: number;
  sort?: { field: string; dir: string };
  filter?: Record<string, unknown>;
}

describe('the ticket list over the demo data', () => {
  let desk: TestConsole;
  let browser: Browser;
  let page: Page;
  const listCalls: ListCall[] = [];
  const cspErrors: string[] = [];
  const gridCalls = () => listCalls.filter((c) => c.limit !== 1 && c.limit !== 20);

  beforeAll(async () => {
    desk = await startConsole();
    browser = await launchChromium();
    page = await (await workstation(browser)).newPage();
    page.on('request', (r) => {
      if (r.url().endsWith('/api/tickets/list')) listCalls.push(JSON.parse(r.postData() ?? '{}') as ListCall);
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });
    await page.goto(desk.url);
    await new SetupPage(page).createAdmin({ ...BRANCH_ADMIN, loadDemo: true });
    await new ShellPage(page).currentUser.waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  it('after a restart, logs in and catches up on the deadlines that passed meanwhile', async () => {
    await desk.restart();
    await page.goto(desk.url);
    const login = new LoginPage(page);
    await login.heading.waitFor();
    await page.getByLabel('用户名', { exact: true }).fill('admin');
    await page.screenshot({ path: screenshotPath('login') });
    await login.login('admin', 'zhuguan-2026');
    const shell = new ShellPage(page);
    await shell.currentUser.waitFor();
    const today = new TicketsPage(page);
    const breached = await today.counterValue('breached');
    expect(breached).toBeGreaterThan(0);
    // The monitor's catch-up round (it runs once the console has answered and gone quiet) raised an alert
    // for each breach; the bell counts them a moment later.
    await expect.poll(() => shell.bellCount(), { timeout: 10_000 }).toBeGreaterThanOrEqual(breached);
  });

  it('the bell lists each clock once at its latest stage; acknowledging one acknowledges that clock', async () => {
    const shell = new ShellPage(page);
    const before = await shell.bellCount();
    const panel = await shell.openBell();
    const items = panel.locator('li');
    // One entry per clock: no ticket's clock appears twice.
    const keys = await items.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-ticket-no')}:${e.getAttribute('data-clock')}`));
    expect(new Set(keys).size).toBe(keys.length);
    const first = items.first();
    expect(await first.innerText()).toMatch(/已超时|即将超时|超时升级/);
    await page.screenshot({ path: screenshotPath('alerts') });
    await first.getByRole('button', { name: '确认' }).click();
    await expect.poll(() => shell.bellCount()).toBe(before - 1);
    await page.keyboard.press('Escape');
    expect(await panel.count()).toBe(0);
  });

  it('counts open tickets by status, and the parts add up to the whole', async () => {
    const today = new TicketsPage(page);
    const parts = await Promise.all(['new', 'accepted', 'in_progress', 'pending_customer', 'responded'].map((s) => today.counterValue(s)));
    const open = await today.counterValue('open');
    expect(open).toBeGreaterThan(0);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(open);
  });

  it('pages the whole table in blocks of 100 and never loads it all', async () => {
    await new ShellPage(page).go('tickets');
    const list = new TicketsPage(page);
    expect(await list.total()).toBe(3000);
    expect((await list.ticketNumbers()).length).toBeGreaterThan(10);
    await page.screenshot({ path: screenshotPath('tickets') });

    // Scroll the way a user does (the wheel over the rows), about 450 rows down.
    const box = (await list.grid.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 1200);
    // On a busy machine the grid may still be settling after the wheel: keep scrolling, as a user would.
    const reached400 = () => gridCalls().some((c) => c.offset === 400);
    await expect
      .poll(
        async () => {
          if (!reached400()) await page.mouse.wheel(0, 600);
          return reached400();
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    for (const c of gridCalls()) expect(c.limit).toBe(100);
    expect(gridCalls().length).toBeLessThan(10);
  });

  it('turns chips and the filter bar into the SQL filter, matching the Today counts', async () => {
    await new ShellPage(page).go('today');
    const today = new TicketsPage(page);
    const open = await today.counterValue('open');
    const fresh = await today.counterValue('new');
    const major = await today.counterValue('major');

    await new ShellPage(page).go('tickets');
    const list = new TicketsPage(page);
    await list.toggleChip('open');
    await list.waitForTotal(open);
    expect(gridCalls().at(-1)?.filter).toEqual({ open: true });

    await list.pick('status', '新建');
    await list.waitForTotal(fresh);
    expect(gridCalls().at(-1)?.filter).toEqual({ open: true, status: ['new'] });

    await list.toggleChip('open');
    await list.toggleChip('major');
    // The grid asks again once the chip is in: wait for that call, not the one before it.
    await expect.poll(() => gridCalls().at(-1)?.filter).toMatchObject({ level: ['major', 'overlevel'], status: ['new'] });
    await page.goto(`${desk.url}/#/today`);
    await page.getByTestId('count-major').click();
    await list.waitForTotal(major);
  });

  it('sorts by ticket number in SQL', async () => {
    await page.goto(`${desk.url}/#/tickets`);
    const list = new TicketsPage(page);
    await list.total();
    await list.grid.locator('.ag-header-cell[col-id="ticketNo"] .ag-header-cell-label').click();
    await expect.poll(() => gridCalls().at(-1)?.sort).toEqual({ field: 'ticketNo', dir: 'asc' });
    await expect
      .poll(async () => {
        const nos = await list.ticketNumbers();
        return nos.length > 5 && nos.every((n, i) => i === 0 || nos[i - 1]! <= n);
      })
      .toBe(true);
  });

  it('sorting by 时限 keeps every ticket (no due time comes last); the due cell names its clock and is coloured by time left', async () => {
    await page.goto(`${desk.url}/#/tickets`);
    const list = new TicketsPage(page);
    const all = await list.total();
    await list.grid.locator('.ag-header-cell[col-id="due"] .ag-header-cell-label').click();
    await expect.poll(() => gridCalls().at(-1)?.sort).toEqual({ field: 'dueAt', dir: 'asc' });
    await list.waitForTotal(all);
    const first = list.rows.first().locator('[col-id="due"] .due-cell');
    await first.waitFor();
    expect(await first.getAttribute('data-clock')).toMatch(/^(first_response|resolution|follow_up|refund)$/);
    expect(await first.locator('.countdown').getAttribute('data-tone')).toBe('breached');
    await page.screenshot({ path: screenshotPath('tickets-by-due') });
    await list.grid.locator('.ag-header-cell[col-id="due"] .ag-header-cell-label').click();
    await expect.poll(() => gridCalls().at(-1)?.sort).toEqual({ field: 'dueAt', dir: 'desc' });
    await list.waitForTotal(all);
  });

  it('moves with j/k and opens with Enter; finds a customer by phone with Ctrl+K', async () => {
    const list = new TicketsPage(page);
    const nos = await list.ticketNumbers();
    await list.rows.first().locator('[col-id="ticketNo"]').click();
    await expect.poll(() => list.focusedRow()).toBe(0);
    for (const [key, row] of [['j', 1], ['j', 2], ['k', 1]] as const) {
      await page.keyboard.press(key);
      await expect.poll(() => list.focusedRow()).toBe(row);
    }
    await page.keyboard.press('Enter');
    const ticket = new TicketPage(page);
    await ticket.ticketNo.waitFor();
    expect(await ticket.ticketNo.innerText()).toBe(nos[1]);
    expect(await ticket.history()).not.toHaveLength(0);

    const phone = (await page.getByTestId('customer-phone').innerText()).trim();
    expect(phone).toMatch(/^1[3-9]\d{9}$/);
    await new ShellPage(page).search(phone);
    const total = await list.total();
    expect(total).toBeGreaterThanOrEqual(1);
    expect(gridCalls().at(-1)?.filter).toEqual({ q: phone });
    const phones = await list.rows.locator('[col-id="customer"]').allInnerTexts();
    // Every match the grid shows is this customer's, and it shows as many as fit on the screen (at least ten rows).
    expect(phones.length).toBeLessThanOrEqual(total);
    expect(phones.length).toBeGreaterThanOrEqual(Math.min(total, 10));
    for (const p of phones) expect(p).toContain(phone);
  });

  it('Today: each deadline tile counts tickets, its list says the same number, and so does the ticket list it opens', async () => {
    // A 12300 complaint registered now: its first response (1 h) is a clock that can still be saved.
    const created = await page.evaluate(async () => {
      const post = async (method: string, body: unknown) =>
        ((await (await fetch(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as {
          value: unknown;
        }).value;
      const categories = (await post('meta/categories', {})) as Array<{ id: number; parentId: number | null }>;
      const ticket = (await post('tickets/create', {
        channel: '12300',
        receivedAt: Date.now(),
        phone: '13912345678',
        categoryId: categories.find((c) => c.parentId !== null)!.id,
        description: '工信部转来：宽带断网三天',
      })) as { ticket: { ticketNo: string } };
      return ticket.ticket.ticketNo;
    });
    await new ShellPage(page).go('today');
    const today = new TodayPage(page);
    expect(await today.tilesHint.innerText()).toContain('按工单计');
    await today.row('save-first', created).waitFor();
    // The tile and its list read the same count (each reloads on its own; wait until both are in).
    const agree = async (tile: string, list: 'breached-list' | 'save-first') => {
      await expect.poll(async () => (await today.tile(tile)) === (await today.listTotal(list)), { timeout: 10_000 }).toBe(true);
      return today.tile(tile);
    };
    const breached = await agree('breached', 'breached-list');
    expect(await today.rows('breached-list').count()).toBe(Math.min(breached, 20));
    expect(await today.rows('breached-list').first().locator('.countdown').getAttribute('data-tone')).toBe('breached');
    const within2h = await agree('within2h', 'save-first');
    expect(within2h).toBeGreaterThanOrEqual(1);
    // The clocks that can still be saved are never the breached ones.
    for (const tone of await today.rows('save-first').locator('.countdown').evaluateAll((els) => els.map((e) => e.getAttribute('data-tone')))) {
      expect(tone).not.toBe('breached');
    }
    await page.screenshot({ path: screenshotPath('today'), fullPage: true });
    await page.getByTestId('count-breached').click();
    await new TicketsPage(page).waitForTotal(breached);
    await page.goto(`${desk.url}/#/today`);
    await page.getByTestId('count-within2h').click();
    await new TicketsPage(page).waitForTotal(within2h);
    await page.goto(`${desk.url}/#/today`);
  });

  it('registers tickets on a form that fits the screen, and breaks no CSP rule anywhere', async () => {
    await new ShellPage(page).newTicket();
    await page.getByRole('heading', { name: '登记工单' }).waitFor();
    await page.screenshot({ path: screenshotPath('new-ticket') });
    expect(cspErrors).toEqual([]);
  });
});
