import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../src-main/hosts/web/server';
import { PINNED_NOW, tempDir } from '../../helpers/temp-db';

let dir: string;
let host: WebHost;

beforeEach(async () => {
  dir = tempDir();
  const staticDir = path.join(dir, 'web');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>投诉工作台</title>');
  host = await startWebHost({ dbPath: path.join(dir, 'desk.db'), port: 0, staticDir, now: () => PINNED_NOW, backgroundJobs: false });
});
afterEach(async () => {
  await host.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function post(method: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${host.url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { res, json: (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } } };
}

describe('web host', () => {
  it('binds 127.0.0.1 by default', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves the console with a strict CSP, and client routes fall back to it', async () => {
    const res = await fetch(`${host.url}/tickets/42`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('投诉工作台');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const escape = await fetch(`${host.url}/%2e%2e/%2e%2e/%2e%2e/etc/passwd`);
    expect(await escape.text()).not.toContain('root:');
  });

  it('keeps the session in an HttpOnly SameSite cookie and requires it', async () => {
    const setup = await post('auth/setup', { username: 'admin', displayName: '管理员', password: 'correct horse', branchName: '南海', branchId: 'NH' });
    expect(setup.json.ok).toBe(true);
    const cookie = setup.res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/desk_session=.+; Path=\/; HttpOnly; SameSite=Strict/);
    const anonymous = await post('tickets/list', {}, { 'x-desk-locale': 'en' });
    expect(anonymous.json).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: 'Please log in.' } });
    const mine = await post('tickets/list', {}, { cookie: cookie.split(';')[0]! });
    expect(mine.json).toMatchObject({ ok: true, value: { total: 0, rows: [] } });
    const out = await post('auth/logout', {}, { cookie: cookie.split(';')[0]! });
    expect(out.res.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await post('tickets/list', {}, { cookie: cookie.split(';')[0]! })).json.ok).toBe(false);
  });

  it('refuses a cross-origin call and a body that is not JSON, in the caller’s language', async () => {
    const cross = await fetch(`${host.url}/api/auth/status`, { method: 'POST', headers: { origin: 'http://evil.example' }, body: '{}' });
    expect(cross.status).toBe(403);
    const res = await fetch(`${host.url}/api/auth/status`, { method: 'POST', headers: { 'x-desk-locale': 'zh-CN' }, body: '{nope' });
    expect(await res.json()).toEqual({ ok: false, error: { code: 'validation', message: '请求内容不是有效的 JSON。' } });
    expect((await fetch(`${host.url}/api/auth/status`)).status).toBe(405);
  });
});
