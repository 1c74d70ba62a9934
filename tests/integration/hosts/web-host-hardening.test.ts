/**
 * What an attacker found in the web host, and that it stays fixed: DNS
 * rebinding (a hostile Host header), malformed percent-encoding in a path or
 * cookie, bodies parsed before the session was checked, missing headers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../../src-main/hosts/web/server';
import { PINNED_NOW, tempDir } from '../../helpers/temp-db';
import { rawCall, rawRequest } from '../../helpers/raw-http';

let dir: string;
let host: WebHost;
let port: string;

async function start(hostNames?: string[], listen?: string) {
  const staticDir = path.join(dir, 'web');
  fs.mkdirSync(staticDir, { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>投诉工作台</title>');
  host = await startWebHost({
    dbPath: path.join(dir, 'desk.db'),
    port: 0,
    staticDir,
    now: () => PINNED_NOW,
    backgroundJobs: false,
    ...(hostNames ? { hostNames } : {}),
    ...(listen ? { host: listen } : {}),
  });
  port = new URL(host.url).port;
}

beforeEach(async () => {
  dir = tempDir();
  await start();
});
afterEach(async () => {
  await host.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const SETUP = { username: 'admin', displayName: '管理员', password: 'correct horse', branchName: '南海', branchId: 'NH' };

/** Set up the console through a loopback name and return the session cookie. */
async function setUp(): Promise<string> {
  const res = await rawCall(host.url, 'auth/setup', SETUP);
  expect(res.json().ok).toBe(true);
  return String(res.headers['set-cookie']).split(';')[0]!;
}

describe('DNS rebinding: the Host header must name this console', () => {
  it('refuses setup, login, static files and the event stream for a foreign host name, Origin agreeing', async () => {
    const evil = { host: `attacker.example:${port}`, origin: `http://attacker.example:${port}` };
    const setup = await rawCall(host.url, 'auth/setup', SETUP, evil);
    expect(setup.status).toBe(421);
    // No administrator was created: the console still asks for its first one.
    expect((await rawCall(host.url, 'auth/status', {})).json()).toMatchObject({ ok: true, value: { needsSetup: true } });

    await setUp();
    const login = await rawCall(host.url, 'auth/login', { username: 'admin', password: 'correct horse' }, evil);
    expect(login.status).toBe(421);
    expect(login.headers['set-cookie']).toBeUndefined();
    expect((await rawRequest(host.url, { path: '/', headers: evil })).status).toBe(421);
    expect((await rawRequest(host.url, { path: '/assets/app.js', headers: evil })).status).toBe(421);
    expect((await rawRequest(host.url, { path: '/api/events', headers: evil })).status).toBe(421);
  });

  it('refuses a missing Host header and look-alikes of the loopback names', async () => {
    for (const name of ['127.0.0.1.attacker.example', 'localhost.attacker.example', 'evil@127.0.0.1', '127.0.0.2']) {
      const res = await rawRequest(host.url, { path: '/', headers: { host: `${name}:${port}` } });
      expect(res.status, name).toBe(421);
    }
    const bare = await rawRequest(host.url, { path: '/', noHost: true });
    expect([400, 421]).toContain(bare.status); // Node's own parser answers 400 first
  });

  it('accepts 127.0.0.1, localhost and [::1] with any port, in any case', async () => {
    for (const name of [`127.0.0.1:${port}`, `localhost:${port}`, `LocalHost:${port}`, `[::1]:${port}`, 'localhost']) {
      const res = await rawCall(host.url, 'auth/status', {}, { host: name });
      expect(res.status, name).toBe(200);
    }
  });

  it('accepts the names given with --host, and only those', async () => {
    await host.close();
    await start(['desk.branch.local']);
    const named = await rawCall(host.url, 'auth/status', {}, { host: `desk.branch.local:${port}`, origin: `http://desk.branch.local:${port}` });
    expect(named.status).toBe(200);
    expect((await rawCall(host.url, 'auth/status', {}, { host: `other.branch.local:${port}` })).status).toBe(421);
  });

  it('listening on every interface, accepts the machine\'s IP addresses but still no foreign name', async () => {
    await host.close();
    await start(undefined, '0.0.0.0');
    const base = `http://127.0.0.1:${port}`;
    expect((await rawCall(base, 'auth/status', {}, { host: `192.168.1.20:${port}` })).status).toBe(200);
    expect((await rawCall(base, 'auth/status', {}, { host: `[fe80::1]:${port}` })).status).toBe(200);
    expect((await rawCall(base, 'auth/status', {}, { host: `attacker.example:${port}` })).status).toBe(421);
  });
});

