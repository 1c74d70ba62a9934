/**
 * Headquarters' admin endpoints, on the PostgreSQL receiver only, for a caller
 * holding the admin token (`HQ_ADMIN_TOKEN`, `Authorization: Bearer …`):
 *
 *   POST /admin/branches   {"branchId","name","city"?,"publicKey","token"?}  register or replace a branch
 *   GET  /admin/branches                                                     the registered branches
 *   GET  /reports                                                            the province reports' names
 *   GET  /reports/<name>?month=YYYY-MM                                       one report of a month (docs/HQ.md)
 */
import crypto from 'node:crypto';
import type http from 'node:http';
import { z } from 'zod';
import { hqMessage } from '../../core/hq/messages';
import type { HqPool } from '../../hq/db/pool';
import { listBranches, registerBranch } from '../../hq/services/branches';
import { provinceReportJson } from '../../hq/services/reports';
import { PROVINCE_REPORTS } from '../../core/hq/reports';
import { json, localeOf, refuse } from './http';

export interface AdminOptions {
  token: string;
  pool: HqPool;
  now: () => number;
}

const MAX_BODY = 64 * 1024;

const branchBody = z.object({
  branchId: z.string(),
  name: z.string(),
  city: z.string().nullish(),
  publicKey: z.string(),
  token: z.string().nullish(),
});

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let n = 0;
    req.on('data', (c: Buffer) => {
      n += c.length;
      if (n > MAX_BODY) {
        reject(Object.assign(new Error('body too large'), { status: 413 }));
        req.destroy();
      } else parts.push(c);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(parts).toString('utf8')));
      } catch {
        reject(Object.assign(new Error('the body is not JSON'), { status: 400 }));
      }
    });
    req.on('error', reject);
  });
}

function authorized(opts: AdminOptions, req: http.IncomingMessage): boolean {
  const given = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(opts.token).digest();
  return opts.token.length > 0 && crypto.timingSafeEqual(a, b);
}

export async function handleAdmin(opts: AdminOptions, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  const locale = localeOf(req);
  if (!authorized(opts, req)) {
    req.resume();
    return refuse(res, 401, 'admin_unauthorized', hqMessage('admin_unauthorized', {}, locale));
  }
  if (url.pathname === '/admin/branches' && req.method === 'GET') {
    const all = await listBranches(opts.pool);
    return json(res, 200, all.map((b) => ({ branchId: b.branchId, name: b.name, city: b.city, fingerprint: b.keyFingerprint, registeredAt: b.registeredAt.toISOString() })));
  }
  if (url.pathname === '/admin/branches' && req.method === 'POST') {
    let body;
    try {
      body = branchBody.safeParse(await readJson(req));
    } catch (e) {
      const err = e as Error & { status?: number };
      return refuse(res, err.status ?? 400, 'bad_request', err.message);
    }
    if (!body.success) return refuse(res, 400, 'bad_request', body.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    const r = await registerBranch(opts.pool, body.data, new Date(opts.now()));
    return json(res, r.created ? 201 : 200, r);
  }
  if (req.method === 'GET' && url.pathname === '/reports') return json(res, 200, PROVINCE_REPORTS.map((r) => ({ name: r.name, sheet: r.sheet })));
  const report = /^\/reports\/([a-z-]{1,40})$/.exec(url.pathname);
  if (req.method === 'GET' && report) return json(res, 200, await provinceReportJson(opts.pool, report[1]!, url.searchParams.get('month') ?? ''));
  req.resume();
  return refuse(res, 404, 'not_found', `${req.method} ${url.pathname} is not an endpoint`);
}
