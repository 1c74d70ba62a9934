/**
 * The web host: the same contract over HTTP, serving the built renderer. It
 * binds 127.0.0.1 unless told otherwise, and every method but setup/login
 * needs a logged-in session (a cookie that scripts cannot read).
 */
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiServer } from '../../api/server';
import { openConsole, type RunningConsole } from '../../api/runtime';
import type { Locale } from '../../core/messages';
import { serveStatic } from './static';
import { serveEvents } from './events';
import { readJsonBody, sessionSlotFor, isSameOrigin } from './http-util';

export interface WebHostOptions {
  dbPath: string;
  port?: number;
  host?: string;
  /** The built renderer (default: out/web next to the checkout). */
  staticDir?: string;
  now?: () => number;
  log?: (line: string) => void;
  backgroundJobs?: boolean;
}

export interface WebHost {
  url: string;
  api: ApiServer;
  desk: RunningConsole;
  close(): Promise<void>;
}

export const DEFAULT_STATIC_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../out/web');

export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const desk = openConsole({
    dbPath: opts.dbPath,
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.log ? { log: opts.log } : {}),
    ...(opts.backgroundJobs !== undefined ? { backgroundJobs: opts.backgroundJobs } : {}),
  });
  const api = desk.api;
  const staticDir = opts.staticDir ?? DEFAULT_STATIC_DIR;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      opts.log?.(`request failed: ${String(e)}`);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('internal error');
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api/events' && req.method === 'GET') {
      serveEvents(desk, req, res);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') {
        res.writeHead(405, { allow: 'POST' }).end();
        return;
      }
      // Another site's page must not be able to drive the console through the user's cookie.
      if (!isSameOrigin(req)) {
        res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('cross-origin request refused');
        return;
      }
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      const locale: Locale = req.headers['x-desk-locale'] === 'en' ? 'en' : 'zh-CN';
      const body = await readJsonBody(req);
      const slot = sessionSlotFor(req);
      const response = body.ok
        ? await api.call(method, body.value, slot, locale)
        : { ok: false as const, error: { code: 'validation', message: locale === 'en' ? 'The request body is not valid JSON.' : '请求内容不是有效的 JSON。' } };
      const headers: Record<string, string | string[]> = {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
      };
      const cookie = slot.cookieHeader();
      if (cookie) headers['set-cookie'] = cookie;
      res.writeHead(200, headers).end(JSON.stringify(response));
      return;
    }
    await serveStatic(staticDir, url.pathname, res);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  const host = opts.host ?? '127.0.0.1';
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  opts.log?.(`Complaint Desk web host on ${url} (database ${opts.dbPath})`);

  return {
    url,
    api,
    desk,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          desk.close();
          resolve();
        });
      }),
  };
}