describe('malformed percent-encoding', () => {
  it('answers 400 for a bad path, never 500', async () => {
    expect((await rawRequest(host.url, { path: '/%E0%A4%A' })).status).toBe(400);
    expect((await rawRequest(host.url, { path: '/tickets/%' })).status).toBe(400);
  });

  it('answers "no such method" for a bad method name', async () => {
    const res = await rawCall(host.url, 'auth/%E0%A4%A', {}, { 'x-desk-locale': 'en' });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('treats a bad session cookie as no session and clears it, so calls keep working', async () => {
    const bad = { cookie: 'desk_session=%E0%A4%A' };
    const status = await rawCall(host.url, 'auth/status', {}, bad);
    expect(status.status).toBe(200);
    expect(status.json()).toMatchObject({ ok: true, value: { needsSetup: true, user: null } });
    expect(String(status.headers['set-cookie'])).toMatch(/^desk_session=; .*Max-Age=0/);

    const cookie = await setUp();
    // A bad cookie of another name next to ours does not get in the way.
    const mixed = await rawCall(host.url, 'tickets/list', {}, { cookie: `other=%E0%A4%A; ${cookie}` });
    expect(mixed.json()).toMatchObject({ ok: true, value: { total: 0 } });
    const list = await rawCall(host.url, 'tickets/list', {}, { ...bad, 'x-desk-locale': 'en' });
    expect(list.json()).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });
});

describe('the body is read only after the caller is known, and never parsed when too deep', () => {
  it('refuses a method that needs a session before looking at the body', async () => {
    const res = await rawCall(host.url, 'tickets/list', '{not json at all', { 'x-desk-locale': 'en' });
    // Before: "The request body is not valid JSON." — the body was parsed for anyone.
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: 'Please log in.' } });
  });

  it('refuses a 900,000-level nested body to a public method without parsing it', async () => {
    const deep = '['.repeat(900_000) + ']'.repeat(900_000);
    const res = await rawCall(host.url, 'auth/login', deep, { 'x-desk-locale': 'en' });
    expect(res.json()).toEqual({
      ok: false,
      error: { code: 'validation', message: 'The request body nests more than 32 levels deep.' },
    });
    const zh = await rawCall(host.url, 'auth/login', deep);
    expect(zh.json()).toMatchObject({ ok: false, error: { message: '请求内容嵌套超过 32 层。' } });
  });

  it('parses a logged-in call whose body nests to the limit and hands it to the contract', async () => {
    const cookie = await setUp();
    const headers = { cookie, 'x-desk-locale': 'en' };
    // 32 levels reach the contract's own validation (a ticket filter is not an array) …
    const atLimit = await rawCall(host.url, 'tickets/list', { filter: JSON.parse('['.repeat(31) + ']'.repeat(31)) }, headers);
    expect(atLimit.json().error?.code).toBe('validation');
    expect(atLimit.json().error?.message).not.toMatch(/nests/);
    // … 33 do not.
    const over = await rawCall(host.url, 'tickets/list', { filter: JSON.parse('['.repeat(32) + ']'.repeat(32)) }, headers);
    expect(over.json().error?.message).toBe('The request body nests more than 32 levels deep.');
  });
});

describe('security headers', () => {
  const expectBase = (headers: Record<string, unknown>) => {
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['cross-origin-resource-policy']).toBe('same-origin');
  };

  it('every API answer says nosniff, no framing, and a CSP that allows nothing', async () => {
    const ok = await rawCall(host.url, 'auth/status', {});
    expectBase(ok.headers);
    expect(ok.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
    expect(ok.headers['cache-control']).toBe('no-store');
    expectBase((await rawRequest(host.url, { path: '/api/auth/status' })).headers); // 405
    expectBase((await rawCall(host.url, 'auth/status', {}, { origin: 'http://evil.example' })).headers); // 403
  });

  it('static files and refusals carry them too', async () => {
    const page = await rawRequest(host.url, { path: '/' });
    expectBase(page.headers);
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expectBase((await rawRequest(host.url, { path: '/', headers: { host: 'attacker.example' } })).headers);
    expectBase((await rawRequest(host.url, { path: '/%E0' })).headers);
  });
});
