/**
 * An improvement project (QC 课题) as a supervisor runs one: on six months of
 * demo data (the console's clock at Monday 2 November 2026), open a project
 * on 及时率 from the nav, record a cause on the fishbone and confirm it with
 * its evidence, add a countermeasure and mark it done, and see the chart
 * drawn (ink on its canvas) with the effect in numbers — the baseline the
 * same as the report's 及时率 for those months. Then print it to an A4 PDF:
 * every page headed with branch, project and page number, ink under the
 * effect's chart. Keeps docs/screenshots/qc-project.png and qc-project-print-N.png
 * (when DESK_SCREENSHOTS_DIR says so).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { WEB_DIR, screenshotPath, type TestConsole } from './support/console';
import { findPhrase, inkShare, pageText, readPdf } from './support/pdf-pages';
import { printAsElectron } from './support/print-as-electron';
import { ShellPage } from './pages/ShellPage';
import { signedInBranch } from './support/signed-in';

/** Monday 2 November 2026, 10:00 China time. */
const START = Date.parse('2026-11-02T02:00:00Z');
const OUT = path.resolve(WEB_DIR, '../../test-results/qc-project');
const TITLE = '提高工单处理及时率';

/** The parts of a canvas the ink count uses (the tests compile without the DOM's types). */
interface CanvasLike {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

/** Share of the canvas's pixels that are drawn and not white; runs in the page. */
function canvasInk(c: CanvasLike): number {
  const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) if (d[i + 3]! > 0 && (d[i]! < 235 || d[i + 1]! < 235 || d[i + 2]! < 235)) n++;
  return n / (c.width * c.height);
}

