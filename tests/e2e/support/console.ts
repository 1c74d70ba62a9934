/**
 * A fresh console per test: its own temp folder and database, the real web
 * host on a random port, serving the renderer built into out/web.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startWebHost } from '../../../src-main/hosts/web/server';

export const WEB_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../out/web');

export interface TestConsole {
  /** Changes on restart (a new random port). */
  url: string;
  dir: string;
  dbPath: string;
  /** Stop the host and start it again on the same database, as after closing the console. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** `now`: the server's clock (default the real one), e.g. to let a session idle out without waiting. */
export async function startConsole(opts: { now?: () => number } = {}): Promise<TestConsole> {
  if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) {
    throw new Error(`The renderer is not built (${WEB_DIR}). Run \`npm run build:web\` first (\`npm run test:e2e\` does).`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-e2e-'));
  const dbPath = path.join(dir, 'desk.db');
  // Background jobs on, as in the product: the timeout monitor runs and catches up at start.
  const start = () => startWebHost({ dbPath, port: 0, staticDir: WEB_DIR, ...(opts.now ? { now: opts.now } : {}) });
  let host = await start();
  const desk: TestConsole = {
    url: host.url,
    dir,
    dbPath,
    async restart() {
      await host.close();
      host = await start();
      desk.url = host.url;
    },
    async close() {
      await host.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return desk;
}

/** Where screenshots go: docs/screenshots when DESK_SCREENSHOTS_DIR says so, else test-results. */
export function screenshotPath(name: string): string {
  const dir = process.env.DESK_SCREENSHOTS_DIR ?? path.resolve(WEB_DIR, '../../test-results/screenshots');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}
