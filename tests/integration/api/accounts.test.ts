/**
 * Accounts under attack and under administration: wrong passwords slow down
 * and lock out (per account and per client), sessions end when a password
 * changes or a new login takes the slot, and an admin disables a colleague.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, categoryId, tempDb, type TestDb } from '../../helpers/temp-db';
import { createApiServer, type ApiServer } from '../../../src-main/api/server';
import type { SessionSlot } from '../../../src-main/api/handlers';
import type { UserInfo } from '../../../src-main/core/model';

let t: TestDb;
let api: ApiServer;

type Slot = SessionSlot & { token: string | null };
const slot = (client = '10.0.0.5'): Slot => {
  const s: Slot = {
    client,
    token: null,
    get: () => s.token,
    set: (v) => {
      s.token = v;
    },
  };
  return s;
};
/** Another slot holding the same token: the same session seen from elsewhere. */
const copyOf = (s: Slot): Slot => {
  const c = slot(s.client);
  c.token = s.token;
  return c;
};

const SETUP = { username: 'admin', displayName: '管理员', password: 'correct horse', branchName: '南海分公司', branchId: 'FS-NH' };
let admin: Slot;
let zhang: UserInfo;

beforeEach(async () => {
  t = tempDb();
  api = createApiServer(t.ctx, { log: () => {} });
  admin = slot('127.0.0.1');
  await api.call('auth/setup', SETUP, admin, 'en');
  // addUser gives every made-up colleague the password "password-123".
  zhang = addUser(t.ctx, 'zhangwei', 'agent');
  addUser(t.ctx, 'lina', 'supervisor');
});
afterEach(() => t.close());

const login = (username: string, password: string, s: Slot = slot()) => api.call('auth/login', { username, password }, s, 'en');
const auditOf = (action: string) => t.ctx.audit.list(1000).filter((e) => e.action === action);
const signedIn = async (s: Slot) => (await api.call('tickets/list', {}, s, 'en')).ok;

describe('wrong passwords', () => {
  it('100 wrong passwords in a row, then the right one: refused (it used to be accepted at once)', async () => {
    const answers: string[] = [];
    for (let i = 0; i < 100; i++) {
      const r = await login('zhangwei', `guess-${i}`);
      answers.push(r.ok ? 'ok' : r.error.code);
    }
    // Three wrong passwords are checked; from then on the account must wait.
    expect(answers.slice(0, 3)).toEqual(['bad_credentials', 'bad_credentials', 'bad_credentials']);
    expect(new Set(answers.slice(3))).toEqual(new Set(['too_many_attempts']));
    expect(await login('zhangwei', 'password-123')).toEqual({
      ok: false,
      error: { code: 'too_many_attempts', message: 'Too many wrong passwords. Try again in 1 second.' },
    });
    expect(auditOf('auth.login_failed')).toHaveLength(3);
    expect(auditOf('auth.login_throttled')).toHaveLength(98);
    expect(auditOf('auth.login_throttled')[0]).toMatchObject({ subject: 'zhangwei', details: { client: '10.0.0.5', retryInSeconds: 1 } });
  });

  it('the wait grows 1 s, 2 s, 4 s … to a minute, then the account is locked for 15 minutes, the right password included', { timeout: 60_000 }, async () => {
    for (let i = 0; i < 3; i++) expect((await login('zhangwei', `guess-${i}`)).ok).toBe(false);
    for (const seconds of [1, 2, 4, 8, 16, 32, 60]) {
      const early = await login('zhangwei', 'password-123');
      expect(early, `${seconds} s`).toMatchObject({ ok: false, error: { code: 'too_many_attempts' } });
      expect(early.ok ? null : early.error.message).toBe(`Too many wrong passwords. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`);
      t.clock.advance(seconds * 1000);
      expect(await login('zhangwei', 'still-wrong')).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
    }
    // Ten wrong passwords: locked.
    expect(auditOf('auth.lockout')).toEqual([expect.objectContaining({ actorId: zhang.id, subject: 'zhangwei', details: { scope: 'account', client: '10.0.0.5' } })]);
    const zh = await api.call('auth/login', { username: 'zhangwei', password: 'password-123' }, slot(), 'zh-CN');
    expect(zh).toMatchObject({ ok: false, error: { message: '密码错误次数过多，请 15 分钟后再试。' } });
    // From another client too: the account itself is locked.
    expect(await login('zhangwei', 'password-123', slot('10.0.0.99'))).toMatchObject({ ok: false, error: { code: 'too_many_attempts' } });
    t.clock.advance(899_000);
    expect(await login('zhangwei', 'password-123')).toMatchObject({ ok: false, error: { code: 'too_many_attempts' } });
    t.clock.advance(1_000);
    expect((await login('zhangwei', 'password-123')).ok).toBe(true);
    // Other accounts were never held up.
    expect((await login('lina', 'password-123', slot('10.0.0.99'))).ok).toBe(true);
  });

  it('a typo or two is forgiven by the right password', async () => {
    await login('zhangwei', 'typo-1');
    await login('zhangwei', 'typo-2');
    expect((await login('zhangwei', 'password-123')).ok).toBe(true);
    await login('zhangwei', 'typo-3');
    await login('zhangwei', 'typo-4');
    expect((await login('zhangwei', 'password-123')).ok).toBe(true);
  });

  // Thirty-odd password checks (scrypt, ~60 ms each on a quiet machine, far more on a busy one).
  it('one client guessing across many accounts is locked after thirty wrong passwords; other clients are not', { timeout: 120_000 }, async () => {
    const guesser = slot('10.0.0.66');
    let wrong = 0;
    for (let i = 0; wrong < 30; i++) {
      const r = await login(`user${i}`, 'password-123', guesser);
      if (!r.ok && r.error.code === 'too_many_attempts') {
        t.clock.advance(60_000); // waits never exceed a minute before the lock
        continue;
      }
      expect(r).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
      wrong++;
    }
    expect(await login('zhangwei', 'password-123', guesser)).toMatchObject({
      ok: false,
      error: { code: 'too_many_attempts', message: 'Too many wrong passwords. Try again in 15 minutes.' },
    });
    expect(auditOf('auth.lockout')).toEqual([expect.objectContaining({ actorId: null, subject: '10.0.0.66', details: { scope: 'client', client: '10.0.0.66' } })]);
    expect((await login('zhangwei', 'password-123', slot('10.0.0.7'))).ok).toBe(true);
  });
});

