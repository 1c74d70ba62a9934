/**
 * Volume warnings as a supervisor meets them: six months of 资费计费 come in
 * from the CRM (10 a month, so the threshold is 13), then a day with 25 more;
 * a moment after that import the check raises the warning, the console shows
 * a notice and Today counts it; on the 预警 page it is reviewed and published
 * to the recipient list, each step in its history, and its tickets open in
 * the list.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, workstation } from './support/browser';
import { screenshotPath, startConsole, type TestConsole } from './support/console';
import { BRANCH_ADMIN, SetupPage } from './pages/AuthPages';
import { ShellPage } from './pages/ShellPage';

const HEADER = '工单编号,受理渠道,受理时间,客户号码,投诉类别,投诉内容,工单级别,处理状态';
const china = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** 10 tickets on the 10th of each of the 6 months before this one (China time), and 25 received a minute ago. */
function files(dir: string, now: number): { history: string; surge: string } {
  const local = new Date(now + 8 * 3_600_000);
  const rows: string[] = [];
  let n = 0;
  for (let back = 6; back >= 1; back--) {
    const d = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - back, 10, 2));
    for (let i = 0; i < 10; i++) rows.push(`H-${++n},10086,${china(d.getTime())},1380000${String(n).padStart(4, '0')},资费计费,多扣费,普通,新建`);
  }
  const surge: string[] = [];
  for (let i = 0; i < 25; i++) surge.push(`S-${i + 1},10086,${china(now - 60_000)},1390000${String(i + 1).padStart(4, '0')},资费计费,套餐变更后多扣费,普通,新建`);
  const history = path.join(dir, 'history.csv');
  const surgeFile = path.join(dir, 'surge.csv');
  fs.writeFileSync(history, [HEADER, ...rows].join('\r\n'));
  fs.writeFileSync(surgeFile, [HEADER, ...surge].join('\r\n'));
  return { history, surge: surgeFile };
}

describe('a volume warning from an import to its publication', () => {
  let desk: TestConsole;
  let browser: Browser;
  let page: Page;
  let csv: { history: string; surge: string };

  beforeAll(async () => {
    csv = files(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-warnings-')), Date.now());
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

  async function importFile(file: string) {
    await page.goto(`${desk.url}/#/tickets/import`);
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-mapping').waitFor();
    await page.getByTestId('import-run').click();
    await page.getByTestId('import-result').waitFor();
  }

  const warnings = () =>
    page.evaluate(async () => {
      const res = await fetch('/api/warnings/list', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: 0, to: 4e12 }) });
      return ((await res.json()) as { value: Array<{ id: number; period: string; level: string; count: number; state: string }> }).value;
    });

  it('six months of history raise nothing; the surge imported after them raises the warning with a notice', async () => {
    await importFile(csv.history);
    await expect.poll(async () => (await page.getByTestId('import-result').innerText()).includes('60')).toBe(true);
    expect(await warnings()).toEqual([]);
    await importFile(csv.surge);
    const notice = page.getByTestId('warning-notice-bar');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('资费计费');
    // One line per warning raised (the month and the last 7 days), not one paragraph; nothing held back.
    expect(await notice.getByTestId('warning-notice-lines').locator('li').count()).toBe(2);
    expect(await notice.getByTestId('warning-notice-more').count()).toBe(0);
    await notice.screenshot({ path: screenshotPath('warning-notice') });
    // 25 this month and in the last 7 days against a baseline of 10 a month: red for both periods.
    const raised = await warnings();
    expect(raised.map((w) => [w.period, w.count, w.level, w.state]).sort()).toEqual([
      ['month', 25, 'red', 'pending'],
      ['rolling7', 25, 'red', 'pending'],
    ]);
    await new ShellPage(page).go('today');
    await expect.poll(async () => (await page.getByTestId('count-warnings').innerText()).replace(/\D+/g, '')).toBe('2');
  });

  it('on the 预警 page it is reviewed and published to the recipient list, each step in its history', async () => {
    await new ShellPage(page).go('warnings');
    await page.getByTestId('warning-table').waitFor();
    // The administrator keeps the recipient list.
    await page.getByTestId('warning-recipients-input').fill('李经理,区县经理\n赵主任,市场部');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('预警设置已保存。').waitFor();
    const month = (await warnings()).find((w) => w.period === 'month')!;
    await page.getByTestId(`warning-${month.id}`).getByTestId('warning-details').click();
    const panel = page.getByTestId('warning-panel');
    await panel.getByLabel('审核意见').fill('套餐调整引起，属实');
    await panel.getByTestId('warning-approve').click();
    await panel.getByTestId('warning-publish').click();
    await expect.poll(async () => panel.getByTestId('warning-state').innerText()).toBe('已发布');
    expect(await panel.getByTestId('warning-recipients').innerText()).toContain('李经理（区县经理）、赵主任（市场部）');
    const history = await panel.getByTestId('warning-history').locator('li').allInnerTexts();
    expect(history.map((h) => h.split(' · ')[0]!.replace(/^\S+ \S+ /, ''))).toEqual(['预警产生', '审核', '发布']);
    expect(history[0]).toContain('系统');
    expect(history[1]).toContain('套餐调整引起，属实');
    await page.getByTestId('warning-report').waitFor();
    await page.screenshot({ path: screenshotPath('warnings'), fullPage: true });
  });

  it("clicking a warning's tickets opens the 25 tickets it counts in the list", async () => {
    const month = (await warnings()).find((w) => w.period === 'month')!;
    await page.getByTestId(`warning-${month.id}`).getByTestId('warning-tickets').click();
    await expect.poll(() => page.evaluate<string>('window.location.hash')).toMatch(/^#\/tickets\?/);
    const hash = await page.evaluate<string>('window.location.hash');
    const filter = Object.fromEntries(new URLSearchParams(hash.split('?')[1]));
    const total = await page.evaluate(async (f) => {
      const body = { filter: { categoryId: Number(f.cat), receivedFrom: Number(f.rf), receivedTo: Number(f.rt) }, limit: 1 };
      const res = await fetch('/api/tickets/list', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return ((await res.json()) as { value: { total: number } }).value.total;
    }, filter);
    expect(total).toBe(25);
  });
});
