/**
 * A console of its own, a browser at the workstation's size, and a branch
 * set up through the first-run screen, signed in: where most e2e files start.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, workstation } from './browser';
import { startConsole, type TestConsole } from './console';
import { BRANCH_ADMIN, SetupPage } from '../pages/AuthPages';
import { ShellPage } from '../pages/ShellPage';

export interface SignedIn {
  desk: TestConsole;
  browser: Browser;
  page: Page;
}

export async function signedInBranch(
  opts: {
    now?: () => number;
    /** What the first-run screen is given; by default the branch administrator with the demo data. */
    setup?: Parameters<SetupPage['createAdmin']>[0];
    onPageError?: (e: Error) => void;
  } = {},
): Promise<SignedIn> {
  const desk = await startConsole(opts.now ? { now: opts.now } : {});
  const browser = await launchChromium();
  const page = await (await workstation(browser)).newPage();
  if (opts.onPageError) page.on('pageerror', opts.onPageError);
  await page.goto(desk.url);
  await new SetupPage(page).createAdmin(opts.setup ?? { ...BRANCH_ADMIN, loadDemo: true });
  await new ShellPage(page).currentUser.waitFor();
  return { desk, browser, page };
}
