import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiServer, type ApiServer } from '../../../src-main/api/server';
import type { SessionSlot } from '../../../src-main/api/handlers';
import { createUser } from '../../../src-main/services/users';
import { tempDb, type TestDb } from '../../helpers/temp-db';
import { GOOD_ROWS, HEADER, writeCsv } from './files';

let t: TestDb;
let api: ApiServer;

const slot = (): SessionSlot => {
  let token: string | null = null;
  return { get: () => token, set: (v) => void (token = v) };
};

async function login(role: 'agent' | 'supervisor', name: string): Promise<SessionSlot> {
  const admin = t.ctx.read.users.list().find((u) => u.role === 'admin')!;
  createUser(t.ctx, admin, { username: name, displayName: name, role, password: 'password-123' });
  const s = slot();
  expect((await api.call('auth/login', { username: name, password: 'password-123' }, s, 'zh-CN')).ok).toBe(true);
  return s;
}

async function value<T = Record<string, unknown>>(p: Promise<{ ok: boolean }>): Promise<T> {
  const r = (await p) as { ok: boolean; value?: T; error?: unknown };
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as T;
}

/** Send a file the way the renderer does: 1 MiB chunks, base64. */
async function upload(s: SessionSlot, bytes: Buffer, fileName: string, chunk = 1024 * 1024): Promise<string> {
  let uploadId: string | undefined;
  for (let offset = 0; offset < bytes.length || offset === 0; offset += chunk) {
    const data = bytes.subarray(offset, offset + chunk).toString('base64');
    const r = await value<{ uploadId: string; size: number }>(api.call('import/upload', { uploadId, fileName, offset, data }, s, 'zh-CN'));
    uploadId = r.uploadId;
    if (offset + chunk >= bytes.length) break;
  }
  return uploadId!;
}

beforeEach(async () => {
  t = tempDb();
  api = createApiServer(t.ctx, { log: () => {} });
  await api.call('auth/setup', { username: 'admin', displayName: '管理员', password: 'correct horse', branchName: '城关', branchId: 'LZ-CG' }, slot(), 'zh-CN');
});
afterEach(() => t.close());

describe('import over the contract', () => {
  it('uploads in chunks, previews the mapping and first rows, dry-runs, runs and hands back the rejects file', async () => {
    const s = await login('supervisor', 'banzhang');
    const bad = GOOD_ROWS[0]!.map((c, i) => (i === 0 ? 'CRM404' : i === 3 ? '110' : c));
    const padding = Array.from({ length: 3000 }, (_, i) => GOOD_ROWS[1]!.map((c, j) => (j === 0 ? `PAD${i}` : c)));
    const bytes = fs.readFileSync(writeCsv(t.dir, 'crm.csv', [HEADER, ...GOOD_ROWS, bad, ...padding], { encoding: 'gb18030' }));
    const id = await upload(s, bytes, '十一月工单.csv', 64 * 1024);

    const preview = await value<{ fileName: string; format: string; encoding: string; columns: Array<{ header: string; field: string | null }>; missing: string[]; rows: Array<{ line: number; problems: unknown[] }> }>(
      api.call('import/preview', { uploadId: id }, s, 'zh-CN'),
    );
    expect(preview).toMatchObject({ fileName: '十一月工单.csv', format: 'csv', encoding: 'gb18030', missing: [] });
    expect(preview.columns.slice(0, 2)).toEqual([{ index: 0, header: '工单编号', field: 'ticketNo' }, { index: 1, header: '受理渠道', field: 'channel' }]);
    expect(preview.rows).toHaveLength(20);
    expect(preview.rows[3]).toMatchObject({ line: 6, problems: [{ column: '客户号码', value: '110' }] });

    const dry = await value(api.call('import/run', { uploadId: id, dryRun: true }, s, 'zh-CN'));
    expect(dry).toMatchObject({ dryRun: true, inserted: 3003, updated: 0, unchanged: 0, rejectedRows: 1 });
    expect(t.db.prepare('SELECT count(*) FROM tickets').pluck().get()).toBe(0);

    const run = await value<{ rejectsToken: string; rejectsFileName: string; inserted: number }>(api.call('import/run', { uploadId: id, locale: 'en' }, s, 'en'));
    expect(run).toMatchObject({ inserted: 3003, rejectedRows: 1, rejectsFileName: '十一月工单-rejects.csv', rejected: [{ line: 6, column: '客户号码', reason: 'Neither an 11-digit mainland mobile number nor a fixed line with its area code (020-12345678).' }] });
    const chunk = await value<{ data: string; next: number | null; size: number }>(api.call('import/rejects', { token: run.rejectsToken }, s, 'zh-CN'));
    expect(chunk.next).toBeNull();
    const text = Buffer.from(chunk.data, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF工单编号,受理渠道')).toBe(true);
    expect(text).toContain('CRM404');

    const again = await value(api.call('import/run', { uploadId: id }, s, 'zh-CN'));
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3003 });
  });

  it('is for supervisors: an agent is refused', async () => {
    const s = await login('agent', 'zuoxi');
    const r = await api.call('import/upload', { fileName: 'a.csv', offset: 0, data: '' }, s, 'zh-CN');
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('keeps one user’s upload from another, refuses an unreadable file in words, and checks chunk order', async () => {
    const a = await login('supervisor', 'a');
    const b = await login('supervisor', 'b');
    const id = await upload(a, Buffer.from([0, 1, 2, 3, 0, 0, 9]), 'junk.csv');
    expect(await api.call('import/preview', { uploadId: id }, b, 'zh-CN')).toMatchObject({ ok: false, error: { code: 'import_refused', message: '上传的文件已过期，请重新选择文件。' } });
    expect(await api.call('import/run', { uploadId: id }, a, 'en')).toMatchObject({ ok: false, error: { code: 'import_refused', message: expect.stringContaining('not CSV, XLSX or XLS') } });
    expect(await api.call('import/upload', { uploadId: id, fileName: 'junk.csv', offset: 3, data: 'AAAA' }, a, 'zh-CN')).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});
