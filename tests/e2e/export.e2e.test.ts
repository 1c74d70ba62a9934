/**
 * 导出 as a supervisor would use it (the demo data): the ticket list with a
 * chip and a sort exports exactly the list — its total, its order, every
 * page — to an XLSX download; the refunds list to CSV with a BOM; the
 * approvals queue and the month's report to XLSX.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, workstation } from './support/browser';
import { screenshotPath, startConsole, type TestConsole } from './support/console';
import { BRANCH_ADMIN, SetupPage } from './pages/AuthPages';
import { ShellPage } from './pages/ShellPage';
import { TicketsPage } from './pages/TicketsPage';

describe('导出', () => {
  let desk: TestConsole;
  let browser: Browser;
  let page: Page;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-export-'));

  beforeAll(async () => {
    desk = await startConsole();
    browser = await launchChromium();
    page = await (await workstation(browser)).newPage();
    await page.goto(desk.url);
    await new SetupPage(page).createAdmin({ ...BRANCH_ADMIN, loadDemo: true });
    await new ShellPage(page).currentUser.waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Open the export menu under `testId`, pick a format and save the download; returns its path and name. */
  async function download(testId: string, format: 'Excel' | 'CSV', shot?: string): Promise<{ file: string; name: string }> {
    const menu = page.getByTestId(testId);
    await menu.getByRole('button', { name: '导出' }).click();
    if (shot) await page.screenshot({ path: screenshotPath(shot) });
    const [dl] = await Promise.all([page.waitForEvent('download'), menu.getByRole('menuitem', { name: new RegExp(`^${format}`) }).click()]);
    const file = path.join(dir, dl.suggestedFilename());
    await dl.saveAs(file);
    await menu.getByTestId(`${testId}-result`).waitFor();
    return { file, name: dl.suggestedFilename() };
  }

  async function sheet(file: string): Promise<ExcelJS.Worksheet> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return wb.worksheets[0]!;
  }

  it('the ticket list: its filters and sort, every matching row, as XLSX', async () => {
    await page.goto(`${desk.url}#/tickets`);
    const list = new TicketsPage(page);
    const all = await list.total();
    await page.goto(`${desk.url}#/tickets?channel=10086&district=${encodeURIComponent('南海区')}`);
    await expect.poll(() => list.total()).toBeLessThan(all);
    const total = await list.total();
    expect(total).toBeGreaterThan(100); // more than the grid's first block
    await list.grid.locator('.ag-header-cell[col-id="ticketNo"]').click(); // sort by number, ascending
    await expect.poll(async () => (await list.ticketNumbers())[0]).not.toBe('');
    const shown = await list.ticketNumbers();
    expect([...shown].sort()).toEqual(shown);
    const { file, name } = await download('export', 'Excel', 'export-menu');
    expect(name).toMatch(/^工单-\d{8}-\d{6}\.xlsx$/);
    const ws = await sheet(file);
    expect(ws.rowCount).toBe(total + 1);
    expect(ws.getRow(1).getCell(1).value).toBe('工单编号');
    const numbers: string[] = [];
    ws.eachRow((row, i) => {
      if (i > 1) numbers.push(String(row.getCell(1).value));
    });
    expect(numbers.slice(0, shown.length)).toEqual(shown);
    expect([...numbers].sort()).toEqual(numbers);
    // Only the filtered channel and district.
    const seen = new Set<string>();
    ws.eachRow((row, i) => {
      if (i > 1) seen.add(`${String(row.getCell(5).value)} ${String(row.getCell(9).value)}`);
    });
    expect([...seen]).toEqual(['10086热线 南海区']);
    expect(await page.getByTestId('export-result').innerText()).toContain(`已导出 ${total.toLocaleString('en-US')} 行`);
    await page.screenshot({ path: screenshotPath('export-done') });
  });

  it('the refunds list as CSV in UTF-8 with a BOM', async () => {
    await page.goto(`${desk.url}#/refunds?tab=all`);
    const totalEl = page.getByTestId('refunds-total');
    await totalEl.and(page.locator('[data-total]:not([data-total=""])')).waitFor();
    const total = Number(await totalEl.getAttribute('data-total'));
    const { file, name } = await download('export-refunds', 'CSV');
    expect(name).toMatch(/^退费补偿-.*\.csv$/);
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('录入时间,工单编号,类型,金额,状态,原因,冲正的条目,录入人,审批人,执行时间,凭证号');
    expect(lines.length - 1).toBe(total);
  });

  it('the approvals queue and the month’s report as XLSX', async () => {
    await page.goto(`${desk.url}#/refunds?tab=queue`);
    const items = page.getByTestId('approval-item');
    const empty = page.getByTestId('queue-empty');
    await items.first().or(empty).waitFor();
    if (await items.count()) {
      const n = await items.count();
      const { file } = await download('export-approvals', 'Excel');
      expect((await sheet(file)).rowCount).toBe(n + 1);
    }
    await page.goto(`${desk.url}#/reports`);
    await page.getByTestId('reports-page').and(page.locator('[data-loading="false"]')).waitFor();
    const { file, name } = await download('export-report', 'Excel');
    expect(name).toMatch(/^报表-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总指标', '投诉类别', '受理渠道', '处理部门']);
    expect(wb.worksheets[0]!.getRow(2).getCell(1).value).toBe('投诉总量');
  });
});
