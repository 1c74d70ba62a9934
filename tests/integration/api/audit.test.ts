/** An administrator reads the audit log: filtered by user, kind and local day, a page at a time, and exported as CSV. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, tempDb, type TestDb } from '../../helpers/temp-db';
import { createApiServer, type ApiServer } from '../../../src-main/api/server';
import type { SessionSlot } from '../../../src-main/api/handlers';
import type { AuditExport, AuditPage } from '../../../src-main/services/audit';

let t: TestDb;
let api: ApiServer;

const slot = (): SessionSlot & { token: string | null } => {
  const s = {
    client: '10.1.1.1',
    token: null as string | null,
    get: () => s.token,
    set: (v: string | null) => {
      s.token = v;
    },
  };
  return s;
};

// Pinned clock: 2026-11-02 10:00 in Shanghai (02:00Z).
const HOUR = 3_600_000;
let admin: ReturnType<typeof slot>;
let agentId: number;

beforeEach(async () => {
  t = tempDb();
  api = createApiServer(t.ctx, { log: () => {} });
  admin = slot();
  // 11-02 10:00 local: setup (user.create_first_admin, settings) and the admin's session.
  await api.call('auth/setup', { username: 'admin', displayName: '王主管', password: 'correct horse', branchName: '禅城', branchId: 'FS-CC' }, admin, 'en');
  agentId = addUser(t.ctx, 'zhangwei', 'agent').id;
  // 11-02 23:30 local (15:30Z): a wrong password for zhangwei, then his login.
  t.clock.advance(13.5 * HOUR);
  await api.call('auth/login', { username: 'zhangwei', password: 'nope-nope' }, slot(), 'en');
  await api.call('auth/login', { username: 'zhangwei', password: 'password-123' }, slot(), 'en');
  // 11-03 00:30 local (16:30Z): the admin logs in again (the first session has locked) and
  // disables him; a login with a formula for a user name fails.
  t.clock.advance(HOUR);
  await api.call('auth/login', { username: 'admin', password: 'correct horse' }, admin, 'en');
  await api.call('users/setActive', { userId: agentId, active: false }, admin, 'en');
  await api.call('auth/login', { username: '=HYPERLINK("http://x")', password: 'whatever1' }, slot(), 'en');
});
afterEach(() => t.close());

const list = async (q: Record<string, unknown>) => {
  const r = await api.call('audit/list', q, admin, 'en');
  if (!r.ok) throw new Error(r.error.message);
  return r.value as AuditPage;
};
const actions = (p: AuditPage) => p.rows.map((r) => r.action);

describe('audit/list', () => {
  it('lists every entry newest first with who did it, and the actions there are', async () => {
    const all = await list({});
    expect(actions(all)).toEqual([
      'auth.login_failed',
      'user.disable',
      'auth.login',
      'auth.login',
      'auth.login_failed',
      'settings.branch',
      'user.create_first_admin',
    ]);
    expect(all.total).toBe(7);
    expect(all.rows[0]).toMatchObject({ actorId: null, actorName: null, subject: '=HYPERLINK("http://x")' });
    expect(all.rows[1]).toMatchObject({ actorId: 1, actorName: '王主管', subject: 'zhangwei' });
    expect(all.rows[3]).toMatchObject({ actorId: agentId, actorName: 'ZHANGWEI', details: { client: '10.1.1.1' } });
    expect(all.actions).toEqual(['auth.login', 'auth.login_failed', 'settings.branch', 'user.create_first_admin', 'user.disable']);
  });

  it('filters by user, by exact kind or area, and by local day in the branch zone', async () => {
    expect(actions(await list({ actorId: agentId }))).toEqual(['auth.login', 'auth.login_failed']);
    expect(actions(await list({ actorId: 1 }))).toEqual(['user.disable', 'auth.login', 'settings.branch', 'user.create_first_admin']);
    expect(actions(await list({ action: 'auth.login_failed' }))).toEqual(['auth.login_failed', 'auth.login_failed']);
    expect(actions(await list({ action: 'user.' }))).toEqual(['user.disable', 'user.create_first_admin']);
    // 11-02 in Shanghai ends at 16:00Z: the 23:30 login is on the 2nd, the 00:30 disable on the 3rd.
    expect(actions(await list({ fromDay: '2026-11-02', toDay: '2026-11-02' }))).toEqual([
      'auth.login',
      'auth.login_failed',
      'settings.branch',
      'user.create_first_admin',
    ]);
    expect(actions(await list({ fromDay: '2026-11-03' }))).toEqual(['auth.login_failed', 'user.disable', 'auth.login']);
    expect(actions(await list({ toDay: '2026-11-01' }))).toEqual([]);
    const page = await list({ offset: 1, limit: 2 });
    expect(actions(page)).toEqual(['user.disable', 'auth.login']);
    expect(page.total).toBe(7);
  });

  it('a "%" or "_" in the kind is text, not a wildcard', async () => {
    expect((await list({ action: 'auth%' })).total).toBe(0);
    expect((await list({ action: 'a_th.' })).total).toBe(0);
  });

  it('is for administrators only, and says which field is wrong', async () => {
    const lina = slot();
    addUser(t.ctx, 'lina', 'manager');
    await api.call('auth/login', { username: 'lina', password: 'password-123' }, lina, 'en');
    expect(await api.call('audit/list', {}, lina, 'en')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await api.call('audit/export', {}, lina, 'en')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await api.call('audit/list', { fromDay: '3 Nov' }, admin, 'en')).toMatchObject({ ok: false, error: { code: 'validation', details: expect.anything() } });
  });
});

describe('audit/export', () => {
  it('writes the filtered entries as CSV in the branch zone, formulas neutralised, and records the export', async () => {
    const r = await api.call('audit/export', { fromDay: '2026-11-03', locale: 'zh-CN' }, admin, 'en');
    expect(r.ok).toBe(true);
    const file = (r as { value: AuditExport }).value;
    expect(file).toMatchObject({ fileName: 'audit-20261103-003000.csv', rows: 3, total: 3 });
    expect(file.csv).toBe(
      '\uFEFF时间,操作人,操作人账号,事件,对象,详情\r\n' +
        `2026-11-03T00:30:00+08:00,,,auth.login_failed,"'=HYPERLINK(""http://x"")","{""client"":""10.1.1.1""}"\r\n` +
        `2026-11-03T00:30:00+08:00,王主管,admin,user.disable,zhangwei,{}\r\n` +
        `2026-11-03T00:30:00+08:00,王主管,admin,auth.login,admin,"{""client"":""10.1.1.1""}"\r\n`,
    );
    const logged = await list({ action: 'audit.export' });
    expect(logged.rows[0]).toMatchObject({ actorId: 1, details: { fromDay: '2026-11-03', rows: 3, total: 3 } });
  });

  it('heads the columns in English when asked', async () => {
    const r = await api.call('audit/export', { action: 'user.disable', locale: 'en' }, admin, 'en');
    expect((r as { value: AuditExport }).value.csv.split('\r\n')[0]).toBe('\uFEFFTime,Actor,Actor account,Event,Subject,Details');
  });
});
