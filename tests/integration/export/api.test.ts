/** The 上报 page's methods over the contract: who may do what, and that they work end to end. */
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, tempDb, type TestDb } from '../../helpers/temp-db';
import { createApiServer, type ApiServer } from '../../../src-main/api/server';
import type { SessionSlot } from '../../../src-main/api/handlers';
import { NOW } from '../reports/fixture';
import { seedBranchOctober } from './fixture';
import type { MonthRow } from '../../../src-main/services/export/console';
import type { BundleChunk } from '../../../src-main/api/methods/export';
import type { ExportResult } from '../../../src-main/services/export/export-month';

let t: TestDb;
let api: ApiServer;
const slot = (): SessionSlot => {
  let token: string | null = null;
  return { get: () => token, set: (v) => (token = v) };
};
beforeEach(() => {
  t = tempDb(NOW);
  seedBranchOctober(t);
  api = createApiServer(t.ctx, { log: () => {} });
  addUser(t.ctx, 'admin', 'admin');
  addUser(t.ctx, 'boss', 'supervisor');
  addUser(t.ctx, 'agent', 'agent');
});
afterEach(() => t.close());

async function login(username: string) {
  const s = slot();
  expect(await api.call('auth/login', { username, password: 'password-123' }, s, 'zh-CN')).toMatchObject({ ok: true });
  return s;
}

describe('export over the API', () => {
  it('a supervisor lists the months, exports one, downloads it whole and queues it; an agent may not', async () => {
    const agent = await login('agent');
    expect(await api.call('export/months', {}, agent, 'zh-CN')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const s = await login('boss');
    const months = await api.call('export/months', {}, s, 'zh-CN');
    expect(months.ok && (months.value as MonthRow[]).slice(0, 2)).toEqual([
      expect.objectContaining({ month: '2026-11', state: 'open', tickets: 1, latest: null, upload: null }),
      expect.objectContaining({ month: '2026-10', state: 'over', tickets: 7, latest: null, upload: null }),
    ]);
    const run = await api.call('export/run', { month: '2026-10' }, s, 'zh-CN');
    expect(run).toMatchObject({ ok: true, value: { revision: 1, draft: false } });
    const sha = run.ok ? (run.value as ExportResult).sha256 : '';
    const parts: Buffer[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const chunk = await api.call('export/download', { month: '2026-10', offset }, s, 'zh-CN');
      if (!chunk.ok) throw new Error(chunk.error.message);
      const value = chunk.value as BundleChunk;
      parts.push(Buffer.from(value.data, 'base64'));
      offset = value.next;
    }
    expect(crypto.createHash('sha256').update(Buffer.concat(parts)).digest('hex')).toBe(sha);
    expect(await api.call('export/queue', { month: '2026-10' }, s, 'zh-CN')).toMatchObject({ ok: true, value: { state: 'queued', revision: 1 } });
    const after = await api.call('export/months', {}, s, 'zh-CN');
    expect(after.ok && (after.value as MonthRow[])[1]).toMatchObject({ latest: { revision: 1, draft: false }, upload: { state: 'queued', revision: 1 } });
    const future = await api.call('export/run', { month: '2026-12' }, s, 'zh-CN');
    expect(future).toMatchObject({ ok: false, error: { code: 'export_refused', message: '2026-12 尚未开始，不能上报。' } });
  });

  it('only an admin changes masking and the endpoint; the token is never sent back', async () => {
    const s = await login('boss');
    const input = { masking: { phones: false, names: true }, uploadUrl: 'https://hq.example.cn/bundles', token: 'secret-token-1' };
    expect(await api.call('export/saveSettings', input, s, 'zh-CN')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const admin = await login('admin');
    const saved = await api.call('export/saveSettings', input, admin, 'zh-CN');
    expect(saved).toMatchObject({ ok: true, value: { masking: { phones: false, names: true }, uploadUrl: 'https://hq.example.cn/bundles', tokenSet: true } });
    expect(JSON.stringify(saved)).not.toContain('secret-token-1');
    const kept = await api.call('export/saveSettings', { ...input, token: null }, admin, 'zh-CN');
    expect(kept).toMatchObject({ ok: true, value: { tokenSet: true } });
    expect(await api.call('export/saveSettings', { ...input, uploadUrl: 'ftp://x' }, admin, 'zh-CN')).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});
