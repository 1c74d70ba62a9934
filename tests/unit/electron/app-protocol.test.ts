/** desk://app/ serves the built renderer and nothing else (it replaces file://). */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appProtocolHandler } from '../../../src-main/hosts/electron/app-protocol';
import { contentSecurityPolicy } from '../../../src-main/hosts/electron/csp';
import { tempDir } from '../../helpers/temp-db';

let dir: string;
let serve: ReturnType<typeof appProtocolHandler>;

beforeAll(() => {
  dir = tempDir('desk-protocol-');
  const renderer = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>投诉工作台</title>');
  fs.writeFileSync(path.join(renderer, 'assets', 'main-abc.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'the branch database password');
  fs.mkdirSync(path.join(dir, 'renderer-evil'));
  fs.writeFileSync(path.join(dir, 'renderer-evil', 'index.html'), 'evil');
  serve = appProtocolHandler(renderer, contentSecurityPolicy());
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('desk:// protocol', () => {
  it('serves the renderer’s files with their type, the CSP and nosniff', async () => {
    const page = await serve({ url: 'desk://app/index.html', method: 'GET' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('投诉工作台');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await serve({ url: 'desk://app/assets/main-abc.js' });
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await serve({ url: 'desk://app/' })).status).toBe(200);
  });

  it('never leaves the renderer folder, however the path is spelled', async () => {
    for (const url of [
      'desk://app/../secret.txt',
      'desk://app/%2e%2e/secret.txt',
      'desk://app/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'desk://app/..%5csecret.txt',
      'desk://app/%2e%2e/renderer-evil/index.html',
    ]) {
      const res = await serve({ url });
      expect([403, 404], url).toContain(res.status);
      expect(await res.text(), url).not.toMatch(/password|evil/);
    }
  });

  it('answers only for its own host, GET and HEAD, and well-formed paths', async () => {
    expect((await serve({ url: 'desk://other/index.html' })).status).toBe(403);
    expect((await serve({ url: 'desk://app/index.html', method: 'POST' })).status).toBe(405);
    expect((await serve({ url: 'desk://app/%E0%A4%A' })).status).toBe(400);
    expect((await serve({ url: 'desk://app/missing.js' })).status).toBe(404);
  });
});
