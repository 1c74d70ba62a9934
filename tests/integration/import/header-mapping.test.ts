/**
 * A CRM export whose phone column is headed 主叫号码 (Chinese Excel's "CSV
 * (逗号分隔)" form, GBK, from tests/fixtures/crm-writers with that one header
 * changed): the preview names the missing column and calls no row importable
 * (it used to show ✓ 可导入 on every row while 导入 was disabled); the user maps
 * 主叫号码 to 客户号码, the mapping is remembered for that header list, the dry
 * run says it was used, and a second file of the same shape imports with no
 * question asked.
 */
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserInfo } from '../../../src-main/core/model';
import { previewFile } from '../../../src-main/services/import/preview';
import { importFile } from '../../../src-main/services/import/run';
import { importFiles } from '../../../src-main/services/import/files';
import { removeHeaderMapping, saveHeaderMapping, savedHeaderMappings } from '../../../src-main/services/import/header-mapping';
import { addUser, tempDb, type TestDb } from '../../helpers/temp-db';
import type { DomainError } from '../../../src-main/core/errors';
import { messageFor } from '../../../src-main/core/messages';

const FIXTURE = path.resolve(import.meta.dirname, '../../fixtures/crm-writers/excel-gbk.csv');

let t: TestDb;
let user: UserInfo;
beforeEach(() => {
  t = tempDb();
  user = addUser(t.ctx, 'zhangsan', 'supervisor');
});
afterEach(() => t.close());

/** The fixture with 客户号码 headed 主叫号码, as another CRM names it. */
function callerFile(name = 'caller.csv'): string {
  const text = iconv.decode(fs.readFileSync(FIXTURE), 'gbk').replace('客户号码', '主叫号码');
  const file = path.join(t.dir, name);
  fs.writeFileSync(file, iconv.encode(text, 'gbk'));
  return file;
}

function upload(file: string): string {
  return importFiles(t.ctx).append(user.id, { fileName: path.basename(file), offset: 0, bytes: fs.readFileSync(file) }).uploadId;
}

describe('mapping a header the console does not know', () => {
  it('calls no row importable while a required column is missing, and says which', async () => {
    const p = await previewFile(t.ctx, callerFile());
    expect(p.missing).toEqual(['phone']);
    expect(p.columns.find((c) => c.header === '主叫号码')).toMatchObject({ field: null });
    expect(p.rows.map((r) => r.line)).toEqual([3, 5, 7, 8]);
    for (const row of p.rows) {
      expect(row.problems).toEqual([
        { line: row.line, column: '', value: '', reason: '文件缺少必需的列：客户号码。如果文件中某一列就是它（只是列名不同），请在预览中把该列对应过去。' },
      ]);
    }
  });

  it('remembers the mapping for the header list; the preview, the dry run and a later file use it', async () => {
    const file = callerFile();
    await saveHeaderMapping(t.ctx, user, upload(file), undefined, { 主叫号码: 'phone' });

    const p = await previewFile(t.ctx, file);
    expect(p.missing).toEqual([]);
    expect(p.columns.find((c) => c.header === '主叫号码')).toEqual({ index: 3, header: '主叫号码', field: 'phone', chosen: true });
    // Now the preview's verdicts are the import's: W003's unknown category (天气) is the only refusal.
    expect(p.rows.map((r) => [r.line, r.problems.map((x) => x.column)])).toEqual([[3, []], [5, []], [7, ['投诉类别']], [8, []]]);

    const dry = await importFile(t.ctx, user, file, { dryRun: true });
    expect(dry).toMatchObject({ inserted: 3, rejectedRows: 1, mapped: [{ header: '主叫号码', field: 'phone' }] });

    // A later export of the same shape, by the command line's path: no question asked.
    const run = await importFile(t.ctx, null, callerFile('next-month.csv'));
    expect(run).toMatchObject({ inserted: 3, rejectedRows: 1 });
    expect(t.db.prepare("SELECT phone FROM tickets WHERE ticket_no = 'W002'").pluck().get()).toBe('13900139000');
    const audit = t.db.prepare("SELECT subject, details FROM audit_log WHERE action = 'import.map_headers'").all();
    expect(audit).toEqual([{ subject: 'caller.csv', details: JSON.stringify({ mapping: { 主叫号码: 'phone' } }) }]);
  });

  it('refuses mapping a column to a field the file already has', async () => {
    const id = upload(callerFile());
    let message = '';
    try {
      await saveHeaderMapping(t.ctx, user, id, undefined, { 主叫号码: 'ticketNo' });
    } catch (e) {
      message = messageFor(e as DomainError, 'zh-CN');
    }
    expect(message).toBe('「主叫号码」对应到的字段在文件中已有别的列，同一字段只能对应一列。');
    expect(t.db.prepare('SELECT count(*) FROM import_header_maps').pluck().get()).toBe(0);
  });
});

describe('the saved mappings', () => {
  it('are listed with their header list, who saved them and when; removing one makes the next preview ask again, audited', async () => {
    const file = callerFile();
    await saveHeaderMapping(t.ctx, user, upload(file), undefined, { 主叫号码: 'phone' });
    const saved = savedHeaderMappings(t.ctx);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ mapping: { 主叫号码: 'phone' }, updatedAt: t.clock.now, updatedByName: user.displayName });
    expect(saved[0]!.headers).toContain('主叫号码');
    expect(saved[0]!.headers).toContain('工单编号');
    expect((await previewFile(t.ctx, file)).missing).toEqual([]);

    t.clock.advance(60_000);
    removeHeaderMapping(t.ctx, user, saved[0]!.setKey);
    expect(savedHeaderMappings(t.ctx)).toEqual([]);
    expect((await previewFile(t.ctx, file)).missing).toEqual(['phone']);
    expect(t.ctx.audit.list(5).find((a) => a.action === 'import.unmap_headers')).toMatchObject({ at: t.clock.now, actorId: user.id, details: { mapping: { 主叫号码: 'phone' } } });
    // Gone already: said, not silently ignored.
    expect(() => removeHeaderMapping(t.ctx, user, saved[0]!.setKey)).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});
