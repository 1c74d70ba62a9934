/** The reports over the contract: an agent may read them; only an admin enters the subscriber count. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, tempDb, type TestDb } from '../../helpers/temp-db';
import { createApiServer, type ApiServer } from '../../../src-main/api/server';
import type { SessionSlot } from '../../../src-main/api/handlers';
import { NOW, seedOctober } from './fixture';

let t: TestDb;
let api: ApiServer;
const slot = (): SessionSlot => {
  let token: string | null = null;
  return { get: () => token, set: (v) => (token = v) };
};

beforeEach(() => {
  t = tempDb(NOW);
  seedOctober(t.ctx);
  api = createApiServer(t.ctx, { log: () => {} });
  addUser(t.ctx, 'admin', 'admin');
  addUser(t.ctx, 'agent', 'agent');
});
afterEach(() => t.close());

async function login(username: string, password: string) {
  const s = slot();
  expect(await api.call('auth/login', { username, password }, s, 'zh-CN')).toMatchObject({ ok: true });
  return s;
}

describe('reports over the API', () => {
  it('an agent reads the KPIs and the dashboard, with filters validated at the edge', async () => {
    const s = await login('agent', 'password-123');
    const k = await api.call('reports/kpis', { from: '2026-10-01', to: '2026-10-31' }, s, 'zh-CN');
    expect(k).toMatchObject({ ok: true, value: { total: 6, onTime: 3, dueCount: 5 } });
    const d = await api.call('reports/dashboard', { from: '2026-10-01', to: '2026-10-31', filters: { channel: ['10080'] } }, s, 'zh-CN');
    expect(d).toMatchObject({ ok: true, value: { report: { total: 1 }, charts: { daily: expect.any(Array) } } });
    const bad = await api.call('reports/kpis', { from: '2026-10-01', to: '2026-10-31', filters: { channel: ['fax'] } }, s, 'zh-CN');
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
    const reversed = await api.call('reports/kpis', { from: '2026-10-31', to: '2026-10-01' }, s, 'en');
    expect(reversed).toMatchObject({ ok: false, error: { code: 'validation' } });
    const options = await api.call('reports/options', {}, s, 'zh-CN');
    // The districts offered are the branch's kept list (docs/LISTS.md), which holds the tickets' two and the test database's standard set.
    expect(options).toMatchObject({ ok: true, value: { districts: expect.arrayContaining(['南海区', '禅城区']), subscribers: null } });
  });

  it('only an admin enters the subscriber count', async () => {
    const agent = await login('agent', 'password-123');
    expect(await api.call('reports/setSubscribers', { subscribers: 30_000 }, agent, 'zh-CN')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const admin = await login('admin', 'password-123');
    expect(await api.call('reports/setSubscribers', { subscribers: 30_000 }, admin, 'zh-CN')).toEqual({ ok: true, value: { subscribers: 30_000 } });
    expect(await api.call('reports/kpis', { from: '2026-10-01', to: '2026-10-31' }, agent, 'zh-CN')).toMatchObject({ ok: true, value: { complaintsPer10k: 2 } });
    expect(await api.call('reports/setSubscribers', { subscribers: null }, admin, 'zh-CN')).toEqual({ ok: true, value: { subscribers: null } });
  });
});
