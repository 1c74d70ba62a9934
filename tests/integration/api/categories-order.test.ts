/**
 * meta/categories answers the default tree parent by parent — the report's
 * category filter once listed 资费计费/多收费 under 网络质量, because the rows
 * came ordered by each level's `sort` alone.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TestDb } from '../../helpers/temp-db';
import { createApiServer, type ApiServer } from '../../../src-main/api/server';
import type { SessionSlot } from '../../../src-main/api/handlers';
import type { Category } from '../../../src-main/core/model';

let t: TestDb;
let api: ApiServer;
beforeEach(() => {
  t = tempDb();
  api = createApiServer(t.ctx, { log: () => {} });
});
afterEach(() => t.close());

describe('meta/categories', () => {
  it('lists every sub-category right under its own parent', async () => {
    let token: string | null = null;
    const s: SessionSlot = { get: () => token, set: (v) => void (token = v) };
    await api.call('auth/setup', { username: 'admin', displayName: '管理员', password: 'correct horse', branchName: '南海分公司', branchId: 'FS-NH' }, s, 'zh-CN');
    const r = await api.call('meta/categories', {}, s, 'zh-CN');
    if (!r.ok) throw new Error(r.error.message);
    const list = r.value as Category[];
    // Under which top-level row each sub-category is listed.
    let top = '';
    const under: Record<string, string> = {};
    for (const c of list) {
      if (c.parentId === null) top = c.name;
      else under[c.path] = top;
    }
    expect(under['资费计费/多收费']).toBe('资费计费');
    expect(under['网络质量/信号覆盖']).toBe('网络质量');
    for (const [path, parent] of Object.entries(under)) expect(path.startsWith(`${parent}/`)).toBe(true);
    expect(list.slice(0, 3).map((c) => c.path)).toEqual(['网络质量', '网络质量/信号覆盖', '网络质量/上网慢/断网']);
  });
});
