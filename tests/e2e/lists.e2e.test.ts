/**
 * 基础列表, as an administrator keeps it, all by clicking: departments,
 * cities and districts are added in Settings; registering a ticket and an
 * account choose from them; a retired department is no longer offered but
 * stays on its ticket; renaming 网络部门 to 网络部 merges the two; an account's
 * name, role and department are edited; an import's unknown district waits
 * in the review list and, once mapped, its ticket carries the value.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { screenshotPath, type TestConsole } from './support/console';
import { BRANCH_ADMIN } from './pages/AuthPages';
import { ShellPage } from './pages/ShellPage';
import { SettingsPage } from './pages/SettingsPage';
import { NewTicketPage } from './pages/NewTicketPage';
import { signedInBranch } from './support/signed-in';

const CSV = [
  '工单编号,受理渠道,受理时间,客户号码,客户姓名,地市,区县,投诉类别,投诉内容',
  'CRM-2001,10086,2026-11-20 09:15,13800138001,陈女士,佛山,禅城,网络质量/上网慢/断网,晚上经常断网',
].join('\r\n');

describe('the kept lists', () => {
  let desk: TestConsole;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    ({ desk, browser, page } = await signedInBranch({ setup: BRANCH_ADMIN, onPageError: (e) => errors.push(e.message) }));
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  const ticketField = (field: string) =>
    page.evaluate(async (f) => {
      const res = await fetch('/api/tickets/list', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      const rows = ((await res.json()) as { value: { rows: Array<Record<string, unknown>> } }).value.rows;
      return rows.map((r) => r[f]);
    }, field);

  it('adds departments, a city and districts in 设置 → 基础列表', async () => {
    await new ShellPage(page).go('settings');
    const settings = new SettingsPage(page);
    await settings.openLists();
    for (const d of ['网络部', '网络部门', '客服中心', '市场部']) await settings.addListValue('department', d);
    await settings.addListValue('city', '佛山');
    for (const d of ['禅城区', '南海区']) await settings.addListValue('district', d);
    // The same name twice is refused in words.
    await settings.listPanel('district').locator('form.inline-form input').last().fill('南海区');
    await settings.listPanel('district').getByRole('button', { name: '添加', exact: true }).click();
    await settings.listPanel('district').getByText('区县列表中已有「南海区」。').waitFor();
  });

  it('retires 市场部 and merges 网络部门 into 网络部', async () => {
    const settings = new SettingsPage(page);
    const panel = settings.listPanel('department');
    await panel.locator('tr[data-value="市场部"]').getByRole('button', { name: '停用' }).click();
    await panel.getByText('已停用「市场部」').waitFor();
    await panel.locator('tr[data-value="网络部门"]').getByRole('button', { name: '改名' }).click();
    const rename = panel.getByRole('form', { name: '「网络部门」改为' });
    await rename.getByRole('textbox').fill('网络部');
    await rename.getByRole('button', { name: '保存' }).click();
    await panel.getByText('已合并到「网络部」，0 张工单随之更新。').waitFor();
    expect(await panel.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-value')))).toEqual(['客服中心', '网络部', '市场部']);
    await page.screenshot({ path: screenshotPath('settings-lists'), fullPage: true });
  });

  it('creates an account choosing its department, then edits its name, role and department', async () => {
    const settings = new SettingsPage(page);
    await settings.openGeneral();
    const form = page.getByRole('form', { name: '新建账号' });
    const offered = await form.getByLabel('部门', { exact: true }).locator('option').allInnerTexts();
    expect(offered).toEqual(['—（不填）', '客服中心', '网络部']); // 市场部 is retired: not offered
    await settings.createUser({ username: 'lizx', displayName: '李坐席', role: '坐席', department: '客服中心', password: 'zuoxi-2026' });
    await settings.editUser('lizx', '李坐席', { displayName: '李志新', role: '班长/主管', department: '网络部' });
    const row = settings.accountRow('lizx');
    // The list reloads after the save: wait for it rather than read the row at once.
    await expect.poll(() => row.locator('td').allInnerTexts()).toEqual(expect.arrayContaining(['李志新', '班长/主管', '网络部']));
    // The administrator's own role cannot be changed from here.
    await settings.accountRow('admin').getByRole('button', { name: '编辑', exact: true }).click();
    expect(await page.getByTestId('user-edit').getByLabel('角色', { exact: true }).isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath('settings-user-edit'), fullPage: true });
    await page.getByTestId('user-edit').getByRole('button', { name: '取消' }).click();
  });

  it('registers a ticket choosing city, district and department from the lists', async () => {
    const shell = new ShellPage(page);
    await shell.newTicket();
    const form = new NewTicketPage(page);
    await form.heading.waitFor();
    expect(await page.getByLabel('责任部门').locator('option').allInnerTexts()).toEqual(['—（不填）', '客服中心', '网络部']);
    await form.fill({ phone: '13812345678', city: '佛山', district: '南海区', category: ['网络质量', '信号覆盖'], description: '家中信号差', department: '网络部' });
    await page.screenshot({ path: screenshotPath('new-ticket-lists') });
    await form.submit();
    await form.created.waitFor();
    expect(await ticketField('district')).toEqual(['南海区']);
    expect(await ticketField('department')).toEqual(['网络部']);
  });

  it('an imported district the list does not know waits for review; mapped, the ticket carries it', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-lists-')), 'crm.csv');
    fs.writeFileSync(file, CSV);
    await new ShellPage(page).go('tickets');
    await page.getByTestId('import-link').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-mapping').waitFor();
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-held').waitFor();
    expect(await page.getByTestId('import-held').innerText()).toContain('区县「禅城」（1 行）');

    await new ShellPage(page).go('settings');
    const settings = new SettingsPage(page);
    await settings.openLists();
    const review = page.getByTestId('list-reviews').locator('tr[data-raw="禅城"]');
    await review.getByRole('combobox').selectOption({ label: '禅城区' });
    await page.screenshot({ path: screenshotPath('settings-list-review'), fullPage: true });
    await review.getByRole('button', { name: '对应', exact: true }).click();
    await page.getByText('「禅城」已对应到「禅城区」，1 张工单已补上。').waitFor();
    await page.getByTestId('list-reviews').getByText('没有待核对的值。').waitFor();
    expect((await ticketField('district')).sort()).toEqual(['南海区', '禅城区']);
    expect(errors).toEqual([]);
  });
});
