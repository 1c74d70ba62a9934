import fs from 'node:fs/promises';
import path from 'node:path';
import type http from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** Serve the built renderer; unknown paths fall back to index.html (client-side routes). `pathname` is already decoded. */
export async function serveStatic(root: string, pathname: string, res: http.ServerResponse): Promise<void> {
  const rel = path.normalize(pathname).replace(/^([/\\])+/, '');
  const base = path.resolve(root);
  let file = path.resolve(base, rel);
  if (file !== base && !file.startsWith(base + path.sep)) {
    res.writeHead(403).end();
    return;
  }
  let body: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) file = path.join(file, 'index.html');
    body = await fs.readFile(file);
  } catch {
    file = path.join(root, 'index.html');
    try {
      body = await fs.readFile(file);
    } catch {
      res
        .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
        .end('The console has not been built yet: run `npm run build:web` (or `npm run web`).');
      return;
    }
  }
  res
    .writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': file.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
    })
    .end(body);
}
