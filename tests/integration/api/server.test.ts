import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { categoryId, tempDb, type TestDb } from '../../helpers/temp-db';
import { createApiServer, type ApiServer } from '../../../src-main/api/server';
import type { SessionSlot } from '../../../src-main/api/handlers';
import { METHOD_NAMES } from '../../../src-main/api/contract';
import { seedTickets } from '../../../src-main/services/seed';

let t: TestDb;
let api: ApiServer;

const slot = (): SessionSlot & { token: string | null } => {
  const s = {
    token: null as string | null,
    get: () => s.token,
    set: (v: string | null) => {
      s.token = v;
    },
  };
  return s;
};

beforeEach(() => {
  t = tempDb();
  api = createApiServer(t.ctx, { log: () => {} });
});
afterEach(() => t.close());

const setup = { username: 'admin', displayName: '管理员', password: 'correct horse', branchName: '南海分公司', branchId: 'FS-NH' };

describe('the API contract', () => {
  it('first start: needs setup, creates the admin once, and logs in', async () => {
    const s = slot();
    expect(await api.call('auth/status', {}, s, 'zh-CN')).toMatchObject({ ok: true, value: { needsSetup: true, user: null } });
    const r = await api.call('auth/setup', setup, s, 'zh-CN');
    expect(r).toMatchObject({ ok: true, value: { needsSetup: false, user: { username: 'admin', role: 'admin' }, branch: { branchId: 'FS-NH', zone: 'Asia/Shanghai' } } });
    expect(s.token).toBeTruthy();
    const again = await api.call('auth/setup', setup, slot(), 'en');
    expect(again).toEqual({ ok: false, error: { code: 'setup_done', message: 'The administrator account already exists.' } });
  });

  it('a database seeded from the command line (demo colleagues, no administrator) still lets its first administrator in', async () => {
    seedTickets(t.ctx, null, { tickets: 20, seed: 3, months: 1 });
    expect(t.ctx.read.users.count()).toBeGreaterThan(0);
    const s = slot();
    expect(await api.call('auth/status', {}, s, 'en')).toMatchObject({ ok: true, value: { needsSetup: true, user: null } });
    // A demo colleague's username is taken: said as such, not as a database error.
    const taken = await api.call('auth/setup', { ...setup, username: 'zhangwei' }, slot(), 'zh-CN');
    expect(taken).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await api.call('auth/setup', setup, s, 'en')).toMatchObject({ ok: true, value: { needsSetup: false, user: { role: 'admin' } } });
    expect(await api.call('auth/setup', { ...setup, username: 'second' }, slot(), 'en')).toMatchObject({ ok: false, error: { code: 'setup_done' } });
  });

  it('an administrator resets a colleague’s password: the old one stops working and the colleague’s open sessions end', async () => {
    seedTickets(t.ctx, null, { tickets: 5, seed: 3, months: 1 });
    const admin = slot();
    await api.call('auth/setup', setup, admin, 'en');
    const agentId = t.ctx.read.users.credentials('zhangwei')!.user.id;
    const reset = (s: SessionSlot, password: string, userId = agentId) => api.call('users/resetPassword', { userId, password }, s, 'zh-CN');

    expect(await reset(admin, 'zhangwei-2026')).toMatchObject({ ok: true, value: { username: 'zhangwei' } });
    const agent = slot();
    expect((await api.call('auth/login', { username: 'zhangwei', password: 'zhangwei-2026' }, agent, 'en')).ok).toBe(true);
    // The agent may not reset anyone's password, their own included.
    expect(await reset(agent, 'another-pass')).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    expect(await reset(admin, 'short')).toMatchObject({ ok: false, error: { code: 'weak_password', message: '密码至少需要 8 个字符。' } });
    expect(await reset(admin, 'long enough', 9999)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await reset(admin, 'zhangwei-new-2026')).toMatchObject({ ok: true });
    expect(await api.call('tickets/list', {}, agent, 'en')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await api.call('auth/login', { username: 'zhangwei', password: 'zhangwei-2026' }, slot(), 'en')).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
    expect(t.ctx.audit.list(20).filter((e) => e.action === 'user.reset_password')).toHaveLength(2);
    expect(JSON.stringify(t.ctx.audit.list(50))).not.toContain('zhangwei-new-2026');
  });

  it('refuses a short password at setup, in the caller’s language', async () => {
    const r = await api.call('auth/setup', { ...setup, password: 'short' }, slot(), 'zh-CN');
    expect(r).toMatchObject({ ok: false, error: { code: 'weak_password', message: '密码至少需要 8 个字符。' } });
    expect(t.ctx.read.users.count()).toBe(0);
  });

  it('needs a login for everything but status, setup, login and logout', async () => {
    await api.call('auth/setup', setup, slot(), 'en');
    // Written out by hand: the only doors open without a session.
    const open = ['auth/status', 'auth/setup', 'auth/login', 'auth/logout'];
    for (const method of METHOD_NAMES.filter((m) => !open.includes(m))) {
      // The session is checked before the input: an empty input is refused as unauthenticated, not as invalid.
      expect(await api.call(method, {}, slot(), 'en'), method).toMatchObject({ ok: false, error: { code: 'unauthenticated', message: 'Please log in.' } });
    }
    for (const method of open) {
      const r = await api.call(method, {}, slot(), 'en');
      expect(r.ok ? null : r.error.code, method).not.toBe('unauthenticated');
    }
    const bad = await api.call('auth/login', { username: 'admin', password: 'wrong password' }, slot(), 'zh-CN');
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_credentials', message: '用户名或密码错误。' } });
    const s = slot();
    expect((await api.call('auth/login', { username: 'ADMIN', password: 'correct horse' }, s, 'en')).ok).toBe(true);
    expect(await api.call('tickets/list', {}, s, 'en')).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('checks the role each method needs', async () => {
    const admin = slot();
    await api.call('auth/setup', setup, admin, 'en');
    await api.call('users/create', { username: 'agent1', displayName: '张伟', role: 'agent', password: 'agent-pass-1' }, admin, 'en');
    const agent = slot();
    await api.call('auth/login', { username: 'agent1', password: 'agent-pass-1' }, agent, 'en');
    const r = await api.call('users/create', { username: 'x', displayName: 'x', role: 'admin', password: 'xxxxxxxxx' }, agent, 'zh-CN');
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden', message: '您的角色无权执行此操作（需要管理员）。' } });
    expect(t.ctx.read.users.count()).toBe(2);
  });

  it('validates input at the edge with a message naming the field', async () => {
    const s = slot();
    await api.call('auth/setup', setup, s, 'en');
    const base = { channel: '10086', receivedAt: t.clock.now - 1000, phone: '13812345678', categoryId: categoryId(t.ctx, '宽带'), description: '宽带掉线' };
    const missing = await api.call('tickets/create', { ...base, description: '' }, s, 'zh-CN');
    expect(missing).toMatchObject({ ok: false, error: { code: 'validation', message: '请填写投诉内容。' } });
    const wrongChannel = await api.call('tickets/create', { ...base, channel: 'fax' }, s, 'en');
    expect(wrongChannel).toMatchObject({ ok: false, error: { code: 'validation', message: 'The channel is not valid.' } });
    const badPhone = await api.call('tickets/create', { ...base, phone: '12345' }, s, 'en');
    expect(badPhone).toMatchObject({ ok: false, error: { code: 'invalid_phone', message: '"12345" is neither an 11-digit mainland mobile number nor a fixed line with its area code (020-12345678).' } });
    const unknown = await api.call('tickets/delete', { id: 1 }, s, 'en');
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(t.db.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: 0 });
    expect((await api.call('tickets/create', base, s, 'en')).ok).toBe(true);
  });

  it('locks a session after 15 minutes without a call', async () => {
    const s = slot();
    await api.call('auth/setup', setup, s, 'en');
    t.clock.advance(14 * 60_000);
    expect((await api.call('tickets/list', {}, s, 'en')).ok).toBe(true);
    t.clock.advance(15 * 60_000 + 1);
    expect(await api.call('tickets/list', {}, s, 'en')).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(s.token).toBeNull();
  });

  it('the ticket detail lists only the actions allowed now, and acting returns the new state', async () => {
    const s = slot();
    await api.call('auth/setup', setup, s, 'en');
    const created = await api.call('tickets/create', { channel: 'store', receivedAt: t.clock.now - 1000, phone: '13812345678', categoryId: categoryId(t.ctx, '宽带'), description: '宽带掉线' }, s, 'en');
    if (!created.ok) throw new Error(created.error.message);
    const id = (created.value as { ticket: { id: number } }).ticket.id;
    const detail = await api.call('tickets/get', { id }, s, 'en');
    expect(detail).toMatchObject({ ok: true, value: { allowedActions: ['accept', 'transfer', 'escalate', 'void'] } });
    const acted = await api.call('tickets/act', { id, version: 1, action: { type: 'accept' } }, s, 'en');
    expect(acted).toMatchObject({ ok: true, value: { ticket: { status: 'accepted', version: 2 }, history: [{ action: 'accept' }, { action: 'create' }] } });
    const illegal = await api.call('tickets/act', { id, version: 2, action: { type: 'close', satisfaction: 'satisfied' } }, s, 'en');
    expect(illegal).toMatchObject({ ok: false, error: { code: 'illegal_transition', message: 'Cannot close a ticket that is "Accepted".' } });
  });
});
