import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaptured } from '../../helpers/cli';
import { PINNED_NOW, tempDir } from '../../helpers/temp-db';
import { GOOD_ROWS, HEADER, writeCsv } from './files';

let dir: string;
let db: string;
beforeEach(() => {
  dir = tempDir();
  db = path.join(dir, 'desk.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[], lang = 'en_US.UTF-8') => runCaptured(args, { lang, now: () => PINNED_NOW });

describe('complaint-desk import', () => {
  it('imports an openpyxl workbook (inline strings, sheet before workbook in the zip) and a legacy .xls, with --sheet by name or position', async () => {
    const fixtures = path.resolve(import.meta.dirname, '../../fixtures/crm-writers');
    const openpyxl = await cli(['import', path.join(fixtures, 'openpyxl-crm-export.xlsx'), '--sheet', 'Sheet', '--db', db, '--json']);
    expect([openpyxl.code, openpyxl.stderr]).toEqual([0, '']);
    expect(JSON.parse(openpyxl.stdout)).toEqual({ inserted: 2, updated: 0, unchanged: 0, rejected: [] });
    const xls = await cli(['import', path.join(fixtures, 'libreoffice.xls'), '--sheet', '2', '--db', db, '--json']);
    expect(xls.code).toBe(0);
    expect(JSON.parse(xls.stdout)).toMatchObject({ inserted: 3, updated: 0, unchanged: 0, rejected: [{ line: 6, column: '投诉类别', value: '天气' }] });
  });

  it('prints exactly {inserted, updated, unchanged, rejected} and exits 0 even with rejected rows', async () => {
    const bad = GOOD_ROWS[0]!.map((c, i) => (i === 0 ? 'CRM404' : i === 1 ? 'fax' : c));
    const file = writeCsv(dir, 'crm.csv', [HEADER, ...GOOD_ROWS, bad], { encoding: 'gb18030' });
    const dry = await cli(['import', file, '--dry-run', '--db', db, '--json']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toEqual({
      inserted: 3,
      updated: 0,
      unchanged: 0,
      rejected: [{ line: 6, column: '受理渠道', value: 'fax', reason: 'Unknown channel (use 10086, 10080, 12300, store, online, social, other).' }],
    });
    const first = await cli(['import', file, '--db', db, '--json']);
    expect(JSON.parse(first.stdout)).toMatchObject({ inserted: 3, updated: 0, unchanged: 0 });
    const second = await cli(['import', file, '--db', db, '--json']);
    expect(Object.keys(JSON.parse(second.stdout))).toEqual(['inserted', 'updated', 'unchanged', 'rejected']);
    expect(JSON.parse(second.stdout)).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    const listed = JSON.parse((await cli(['tickets', '--db', db, '--json'])).stdout) as unknown[];
    expect(listed).toHaveLength(3);
  });

  it('speaks Chinese to a Chinese locale and writes the rejects file when asked', async () => {
    const bad = GOOD_ROWS[0]!.map((c, i) => (i === 3 ? '123' : c));
    const file = writeCsv(dir, 'crm.csv', [HEADER, bad]);
    const out = path.join(dir, 'rejects.csv');
    const r = await cli(['import', file, '--rejects', out, '--db', db, '--json'], 'zh_CN.UTF-8');
    expect(JSON.parse(r.stdout).rejected[0].reason).toBe('不是 11 位大陆手机号码，也不是带区号的固定电话（如 020-12345678）。');
    expect(r.stderr).toContain(out);
    expect(fs.readFileSync(out, 'utf8').startsWith('\uFEFF工单编号')).toBe(true);
  });

  it('exits 1 with the reason on stderr and, with --json, the error as the one document on stdout when the file cannot be read', async () => {
    const junk = path.join(dir, 'junk.csv');
    fs.writeFileSync(junk, Buffer.from([0x00, 0xff, 0x10, 0x00, 0x01, 0x02]));
    const r = await cli(['import', junk, '--db', db, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ error: { code: 'import_refused', message: expect.stringContaining('not CSV, XLSX or XLS') } });
    expect(r.stderr).toContain('not CSV, XLSX or XLS');
    const missing = await cli(['import', path.join(dir, 'none.csv'), '--db', db, '--json'], 'zh_CN.UTF-8');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'import_refused' } });
    expect(missing.stderr).toContain('无法打开文件');
  });

  it('records the importing user with --user, and treats a missing FILE or unknown user as usage errors', async () => {
    const file = writeCsv(dir, 'crm.csv', [HEADER, GOOD_ROWS[0]!]);
    expect((await cli(['import', '--db', db])).code).toBe(2);
    expect((await cli(['import', file, '--user', 'ghost', '--db', db])).code).toBe(2);
    const plain = await cli(['import', file, '--db', db]);
    expect(plain.stdout).toContain('inserted 1, updated 0, unchanged 0, rejected 0');
  });
});
