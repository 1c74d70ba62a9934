/**
 * Chromium from the operating system (Debian's `chromium` package), driven by
 * playwright-core: `npx playwright install` cannot download on these machines.
 */
import fs from 'node:fs';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. Install it with \`apt-get install -y chromium\` ` +
        '(or set CHROMIUM_PATH to a Chromium/Chrome executable).',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * A supervisor's workstation: a 1366×768 screen, Chinese locale. The machine's
 * own zone is deliberately not the branch's, so any time shown in the
 * workstation's zone instead of the branch's would be caught.
 */
export async function workstation(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Europe/London',
  });
  context.setDefaultTimeout(15_000);
  return context;
}
