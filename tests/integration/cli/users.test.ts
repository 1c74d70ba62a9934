/** `complaint-desk users`: IT staff list accounts and disable one; a running console lets that person out at once. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaptured } from '../../helpers/cli';
import { createApiServer } from '../../../src-main/api/server';
import type { SessionSlot } from '../../../src-main/api/handlers';
import { addUser, PINNED_NOW, tempDb, type TestDb } from '../../helpers/temp-db';

let t: TestDb;
beforeEach(() => {
  t = tempDb();
  addUser(t.ctx, 'zhangwei', 'agent');
  addUser(t.ctx, 'lina', 'supervisor');
});
afterEach(() => t.close());

const cli = (args: string[]) => runCaptured([...args, '--db', t.file], { now: () => PINNED_NOW });

describe('complaint-desk users', () => {
  it('lists the accounts with their state', async () => {
    const r = await cli(['users', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      { username: 'lina', display_name: 'LINA', role: 'supervisor', active: true },
      { username: 'zhangwei', display_name: 'ZHANGWEI', role: 'agent', active: true },
    ]);
  });

  it('disables an account: a console already running refuses that person’s open session; enabling lets them back', async () => {
    const api = createApiServer(t.ctx, { log: () => {} });
    const s: SessionSlot & { token: string | null } = {
      token: null,
      client: 'desk',
      get: () => s.token,
      set: (v) => void (s.token = v),
    };
    expect((await api.call('auth/login', { username: 'zhangwei', password: 'password-123' }, s, 'en')).ok).toBe(true);

    const r = await cli(['users', '--disable', 'zhangwei']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('lina             supervisor active   LINA\nzhangwei         agent      DISABLED ZHANGWEI\n');
    expect(await api.call('tickets/list', {}, s, 'en')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await api.call('auth/login', { username: 'zhangwei', password: 'password-123' }, s, 'en')).toMatchObject({ ok: false, error: { code: 'account_disabled' } });
    expect(t.ctx.audit.list(5).find((e) => e.action === 'user.disable')).toMatchObject({ actorId: null, action: 'user.disable', subject: 'zhangwei', details: { via: 'cli' } });

    expect((await cli(['users', '--enable', 'zhangwei'])).code).toBe(0);
    expect((await api.call('auth/login', { username: 'zhangwei', password: 'password-123' }, s, 'en')).ok).toBe(true);
  });

  it('says which account it cannot find, and refuses both options at once', async () => {
    const missing = await cli(['users', '--disable', 'nobody']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nobody');
    const both = await cli(['users', '--disable', 'lina', '--enable', 'zhangwei']);
    expect(both.code).toBe(2);
    expect((await cli(['users', '--json'])).stdout).not.toContain('"active":false');
  });
});
