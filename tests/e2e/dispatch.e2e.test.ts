/**
 * Dispatch proposals as an agent at the new-ticket form meets them: the
 * branch set up with its demo history (a year of settled tickets), the
 * complaint typed, the proposal appears beside it with the n-grams that
 * decided it, one click puts its category and department into the form, and
 * the ticket registered records that the proposal was taken; then the
 * ticket is transferred to another department, and the report's 智能派单效果
 * panel counts the proposal taken and its ticket transferred later. On the
 * ticket page, 转派 proposes the department for the complaint's text too
 * (imported tickets have none), and one click puts it into the transfer form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { screenshotPath, type TestConsole } from './support/console';
import { ShellPage } from './pages/ShellPage';
import { NewTicketPage } from './pages/NewTicketPage';
import { signedInBranch } from './support/signed-in';
import { pageApi } from './support/page-api';

describe('the new-ticket form proposes category and department from the text', () => {
  let desk: TestConsole;
  let browser: Browser;
  let page: Page;
  let ticketNo = '';
  let department = '';
  const api = pageApi(() => page);

  beforeAll(async () => {
    ({ desk, browser, page } = await signedInBranch({ onPageError: (e) => console.error('pageerror:', e) }));
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  it('shows the proposal with its reason, takes it with one click, and records it with the ticket', { timeout: 120_000 }, async () => {
    await new ShellPage(page).newTicket();
    const form = new NewTicketPage(page);
    await form.heading.waitFor();
    const panel = page.getByTestId('dispatch-suggestion');
    await expect.poll(() => panel.innerText()).toContain('输入投诉内容后');

    await page.getByLabel('客户号码').fill('13812345678');
    await page.getByLabel('投诉内容').fill('家中室内信号差，通话经常中断，要求尽快处理');
    // The demo history's 网络质量 complaints speak of 信号 and 通话: the proposal is under 网络质量, for those words.
    const category = page.getByTestId('dispatch-category');
    await category.waitFor({ timeout: 60_000 });
    expect(await category.locator('strong').innerText()).toMatch(/^网络质量\//);
    const reason = await page.getByTestId('dispatch-reason').innerText();
    expect(reason).toContain('依据');
    expect(reason).toMatch(/信号|通话|中断/);
    department = await page.getByTestId('dispatch-department').locator('strong').innerText();
    expect(department.length).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('dispatch-suggestion') });

    const accept = page.getByTestId('dispatch-accept');
    await accept.click();
    await expect.poll(() => accept.innerText()).toBe('已采用');
    expect(await page.getByLabel('投诉类别').locator('option:checked').innerText()).toBe('网络质量');
    const [, child] = (await category.locator('strong').innerText()).split('/');
    expect(await page.getByLabel('二级类别').locator('option:checked').innerText()).toBe(child);
    expect(await page.getByLabel('责任部门').inputValue()).toBe(department);

    await form.submit();
    await form.created.waitFor();
    ticketNo = await form.createdTicketNo();
    const stats = await page.evaluate(async () => {
      const res = await fetch('/api/dispatch/stats', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: 0, to: 4e12 }) });
      return ((await res.json()) as { value: { proposals: number; accepted: number; categoryTaken: number; departmentTaken: number } }).value;
    });
    expect(stats).toMatchObject({ proposals: 1, accepted: 1, categoryTaken: 1, departmentTaken: 1 });
  });

  it('the report shows the proposals of its days: taken, and the taken ticket transferred later', { timeout: 120_000 }, async () => {
    // The ticket registered above goes to another department: the proposal was taken, and it was transferred anyway.
    const found = (await api('tickets/list', { limit: 5, filter: { q: ticketNo } })) as { rows: Array<{ id: number; ticketNo: string }> };
    const id = found.rows.find((r) => r.ticketNo === ticketNo)!.id;
    const { departments } = (await api('reports/options', {})) as { departments: string[] };
    const other = departments.find((d) => d !== department)!;
    const { version } = ((await api('tickets/get', { id })) as { ticket: { version: number } }).ticket;
    await api('tickets/act', { id, version, action: { type: 'transfer', department: other, assigneeId: null, reason: '派错了部门' } });

    await new ShellPage(page).go('reports');
    const panel = page.getByTestId('dispatch-stats');
    await panel.waitFor();
    await expect.poll(() => page.getByTestId('dispatch-proposals').getAttribute('data-value')).toBe('1');
    expect(await page.getByTestId('dispatch-departmentTaken').getAttribute('data-value')).toBe('1');
    expect(await page.getByTestId('dispatch-accepted').getAttribute('data-value')).toBe('1');
    const cells = async (row: string) => (await page.getByTestId(row).locator('td').allInnerTexts()).map((x) => x.trim());
    expect(await cells('dispatch-taken-row')).toEqual(['已采用', '1', '1', '100.0%']);
    expect(await cells('dispatch-notTaken-row')).toEqual(['未采用', '0', '0', '—']);
    await panel.screenshot({ path: screenshotPath('report-dispatch-stats') });
  });

  it("the ticket page's 转派 proposes the department for the complaint's text, and one click puts it in the form", { timeout: 120_000 }, async () => {
    const found = (await api('tickets/list', { limit: 5, filter: { q: ticketNo } })) as { rows: Array<{ id: number; ticketNo: string }> };
    const id = found.rows.find((r) => r.ticketNo === ticketNo)!.id;
    await page.evaluate(`window.location.hash = '#/tickets/${id}'`);
    const panel = page.getByTestId('action-panel');
    await panel.locator('.action-buttons button[data-action="transfer"]').click();
    const form = panel.locator('form[data-action="transfer"]');
    const proposal = form.getByTestId('transfer-proposal');
    await proposal.waitFor({ timeout: 60_000 });
    // The same text as at registration: the same department first.
    expect(await proposal.getByTestId('transfer-proposal-department').innerText()).toBe(department);
    expect(await proposal.innerText()).toContain('智能派单建议');
    const take = proposal.getByTestId('transfer-proposal-take');
    await take.click();
    expect(await form.getByLabel(/^部门/).inputValue()).toBe(department);
    await expect.poll(() => take.innerText()).toBe('已采用');
    await form.screenshot({ path: screenshotPath('transfer-proposal') });
  });
});