describe('sessions', () => {
  it('logging in over an open session ends the old token', async () => {
    const desk = slot();
    await login('zhangwei', 'password-123', desk);
    const old = copyOf(desk);
    expect(await signedIn(old)).toBe(true);
    await login('lina', 'password-123', desk);
    expect(desk.token).not.toBe(old.token);
    expect(await signedIn(old)).toBe(false);
    expect(await api.call('auth/status', {}, desk, 'en')).toMatchObject({ ok: true, value: { user: { username: 'lina' } } });
  });

  it('changing one’s own password ends one’s other sessions and keeps this one', async () => {
    const here = slot();
    const there = slot('10.0.0.8');
    await login('zhangwei', 'password-123', here);
    await login('zhangwei', 'password-123', there);
    const wrong = await api.call('auth/changePassword', { current: 'nope-nope', password: 'new-pass-2026' }, here, 'zh-CN');
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong_current_password', message: '当前密码不正确。' } });
    const short = await api.call('auth/changePassword', { current: 'password-123', password: 'short' }, here, 'en');
    expect(short).toMatchObject({ ok: false, error: { code: 'weak_password' } });
    expect(await signedIn(there)).toBe(true);

    expect(await api.call('auth/changePassword', { current: 'password-123', password: 'new-pass-2026' }, here, 'en')).toMatchObject({ ok: true, value: { username: 'zhangwei' } });
    expect(await signedIn(here)).toBe(true);
    expect(await signedIn(there)).toBe(false);
    expect(await login('zhangwei', 'password-123')).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });
    expect((await login('zhangwei', 'new-pass-2026')).ok).toBe(true);
    expect(auditOf('user.change_password')).toHaveLength(1);
    expect(JSON.stringify(t.ctx.audit.list(100))).not.toContain('new-pass-2026');
  });

  it('an administrator resetting their own password keeps this session and ends their others', async () => {
    const other = slot('10.0.0.9');
    await login('admin', 'correct horse', other);
    expect(await api.call('users/resetPassword', { userId: 1, password: 'battery staple' }, admin, 'en')).toMatchObject({ ok: true });
    expect(await signedIn(admin)).toBe(true);
    expect(await signedIn(other)).toBe(false);
  });
});

describe('disabling an account', () => {
  it('ends the user’s sessions, refuses their login, and keeps their history', async () => {
    const agent = slot();
    await login('zhangwei', 'password-123', agent);
    const created = await api.call(
      'tickets/create',
      { channel: '10086', receivedAt: t.clock.now - 60_000, phone: '13812345678', categoryId: categoryId(t.ctx, '宽带'), description: '宽带掉线' },
      agent,
      'en',
    );
    expect(created.ok).toBe(true);

    expect(await api.call('users/setActive', { userId: zhang.id, active: false }, admin, 'en')).toMatchObject({ ok: true, value: { username: 'zhangwei', active: false } });
    expect(await signedIn(agent)).toBe(false);
    expect(await api.call('auth/login', { username: 'zhangwei', password: 'password-123' }, slot(), 'zh-CN')).toEqual({
      ok: false,
      error: { code: 'account_disabled', message: '该账号已停用，请联系管理员。' },
    });
    // A wrong password says only that: it reveals nothing about the account.
    expect(await login('zhangwei', 'wrong-wrong')).toMatchObject({ ok: false, error: { code: 'bad_credentials' } });

    // History kept: the ticket still names its creator, and colleagues' screens still know the name (flagged disabled).
    const ticket = await api.call('tickets/get', { id: 1 }, admin, 'en');
    expect(ticket).toMatchObject({ ok: true, value: { history: [expect.objectContaining({ actorId: zhang.id })] } });
    const colleagues = await api.call('meta/users', {}, admin, 'en');
    expect(colleagues.ok && (colleagues.value as UserInfo[]).find((u) => u.username === 'zhangwei')).toMatchObject({ displayName: 'ZHANGWEI', active: false });

    expect(await api.call('users/setActive', { userId: zhang.id, active: true }, admin, 'en')).toMatchObject({ ok: true, value: { active: true } });
    expect((await login('zhangwei', 'password-123')).ok).toBe(true);
    expect(auditOf('user.disable')).toEqual([expect.objectContaining({ actorId: 1, subject: 'zhangwei' })]);
    expect(auditOf('user.enable')).toHaveLength(1);
  });

  it('an administrator cannot disable themselves; an unknown user is said so', async () => {
    expect(await api.call('users/setActive', { userId: 1, active: false }, admin, 'zh-CN')).toEqual({
      ok: false,
      error: { code: 'account_change_refused', message: '不能停用自己的账号。' },
    });
    expect(await api.call('users/setActive', { userId: 999, active: false }, admin, 'en')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await signedIn(admin)).toBe(true);
  });
});
