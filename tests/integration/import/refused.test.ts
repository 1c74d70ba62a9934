import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { messageFor } from '../../../src-main/core/messages';
import type { DomainError } from '../../../src-main/core/errors';
import { importFile } from '../../../src-main/services/import/run';
import { addUser, tempDb, type TestDb } from '../../helpers/temp-db';
import type { UserInfo } from '../../../src-main/core/model';
import { GOOD_ROWS, HEADER, count, csvText, writeCsv } from './files';

let t: TestDb;
let user: UserInfo;
beforeEach(async () => {
  t = tempDb();
  user = addUser(t.ctx, 'zhangsan', 'supervisor');
  await importFile(t.ctx, user, writeCsv(t.dir, 'seed.csv', [HEADER, GOOD_ROWS[0]!]));
});
afterEach(() => t.close());

async function refusal(bytes: Buffer | string, name = 'x.csv'): Promise<{ what: unknown; zh: string; en: string }> {
  const file = path.join(t.dir, name);
  fs.writeFileSync(file, bytes);
  const before = [t.db.prepare('SELECT * FROM tickets').all(), count(t.db, 'ticket_events')];
  const e = (await importFile(t.ctx, user, file, { rejectsPath: path.join(t.dir, 'r.csv') }).then(
    () => null,
    (err: unknown) => err,
  )) as DomainError | null;
  expect(e, 'the file should have been refused').not.toBeNull();
  expect(e!.code).toBe('import_refused');
  // Refused whole: nothing changed, no rejects file left behind.
  expect([t.db.prepare('SELECT * FROM tickets').all(), count(t.db, 'ticket_events')]).toEqual(before);
  expect(fs.existsSync(path.join(t.dir, 'r.csv'))).toBe(false);
  return { what: e!.params.what, zh: messageFor(e!, 'zh-CN'), en: messageFor(e!, 'en') };
}

describe('files that cannot be read at all', () => {
  it('refuses binary junk', async () => {
    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    expect(await refusal(junk)).toMatchObject({ what: 'binary', zh: expect.stringContaining('不是 CSV、XLSX 或 XLS') });
  });

  it('takes an OLE2 file for .xls and a PDF for binary by their first bytes, whatever the name', async () => {
    // An OLE2 header with nothing behind it: read as a legacy workbook, refused as an unreadable one.
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect(await refusal(xls, 'export.csv')).toMatchObject({ what: 'bad_xls', en: expect.stringContaining('(.xls) file cannot be read') });
    expect((await refusal(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64)]), 'export.xlsx')).what).toBe('binary');
  });

  it('says so when the OLE2 file is a password-protected workbook, and takes another Office file for binary', async () => {
    const container = (streams: string[]) => {
      const cfb = XLSX.CFB.utils.cfb_new();
      for (const name of streams) XLSX.CFB.utils.cfb_add(cfb, `/${name}`, Buffer.alloc(600, 1));
      return XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer;
    };
    expect(await refusal(container(['EncryptionInfo', 'EncryptedPackage']), 'locked.xlsx')).toMatchObject({
      what: 'other_workbook',
      zh: '该工作簿设有打开密码。请在 Excel 中打开，另存一份不带密码的副本后再导入。',
    });
    expect((await refusal(container(['WordDocument']), 'letter.xls')).what).toBe('binary');
  });

  it('refuses a zip that is not a workbook', async () => {
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('garbage that is not a zip entry at all')]);
    expect((await refusal(zip, 'x.xlsx')).what).toMatch(/bad_xlsx|empty/);
  });

  it('refuses an empty file and one holding only blank lines', async () => {
    expect((await refusal('')).what).toBe('empty');
    expect((await refusal('\r\n\r\n  \r\n')).what).toBe('empty');
  });

  it('refuses a file that lacks required columns, naming them', async () => {
    const r = await refusal(csvText([['工单编号', '受理渠道', '客户号码', '备注'], ['A1', '10086', '13800138000', 'x']]));
    expect(r).toMatchObject({ what: 'missing_columns', zh: '文件缺少必需的列：受理时间、投诉类别、投诉内容。如果文件中某一列就是它（只是列名不同），请在预览中把该列对应过去。' });
    expect(r.en).toBe('The file lacks required columns: received_at, category, description. If one of its columns holds it under another name, map that column in the preview.');
    expect((await refusal('just some notes\nnothing tabular here\n', 'notes.txt')).what).toBe('missing_columns');
  });

  it('refuses a CSV whose quote is never closed, with the line where it opens', async () => {
    const text = csvText([HEADER, GOOD_ROWS[1]!]) + 'CRM777,10086,2026-11-01 09:00,13800138000,,,宽带,"描述没有结束引号,,,,,,\r\nCRM778,10086\r\n';
    const r = await refusal(text);
    expect(r).toMatchObject({ what: 'malformed_csv' });
    expect(r.zh).toContain('第 3 行');
    expect(r.en).toContain('quote is never closed');
  });

  it('refuses a file that does not exist', async () => {
    await expect(importFile(t.ctx, user, path.join(t.dir, 'nope.csv'))).rejects.toMatchObject({ code: 'import_refused', params: { what: 'not_found' } });
  });

  it('a header with no data rows is not an error: nothing to do', async () => {
    const file = writeCsv(t.dir, 'h.csv', [HEADER]);
    expect(await importFile(t.ctx, user, file)).toMatchObject({ inserted: 0, updated: 0, unchanged: 0, rejected: [] });
  });
});