describe('an improvement project from the nav to paper', () => {
  let desk: TestConsole;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    const began = Date.now();
    ({ desk, browser, page } = await signedInBranch({ now: () => START + (Date.now() - began), onPageError: (e) => errors.push(e.message) }));
  });
  afterAll(async () => {
    await browser?.close();
    await desk?.close();
  });

  it('opens a project from the nav and refuses a start inside the baseline in Chinese', async () => {
    await new ShellPage(page).go('projects');
    await page.getByTestId('qc-open-project').click();
    const form = page.getByTestId('qc-project-form');
    await form.getByLabel('课题名称').fill(TITLE);
    await form.getByLabel('课题指标').selectOption({ label: '及时率' });
    await form.getByLabel('目标值（%）').fill('92.5');
    await form.getByLabel('现状调查起始日').fill('2026-06-01');
    await form.getByLabel('现状调查截止日').fill('2026-07-31');
    await form.getByLabel('活动开始日').fill('2026-07-15');
    await form.getByLabel('完成期限').fill('2026-09-30');
    await form.getByLabel('选题理由').fill('流转工单积压，超时工单中 62.65% 由积压造成。');
    await form.getByRole('button', { name: '开题' }).click();
    await expect.poll(() => form.locator('.alert').textContent()).toContain('活动开始日须在现状调查期之后');
    await form.getByLabel('活动开始日').fill('2026-08-01');
    await form.getByRole('button', { name: '开题' }).click();
    await expect.poll(() => page.getByTestId('qc-project-title').textContent()).toBe(TITLE);
  });

  it('states the baseline as the report does for the same months', async () => {
    const report = (await page.evaluate(`fetch('/api/reports/kpis', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '2026-06-01', to: '2026-07-31' }),
    }).then((r) => r.json())`)) as { ok: boolean; value: { timelinessRate: number; onTime: number; dueCount: number } };
    expect(report.ok).toBe(true);
    const { timelinessRate, onTime, dueCount } = report.value;
    const shown = await page.getByTestId('qc-effect-baseline').textContent();
    expect(shown).toBe(`${(timelinessRate * 100).toFixed(2)}%`);
    expect(await page.getByTestId('qc-survey-value').textContent()).toContain(`${onTime} / ${dueCount}`);
  });

  it('records a cause on the fishbone, confirms it with evidence, and a countermeasure done', async () => {
    const causes = page.getByRole('form', { name: '添加原因' });
    await causes.getByLabel('原因类别').selectOption({ label: '法' });
    await causes.getByLabel('末端原因').fill('监控组采用轮巡制，无专人监控工单');
    await causes.getByRole('button', { name: '添加原因' }).click();
    const bone = page.getByTestId('qc-fishbone').locator('[data-group="method"]');
    await expect.poll(() => bone.textContent()).toContain('监控组采用轮巡制');

    const row = page.getByTestId('qc-verdicts').locator('tbody tr').first();
    await row.getByLabel('要因确认').selectOption({ label: '是要因' });
    await row.getByRole('button', { name: '保存确认' }).click();
    await expect.poll(() => row.locator('.alert').textContent()).toContain('须写明确认依据');
    await row.getByLabel('确认依据').fill('轮巡导致延迟处理的占未及时处理的 40%');
    await row.getByRole('button', { name: '保存确认' }).click();
    await expect.poll(() => bone.textContent()).toContain('是要因');

    const measures = page.getByRole('form', { name: '添加对策' });
    await measures.getByLabel('对策措施').fill('设专人监控工单，每 2 小时巡检一次');
    await measures.getByLabel('对应要因').selectOption({ index: 1 });
    await measures.getByLabel('负责人').fill('楼静桦');
    await measures.getByLabel('完成时间').fill('2026-08-31');
    await measures.getByRole('button', { name: '添加对策' }).click();
    const measure = page.getByTestId('qc-measures').locator('tbody tr').first();
    await expect.poll(() => measure.textContent()).toContain('楼静桦');
    expect(await measure.textContent()).toContain('已逾期');
    await measure.getByRole('checkbox').click();
    await expect.poll(() => measure.textContent()).toContain('完成于 2026-11-02');
    expect(await page.getByTestId('qc-implementation').textContent()).toBe('已完成 1 / 1 项');
  });

  it('charts the KPI month by month against the target, with the effect in numbers', async () => {
    const chart = page.getByTestId('qc-project-chart');
    expect(await chart.getAttribute('aria-label')).toContain('及时率、目标值');
    const canvas = chart.locator('canvas').first();
    await canvas.waitFor();
    // Passed whole (it is serialised into the page), typed as taking no DOM element.
    expect(await canvas.evaluate(canvasInk as unknown as () => number)).toBeGreaterThan(0.01);
    const effect = (await page.getByTestId('qc-effect').textContent())!;
    expect(effect).toContain('活动以来（2026-08-01 至 2026-11-02）');
    expect(effect).toContain('92.50%');
    expect(effect).toMatch(/个百分点/);
    expect(await page.getByTestId('qc-effect-verdict').textContent()).toMatch(/^(已达到目标|未达到目标)$/);
    await page.getByTestId('qc-effect').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('qc-project'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('prints to A4 pages headed with branch, project and page number, the chart inked', async () => {
    fs.rmSync(OUT, { recursive: true, force: true });
    fs.mkdirSync(OUT, { recursive: true });
    const title = `佛山禅城分公司 · QC 课题：${TITLE}`;
    fs.writeFileSync(path.join(OUT, 'project.pdf'), await printAsElectron(page, { title, pageLabel: '第 {page} / {pages} 页' }));
    const pages = readPdf(path.join(OUT, 'project.pdf'), OUT);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const p of pages) {
      expect(p.width).toBeCloseTo(595, 0);
      expect(p.height).toBeCloseTo(842, 0);
      expect(pageText(p), `page ${p.number}`).toContain(title.replace(/\s/g, ''));
      expect(pageText(p), `page ${p.number}`).toContain(`第${p.number}/${pages.length}页`);
    }
    const text = pages.map(pageText).join('');
    for (const step of ['一、选题理由', '四、原因分析', '五、要因确认', '六、对策制定', '八、效果检查', '九、巩固措施']) expect(text).toContain(step);
    expect(text).not.toContain('添加原因'); // forms stay on screen
    const effect = findPhrase(pages, '八、效果检查');
    expect(effect).not.toBeNull();
    const { page: p, word } = effect!;
    // Below the heading: the effect tiles (about 60 pt), then the chart, 215 px = 161 pt.
    const box = { x: 34, y: word.y + 70, w: p.width - 68, h: 150 };
    expect(inkShare(p, box)).toBeGreaterThan(0.04);
    for (const n of [1, 2]) fs.copyFileSync(path.join(OUT, `page-${n}.png`), screenshotPath(`qc-project-print-${n}`));

    // The browser's own print: the page's running header, and the chart back at screen size afterwards.
    fs.writeFileSync(path.join(OUT, 'browser.pdf'), await printAsElectron(page, undefined));
    const plain = readPdf(path.join(OUT, 'browser.pdf'), path.join(OUT, 'browser'));
    for (const q of plain) expect(pageText(q), `page ${q.number}`).toContain(title.replace(/\s/g, ''));
    const size = (await page.getByTestId('qc-project-chart').locator('canvas').first().boundingBox())!;
    expect(size.width).toBeGreaterThan(700);
    expect(errors).toEqual([]);
  });

  it('corrects a cause’s words and a countermeasure’s owner, and deletes each after asking', async () => {
    const causes = page.getByRole('form', { name: '添加原因' });
    await causes.getByLabel('原因类别').selectOption({ label: '人' });
    await causes.getByLabel('末端原因').fill('新员工业务不熟悉');
    await causes.getByRole('button', { name: '添加原因' }).click();
    const bone = page.getByTestId('qc-fishbone').locator('[data-group="man"]');
    await expect.poll(() => bone.textContent()).toContain('新员工业务不熟悉');
    const row = page.getByTestId('qc-verdicts').locator('tbody tr').nth(1);
    await row.getByTestId('qc-cause-edit').click();
    await row.getByTestId('qc-cause-edit-group').selectOption({ label: '环' });
    await row.getByTestId('qc-cause-edit-text').fill('新员工对宽带业务不熟悉');
    await row.getByRole('button', { name: '保存确认' }).click();
    const env = page.getByTestId('qc-fishbone').locator('[data-group="environment"]');
    await expect.poll(() => env.textContent()).toContain('新员工对宽带业务不熟悉');
    expect(await bone.textContent()).not.toContain('新员工');

    const measure = page.getByTestId('qc-measures').locator('tbody tr').first();
    await measure.getByTestId('qc-measure-edit').click();
    await measure.getByTestId('qc-measure-edit-owner').fill('钱健');
    await measure.getByTestId('qc-measure-save').click();
    await expect.poll(() => page.getByTestId('qc-measures').locator('tbody tr').first().textContent()).toContain('钱健');
    await page.getByTestId('qc-verdicts').screenshot({ path: screenshotPath('qc-project-edit') });

    // Deleting asks first, in place; cancelling keeps the cause.
    const second = page.getByTestId('qc-verdicts').locator('tbody tr').nth(1);
    await second.getByTestId('qc-cause-delete').click();
    await expect.poll(() => second.getByTestId('qc-cause-delete-confirm').textContent()).toContain('确定删除原因“新员工对宽带业务不熟悉”？');
    await second.getByRole('button', { name: '取消' }).click();
    expect(await page.getByTestId('qc-verdicts').locator('tbody tr').count()).toBe(2);
    await second.getByTestId('qc-cause-delete').click();
    await second.getByTestId('qc-cause-delete-yes').click();
    await expect.poll(() => page.getByTestId('qc-verdicts').locator('tbody tr').count()).toBe(1);
    expect(await env.textContent()).not.toContain('新员工');

    const only = page.getByTestId('qc-measures').locator('tbody tr').first();
    await only.getByTestId('qc-measure-delete').click();
    await expect.poll(() => only.getByTestId('qc-measure-delete-confirm').textContent()).toContain('确定删除对策“设专人监控工单');
    await only.getByTestId('qc-measure-delete-yes').click();
    await expect.poll(() => page.getByTestId('qc-implementation').textContent()).toBe('已完成 0 / 0 项');
    expect(errors).toEqual([]);
  });

  it('narrows the project to one district: the baseline is the report’s for that district', async () => {
    await page.getByRole('button', { name: '修改课题' }).click();
    const form = page.getByTestId('qc-project-form');
    await form.locator('select[data-field="district"]').selectOption('南海区');
    await form.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByTestId('qc-project-scope').textContent()).toContain('范围：南海区');
    const report = (await page.evaluate(`fetch('/api/reports/kpis', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '2026-06-01', to: '2026-07-31', filters: { district: ['南海区'] } }),
    }).then((r) => r.json())`)) as { ok: boolean; value: { timelinessRate: number; onTime: number; dueCount: number; total: number } };
    expect(report.ok).toBe(true);
    const whole = (await page.evaluate(`fetch('/api/reports/kpis', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '2026-06-01', to: '2026-07-31' }),
    }).then((r) => r.json())`)) as { value: { total: number } };
    expect(report.value.total).toBeLessThan(whole.value.total); // a part of the branch, not all of it
    await expect.poll(() => page.getByTestId('qc-survey-value').textContent()).toContain(`${report.value.onTime} / ${report.value.dueCount}`);
    expect(await page.getByTestId('qc-effect-baseline').textContent()).toBe(`${(report.value.timelinessRate * 100).toFixed(2)}%`);
    expect(errors).toEqual([]);
  });

  it('deletes the whole project after asking, a reason required since a cause was confirmed', async () => {
    await page.getByTestId('qc-project-delete').click();
    const ask = page.getByTestId('qc-project-delete-confirm');
    await expect.poll(() => ask.textContent()).toContain(`确定删除课题“${TITLE}”？`);
    await page.getByTestId('qc-project-delete-yes').click();
    await expect.poll(() => ask.locator('.alert').textContent()).toContain('课题已有要因确认记录，删除须写明原因。');
    await page.getByTestId('qc-project-delete-reason').fill('与省公司课题重复，并入省公司课题');
    await page.screenshot({ path: screenshotPath('qc-project-delete') });
    await page.getByTestId('qc-project-delete-yes').click();
    await expect.poll(() => page.locator('.page.qc-projects').textContent()).toContain('还没有课题。');
    expect(errors).toEqual([]);
  });
});
