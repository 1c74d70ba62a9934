/**
 * 导入 with a file whose phone column is headed 主叫号码 (the fixture Chinese
 * Excel wrote, that one header changed): the preview says the column is
 * missing and calls no row importable while 导入 is disabled; the supervisor
 * maps 主叫号码 to 客户号码 by clicking, the preview turns importable, the dry
 * run names the mapping used, and the same file chosen again is read the
 * same way without asking.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { screenshotPath, type TestConsole } from './support/console';
import { BRANCH_ADMIN } from './pages/AuthPages';
import { ShellPage } from './pages/ShellPage';
import { signedInBranch } from './support/signed-in';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/crm-writers/excel-gbk.csv');

describe('mapping an unknown header in the import preview', () => {
  let desk: TestConsole;
  let browser: Browser;
  let page: Page;
  let file: string;
  const errors: string[] = [];

  beforeAll(async () => {
    const text = iconv.decode(fs.readFileSync(FIXTURE), 'gbk').replace('客户号码', '主叫号码');
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-map-')), 'caller.csv');
    fs.writeFileSync(file, iconv.encode(text, 'gbk'));
    ({ desk, browser, page } = await signedInBranch({ setup: { ...BRANCH_ADMIN, loadDemo: false }, onPageError: (e) => errors.push(e.message) }));
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  it('says what is missing and calls no row importable while 导入 is disabled', async () => {
    await new ShellPage(page).go('tickets');
    await page.getByTestId('import-link').click();
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-missing').waitFor();
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
    expect(await page.locator('.import-ok').count()).toBe(0);
    expect(await page.getByTestId('import-rows').innerText()).toContain('文件缺少必需的列：客户号码');
  });

  it('maps 主叫号码 to 客户号码 by clicking; the dry run names the mapping; the file chosen again reads the same way', async () => {
    await page.getByLabel('主叫号码 对应到').selectOption({ label: '客户号码' });
    await page.getByTestId('import-map-save').click();
    await page.getByTestId('import-missing').waitFor({ state: 'detached' });
    expect(await page.getByTestId('import-mapping').innerText()).toContain('（手工对应）');
    expect(await page.getByTestId('import-run').isDisabled()).toBe(false);
    expect(await page.locator('.import-ok').count()).toBe(3);
    await page.getByTestId('import-dry-run').click();
    await page.getByTestId('import-mapped').waitFor();
    expect(await page.getByTestId('import-mapped').innerText()).toContain('主叫号码 → 客户号码');
    await page.screenshot({ path: screenshotPath('import-header-mapping'), fullPage: true });
    // The same file again: remembered, nothing to map.
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-mapping').waitFor();
    expect(await page.getByTestId('import-mapping').innerText()).toContain('（手工对应）');
    expect(await page.getByTestId('import-missing').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('shows the saved mapping on 导入 and removes it: the file on screen asks for the column again', async () => {
    const saved = page.getByTestId('import-saved-map');
    await saved.waitFor();
    expect(await saved.count()).toBe(1);
    expect(await saved.innerText()).toContain('主叫号码 → 客户号码');
    expect(await saved.innerText()).toContain('王主管 保存于');
    await page.getByTestId('import-saved-maps').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('import-saved-mappings'), fullPage: true });
    await saved.getByTestId('import-saved-map-remove').click();
    await page.getByTestId('import-saved-maps').waitFor({ state: 'detached' });
    await page.getByTestId('import-missing').waitFor();
    expect(await page.getByTestId('import-run').isDisabled()).toBe(true);
    expect(errors).toEqual([]);
  });
});
