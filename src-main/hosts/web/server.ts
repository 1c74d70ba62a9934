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
import { bodyRefusalMessage, readJsonBody, safeDecode, sessionSlotFor, isSameOrigin } from './http-util';
import { allowedHostNames, isAllowedHost } from './host-check';
import { API_CSP, setBaseSecurityHeaders } from './security-headers';
import { contract, isMethodName } from '../../api/contract';
import type { ApiResponse } from '../../api/define';

export interface WebHostOptions {
  dbPath: string;
  port?: number;
  /** The address to listen on (127.0.0.1 by default). */
  host?: string;
  /**
   * Further names the console may be reached by (`serve --host` given more
   * than once). The Host header must be one of these, the listen address or a
   * loopback name: anything else is refused (DNS rebinding).
   */
  hostNames?: readonly string[];
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

  const allowedHosts = allowedHostNames([opts.host ?? '127.0.0.1', ...(opts.hostNames ?? [])]);

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    setBaseSecurityHeaders(res);
    if (!isAllowedHost(req, allowedHosts)) {
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('unknown host name');
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('bad request');
      return;
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      serveEvents(desk, req, res);
      return;
    }
    if (url.pathname.startsWith('/api/')) {
      await serveApi(req, res, url);
      return;
    }
    const pathname = safeDecode(url.pathname);
    if (pathname === null) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('bad percent-encoding in the path');
      return;
    }
    await serveStatic(staticDir, pathname, res);
  }

  async function serveApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    res.setHeader('content-security-policy', API_CSP);
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    // Another site's page must not be able to drive the console through the user's cookie.
    if (!isSameOrigin(req)) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('cross-origin request refused');
      return;
    }
    const raw = url.pathname.slice('/api/'.length);
    const method = safeDecode(raw) ?? raw;
    const locale: Locale = req.headers['x-desk-locale'] === 'en' ? 'en' : 'zh-CN';
    const slot = sessionSlotFor(req);
    let response: ApiResponse<unknown>;
    // Who is calling is settled before the body is read: a caller with no
    // session gets its refusal without the server parsing what it sent.
    const needsSession = !isMethodName(method) || contract[method].access !== 'public';
    if (needsSession && !api.sessions.peek(slot.get())) {
      req.resume();
      response = await api.call(method, {}, slot, locale);
    } else {
      const body = await readJsonBody(req);
      response = body.ok
        ? await api.call(method, body.value, slot, locale)
        : { ok: false, error: { code: 'validation', message: bodyRefusalMessage(body.refusal, locale) } };
    }
    const headers: Record<string, string | string[]> = {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    };
    const cookie = slot.cookieHeader();
    if (cookie) headers['set-cookie'] = cookie;
    res.writeHead(200, headers).end(JSON.stringify(response));
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
