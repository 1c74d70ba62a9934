/**
 * 月度上报 end to end, in Chinese, through the real renderer and web host: an
 * administrator with the demo data exports last month, sees the signing key,
 * enters headquarters' endpoint (the reference receiver, registered with that
 * key), queues the bundle, and sees it marked sent once the console's outbox
 * has the receipt; headquarters filed it once.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, workstation } from './support/browser';
import { screenshotPath, startConsole, type TestConsole } from './support/console';
import { SetupPage } from './pages/AuthPages';
import { ShellPage } from './pages/ShellPage';
import { HqPage } from './pages/HqPage';
import { Receiver } from '../../src-main/hosts/receiver/server';

const ADMIN = { username: 'wangzg', displayName: '王管理', password: 'guanli-2026' };
const TOKEN = 'fs-nh-token-2026';

function lastMonth(): string {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth(); // 0-based this month = 1-based last month
  return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
}

describe('a month exported, queued and sent to headquarters', () => {
  let desk: TestConsole;
  let browser: Browser;
  let page: Page;
  let receiver: Receiver;
  let hqRoot: string;
  const month = lastMonth();

  beforeAll(async () => {
    desk = await startConsole();
    hqRoot = path.join(desk.dir, 'hq');
    fs.mkdirSync(hqRoot);
    receiver = new Receiver({ root: hqRoot });
    browser = await launchChromium();
    page = await (await workstation(browser)).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
    await desk?.close();
  });

  it('exports last month with the demo data and shows the new signing key', async () => {
    await page.goto(desk.url);
    const setup = new SetupPage(page);
    await setup.heading.waitFor();
    await setup.createAdmin({ ...ADMIN, branchName: '佛山南海分公司', branchId: 'FS-NH', loadDemo: true });
    await new ShellPage(page).currentUser.waitFor();
    await new ShellPage(page).go('hq');
    const hq = new HqPage(page);
    await hq.heading.waitFor();
    await expect.poll(() => hq.exportState(month).innerText()).toContain('未生成');
    await hq.row(month).getByRole('button', { name: '生成上报包' }).click();
    await expect.poll(() => hq.notice.innerText(), { timeout: 60_000 }).toContain(`已生成 ${month} 第 1 版上报包`);
    expect(await hq.notice.innerText()).toContain('已创建本分公司的签名密钥');
    await expect.poll(() => hq.exportState(month).innerText()).toContain('第 1 版');
    await expect.poll(() => hq.fingerprint.innerText()).toMatch(/^[0-9a-f]{8}( [0-9a-f]{8}){7}$/);
  });

  it('queues it for headquarters and shows it sent when the receipt is in', async () => {
    const hq = new HqPage(page);
    const pem = fs.readFileSync(path.join(desk.dir, 'keys', 'branch-signing-key.pem'), 'utf8');
    const publicKeyPem = crypto.createPublicKey(crypto.createPrivateKey(pem)).export({ type: 'spki', format: 'pem' }).toString();
    fs.writeFileSync(path.join(hqRoot, 'branches.json'), JSON.stringify({ 'FS-NH': { token: TOKEN, publicKeyPem } }));
    const url = await receiver.listen();
    await hq.saveSettings(url, TOKEN);
    await expect.poll(() => page.getByTestId('hq-settings').innerText()).toContain('上报设置已保存');
    await hq.row(month).getByRole('button', { name: '排队上报' }).click();
    await expect.poll(() => hq.notice.innerText()).toContain('已排队');
    await expect
      .poll(async () => {
        await page.reload();
        await hq.heading.waitFor();
        return hq.uploadState(month).innerText();
      }, { timeout: 30_000 })
      .toMatch(/^已送达（\d{4}-\d{2}-\d{2} \d{2}:\d{2}）/);
    expect(receiver.filed).toEqual([expect.stringMatching(new RegExp(`^FS-NH:${month}:r1:[0-9a-f]{64}$`))]);
    await page.screenshot({ path: screenshotPath('hq-sent'), fullPage: true });
  });
});
