/**
 * Dispatch proposals as an agent at the new-ticket form meets them: the
 * branch set up with its demo history (a year of settled tickets), the
 * complaint typed, the proposal appears beside it with the n-grams that
 * decided it, one click puts its category and department into the form, and
 * the ticket registered records that the proposal was taken.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { screenshotPath, type TestConsole } from './support/console';
import { ShellPage } from './pages/ShellPage';
import { NewTicketPage } from './pages/NewTicketPage';
import { signedInBranch } from './support/signed-in';

describe('the new-ticket form proposes category and department from the text', () => {
  let desk: TestConsole;
  let browser: Browser;
  let page: Page;

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
    const department = await page.getByTestId('dispatch-department').locator('strong').innerText();
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
    const stats = await page.evaluate(async () => {
      const res = await fetch('/api/dispatch/stats', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: 0, to: 4e12 }) });
      return ((await res.json()) as { value: { proposals: number; accepted: number; categoryTaken: number; departmentTaken: number } }).value;
    });
    expect(stats).toMatchObject({ proposals: 1, accepted: 1, categoryTaken: 1, departmentTaken: 1 });
  });
});
