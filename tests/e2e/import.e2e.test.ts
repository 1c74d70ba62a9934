/**
 * The CRM import page, as a supervisor uses it: choose the file, read the
 * mapping and the first rows, dry-run, import, and take the rejected rows back
 * to the CRM team. A GB18030 file with one bad row: the good rows land, the bad
 * one is reported with its line, column and reason, and a second import of the
 * same file changes nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, workstation } from './support/browser';
import { screenshotPath, startConsole, type TestConsole } from './support/console';
import { BRANCH_ADMIN, SetupPage } from './pages/AuthPages';
import { ShellPage } from './pages/ShellPage';

const CSV = [
  '工单编号,受理渠道,受理时间,客户号码,客户姓名,区县,投诉类别,投诉内容,工单级别,处理状态',
  'CRM-1001,10086,2026-11-20 09:15,13800138001,陈女士,禅城区,网络质量/上网慢/断网,晚上经常断网,普通,处理中',
  'CRM-1002,10086,2026-11-20 10:40,1380013800,李先生,南海区,资费计费/多收费,话费多扣,普通,已受理',
  'CRM-1003,在线客服,2026-11-21 14:05,13900139003,,顺德区,增值业务,不认可的SP扣费,普通,新建',
].join('\r\n');

describe('importing a CRM export from the console', () => {
  let desk: TestConsole;
  let browser: Browser;
  let page: Page;
  let file: string;

  beforeAll(async () => {
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-import-')), 'crm-export.csv');
    fs.writeFileSync(file, iconv.encode(CSV, 'gb18030'));
    desk = await startConsole();
    browser = await launchChromium();
    page = await (await workstation(browser)).newPage();
    await page.goto(desk.url);
    await new SetupPage(page).createAdmin({ ...BRANCH_ADMIN, loadDemo: false });
    await new ShellPage(page).currentUser.waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  /** The number of tickets, asked of the server with the page's own session. */
  const total = () =>
    page.evaluate(async () => {
      const res = await fetch('/api/tickets/list', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      return ((await res.json()) as { value: { total: number } }).value.total;
    });
  const count = async (key: string) => Number((await page.locator(`.counter[data-testid="import-${key}"]`).innerText()).replace(/\D+/g, ''));

  it('opens from the ticket list and previews the file with its column mapping', async () => {
    await new ShellPage(page).go('tickets');
    await page.getByTestId('import-link').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-mapping').waitFor();
    expect(await page.getByTestId('import-kind').innerText()).toMatch(/GB18030/i);
    expect(await page.getByTestId('import-rows').innerText()).toContain('CRM-1001');
  });

  it('a dry run reports what would happen and writes nothing', async () => {
    await page.getByTestId('import-dry-run').click();
    await page.getByTestId('import-result').waitFor();
    expect([await count('inserted'), await count('rejected')]).toEqual([2, 1]);
    expect(await total()).toBe(0);
  });

  it('imports the good rows, reports the bad one by line, column and reason, and a second run changes nothing', async () => {
    await page.getByTestId('import-run').click();
    await expect.poll(total).toBe(2);
    // Both rows are long past their resolution deadline: every stage fires at once, and the console says so in one notice, counted in tickets.
    const notice = page.getByTestId('alert-notice');
    await notice.waitFor();
    expect(await notice.count()).toBe(1);
    expect(await notice.getAttribute('data-tickets')).toBe('2');
    expect(await notice.innerText()).toContain('2 个工单已超时并升级');
    await page.screenshot({ path: screenshotPath('import-alert-notice') });
    const rejected = page.locator('table[data-testid="import-rejected"] tbody tr');
    // One row: the line as a text editor shows it (the header is line 1), the column as the file names it, the value, the reason.
    expect(await rejected.count()).toBe(1);
    expect(await rejected.first().locator('td').allInnerTexts()).toEqual(['3', '客户号码', '1380013800', '✕ 不是 11 位大陆手机号码，也不是带区号的固定电话（如 020-12345678）。']);
    await page.screenshot({ path: screenshotPath('import'), fullPage: true });
    await page.getByTestId('import-run').click();
    await expect.poll(() => count('unchanged')).toBe(2);
    expect(await count('inserted')).toBe(0);
    expect(await count('updated')).toBe(0);
  });
});
