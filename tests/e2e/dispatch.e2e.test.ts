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
 * A CRM export is imported: once the model has retrained, each imported
 * ticket has its proposal recorded, its page shows it with its words, and
 * 按建议转派 transfers it there — recorded as a transfer proposal taken; the
 * report then counts registration, import and transfer proposals apart.
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
      return ((await res.json()) as { value: { form: { proposals: number; accepted: number; categoryTaken: number; departmentTaken: number } } }).value;
    });
    expect(stats.form).toMatchObject({ proposals: 1, accepted: 1, categoryTaken: 1, departmentTaken: 1 });
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
    await expect.poll(() => page.getByTestId('dispatch-form-proposals').getAttribute('data-value')).toBe('1');
    expect(await page.getByTestId('dispatch-form-departmentTaken').getAttribute('data-value')).toBe('1');
    expect(await page.getByTestId('dispatch-form-accepted').getAttribute('data-value')).toBe('1');
    const cells = async (row: string) => (await page.getByTestId(row).locator('td').allInnerTexts()).map((x) => x.trim());
    expect(await cells('dispatch-form')).toEqual(['登记', '1', '1（100%）', '1（100%）', '1（100%）', '1 / 1（100.0%）', '—', '—']);
    expect(await page.getByTestId('dispatch-import-proposals').getAttribute('data-value')).toBe('0');
    expect(await page.getByTestId('dispatch-transfer-proposals').getAttribute('data-value')).toBe('0');
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

  it("an imported ticket's page shows the proposal recorded after the import, and 按建议转派 transfers it there", { timeout: 180_000 }, async () => {
    const iso = (ms: number) => new Date(ms).toISOString();
    const at = Date.now() - 3_600_000;
    const csv = [
      ['工单编号', '受理渠道', '受理时间', '客户号码', '投诉类别', '投诉内容', '处理状态'].join(','),
      ['CRM-3001', '10086', iso(at), '13800138301', '网络质量/信号覆盖', '家中室内信号差，通话经常中断', '处理中'].join(','),
      ['CRM-3002', '10086', iso(at), '13800138302', '网络质量/信号覆盖', '小区信号差，通话断断续续', '处理中'].join(','),
    ].join('\r\n');
    const { uploadId } = (await api('import/upload', { fileName: 'crm-open.csv', offset: 0, data: Buffer.from(csv, 'utf8').toString('base64') })) as { uploadId: string };
    expect(await api('import/run', { uploadId })).toMatchObject({ inserted: 2, rejectedRows: 0 });
    const found = (await api('tickets/list', { limit: 5, filter: { q: 'CRM-3001' } })) as { rows: Array<{ id: number; ticketNo: string }> };
    const id = found.rows.find((r) => r.ticketNo === 'CRM-3001')!.id;
    // The model retrains a moment after the import, then proposes for its tickets.
    type Recorded = { source: string; department: { department: string; reasons: string[] } | null } | null;
    await expect.poll(async () => ((await api('dispatch/recorded', { id })) as Recorded)?.department?.department ?? null, { timeout: 90_000 }).not.toBeNull();
    const recorded = (await api('dispatch/recorded', { id })) as NonNullable<Recorded>;
    expect(recorded.source).toBe('import');

    await page.evaluate(`window.location.hash = '#/tickets/${id}'`);
    const panel = page.getByTestId('action-panel');
    const line = panel.getByTestId('recorded-proposal');
    await line.waitFor({ timeout: 30_000 });
    expect(await line.innerText()).toContain('智能派单建议（导入后给出）');
    expect(await line.getByTestId('recorded-proposal-department').innerText()).toBe(recorded.department!.department);
    // The demo history's departments are not told apart by their words (docs/QC.md): the department may come
    // with no words of its own; the category's words are there.
    const category = line.getByTestId('recorded-proposal-category');
    expect(await category.innerText()).toMatch(/^·\s*类别建议 网络质量\/.*依据：.*(信号|通话|中断)/s);
    expect(await line.getByTestId('recorded-proposal-reason').count()).toBe(recorded.department!.reasons.length > 0 ? 1 : 0);
    await page.screenshot({ path: screenshotPath('dispatch-imported-ticket') });

    await line.getByTestId('recorded-proposal-take').click();
    const form = panel.locator('form[data-action="transfer"]');
    await form.waitFor();
    expect(await form.getByLabel(/^部门/).inputValue()).toBe(recorded.department!.department);
    // The form's own proposal for the same text names the same department, and says it is in use.
    const live = form.getByTestId('transfer-proposal');
    await live.waitFor({ timeout: 30_000 });
    expect(await live.getByTestId('transfer-proposal-department').innerText()).toBe(recorded.department!.department);
    await expect.poll(() => live.getByTestId('transfer-proposal-take').innerText()).toBe('已采用');
    await form.getByTestId('confirm-action').click();
    await panel.getByTestId('action-done').waitFor();

    const stats = (await api('dispatch/stats', { from: 0, to: 4e12 })) as {
      import: { proposals: number; departmentTaken: number; taken: { tickets: number }; undecided: number };
      transfer: { proposals: number; departmentTaken: number; accepted: number };
    };
    expect(stats.import).toMatchObject({ proposals: 2, departmentTaken: 1, taken: { tickets: 1 }, undecided: 1 });
    expect(stats.transfer).toMatchObject({ proposals: 1, departmentTaken: 1, accepted: 1 });
  });

  it('the report counts the proposals per source: registration, import and transfer', { timeout: 120_000 }, async () => {
    await new ShellPage(page).go('reports');
    const panel = page.getByTestId('dispatch-stats');
    await panel.waitFor();
    await expect.poll(() => page.getByTestId('dispatch-import-proposals').getAttribute('data-value')).toBe('2');
    const cells = async (row: string) => (await page.getByTestId(row).locator('td').allInnerTexts()).map((x) => x.trim());
    // Import: CRM-3001's first transfer took the proposed department, CRM-3002 has not been transferred yet. (Whether the
    // proposed second level agrees with the CRM's is chance here: the demo draws second levels at random.)
    const imported = await cells('dispatch-import');
    expect(imported[0]).toBe('导入');
    expect(imported.slice(3)).toEqual(['1（50%）', '—', '0 / 1（0.0%）', '—', '1']);
    expect(await cells('dispatch-transfer')).toEqual(['转派', '1', '—', '1（100%）', '1（100%）', '0 / 1（0.0%）', '—', '—']);
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: screenshotPath('report-dispatch-stats') });
  });
});
