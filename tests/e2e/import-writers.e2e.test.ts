/**
 * The import page with the same CRM export as different programs wrote it
 * (tests/fixtures/crm-writers): a legacy .xls, an openpyxl workbook, an
 * XlsxWriter workbook whose zip lists the sheets first, and Excel's GBK CSV.
 * Each previews the same tickets once the sheet is picked, and its dry run
 * counts the same.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, workstation } from './support/browser';
import { screenshotPath, startConsole, type TestConsole } from './support/console';
import { BRANCH_ADMIN, SetupPage } from './pages/AuthPages';
import { ShellPage } from './pages/ShellPage';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/crm-writers');

describe('the import page reads every writer’s file alike', () => {
  let desk: TestConsole;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    desk = await startConsole();
    browser = await launchChromium();
    page = await (await workstation(browser)).newPage();
    await page.goto(desk.url);
    await new SetupPage(page).createAdmin({ ...BRANCH_ADMIN, loadDemo: false });
    await new ShellPage(page).currentUser.waitFor();
    await new ShellPage(page).go('tickets');
    await page.getByTestId('import-link').click();
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  /** Each preview row's line and ticket number, as the table shows them. */
  const shownRows = () =>
    page.locator('table[data-testid="import-rows"] tbody tr').evaluateAll((rows) =>
      rows.map((tr) => {
        const cells = [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '');
        return [cells[0], cells[2]];
      }),
    );
  const count = async (key: string) => Number((await page.locator(`.counter[data-testid="import-${key}"]`).innerText()).replace(/\D+/g, ''));

  const cases = [
    ['libreoffice.xls', /（XLS）/, [['3', 'W001'], ['4', 'W002'], ['6', 'W003'], ['7', 'W004']]],
    ['openpyxl.xlsx', /（XLSX）/, [['3', 'W001'], ['4', 'W002'], ['6', 'W003'], ['7', 'W004']]],
    ['xlsxwriter-entries-reversed.xlsx', /（XLSX）/, [['3', 'W001'], ['4', 'W002'], ['6', 'W003'], ['7', 'W004']]],
    // A line break inside W001's description moves the later rows down a line.
    ['excel-gbk.csv', /GB18030/, [['3', 'W001'], ['5', 'W002'], ['7', 'W003'], ['8', 'W004']]],
  ] as const;

  for (const [name, kind, rows] of cases) {
    it(`${name}: the same tickets in the preview, and a dry run of 3 to insert and 1 refused`, async () => {
      await page.getByTestId('import-file').setInputFiles(path.join(FIXTURES, name));
      await expect.poll(() => page.getByTestId('import-kind').innerText()).toMatch(kind);
      if (!name.endsWith('.csv')) {
        // The notes sheet comes first: pick the tickets.
        await page.locator('.import-sheet select').selectOption('工单');
      }
      await expect.poll(shownRows).toEqual(rows);
      // The previous file's result is gone: the counts below are this file's.
      await page.getByTestId('import-result').waitFor({ state: 'detached' });
      await page.getByTestId('import-dry-run').click();
      await expect.poll(() => count('inserted')).toBe(3);
      expect(await count('rejected')).toBe(1);
      if (name.endsWith('.xls')) await page.screenshot({ path: screenshotPath('import-xls'), fullPage: true });
    });
  }
});
