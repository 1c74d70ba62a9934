/**
 * The renderer is served from `desk://app/…`, a privileged custom scheme,
 * never from file://: a file:// page may read any file the user can (and,
 * with the grantFileProtocolExtraPrivileges fuse off, would not even work),
 * while this handler answers only for files inside the built renderer
 * folder, each with the CSP and nosniff headers. Unknown paths get 404,
 * anything outside the folder 403.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

export const APP_SCHEME = 'desk';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** For protocol.registerSchemesAsPrivileged, before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export type AppRequestHandler = (request: { url: string; method?: string }) => Promise<Response>;

export function appProtocolHandler(rendererDir: string, csp: string): AppRequestHandler {
  const root = path.resolve(rendererDir);
  const refuse = (status: number) => new Response(null, { status, headers: { 'x-content-type-options': 'nosniff' } });
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refuse(400);
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refuse(403);
    if (request.method && request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      return refuse(400);
    }
    const file = path.resolve(root, `.${path.posix.sep}${rel === '/' ? 'index.html' : rel}`);
    if (file !== root && !file.startsWith(root + path.sep)) return refuse(403);
    let body: Buffer;
    try {
      body = await fs.readFile(file);
    } catch {
      return refuse(404);
    }
    return new Response(new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  };
}
