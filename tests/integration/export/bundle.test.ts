/** The monthly bundle: what is inside, signed, masked, and the same bytes for the same data. */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TestDb } from '../../helpers/temp-db';
import { NOW } from '../reports/fixture';
import { exportOctober, outDir, seedBranchOctober } from './fixture';
import { unzipAll } from './zip-tools';
import { manifestSchema } from '../../../src-main/core/export/manifest';
import { saveExportMaskPolicy } from '../../../src-main/services/export/settings';

let t: TestDb;
let admin: number;
beforeEach(() => {
  t = tempDb(NOW);
  admin = seedBranchOctober(t).assigneeId;
});
afterEach(() => t.close());

const lines = (b: Buffer) => b.toString('utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe('the October bundle', () => {
  it('holds the workbook, one JSON Lines file per table, the manifest and its signature', async () => {
    const r = await exportOctober(t);
    expect(path.basename(r.path)).toBe('complaint-desk-FS-CC-2026-10-r1.zip');
    expect(r).toMatchObject({ revision: 1, draft: false, unchanged: false, keyNotice: { kind: 'created' } });
    const files = await unzipAll(r.path);
    expect([...files.keys()].sort()).toEqual(
      ['data/breaches.jsonl', 'data/kpis.jsonl', 'data/refunds.jsonl', 'data/tickets.jsonl', 'data/warnings.jsonl', 'manifest.json', 'manifest.sig', 'report.xlsx'],
    );
    expect(r.sha256).toBe(crypto.createHash('sha256').update(fs.readFileSync(r.path)).digest('hex'));

    const tickets = lines(files.get('data/tickets.jsonl')!);
    // T1 T6 T2 T5 T4 T10 T3 by received time; T7 (30 Sep) and T8 (1 Nov) are not October's.
    expect(tickets.map((x) => x.ticket_no)).toEqual(['T1', 'T6', 'T2', 'T5', 'T4', 'T10', 'T3']);
    expect(Object.keys(tickets[0]!).slice(0, 4)).toEqual(['ticket_no', 'channel', 'received_at', 'phone']);
    expect(tickets[0]).toMatchObject({ received_at: '2026-10-05T10:00:00+08:00', status: 'closed', is_repeat: false, category: '网络质量/信号覆盖' });
    expect(tickets[6]).toMatchObject({ ticket_no: 'T3', received_at: '2026-10-31T23:30:00+08:00' });

    const breaches = lines(files.get('data/breaches.jsonl')!);
    expect(breaches.map((b) => [b.ticket_no, b.clock])).toEqual([
      ['T2', 'first_response'], ['T2', 'resolution'], ['T2', 'follow_up'], ['T4', 'resolution'], ['T2', 'refund'],
    ]);
    expect(breaches[0]).toMatchObject({ due_at: '2026-10-10T13:00:00+08:00', stopped_at: '2026-10-10T14:00:00+08:00' });

    const refunds = lines(files.get('data/refunds.jsonl')!);
    expect(refunds).toHaveLength(2);
    expect(refunds[0]).toMatchObject({ ticket_no: 'T1', type: 'overcharge', amount_fen: 12345, status: 'executed', voucher_no: 'V-001', execute_due_at: '2026-10-09T09:00:00+08:00' });

    const kpis = lines(files.get('data/kpis.jsonl')!);
    expect(kpis.find((k) => k.kpi === 'total')).toEqual({ kpi: 'total', unit: 'count', current: 6, previous: 1, last_year: 1 });
    expect(kpis.find((k) => k.kpi === 'timelinessRate')).toMatchObject({ unit: 'rate', current: 0.6 });
    expect(files.get('data/warnings.jsonl')!.length).toBe(0);
  });

  it('signs a manifest that lists every file with its hash, size and rows', async () => {
    const r = await exportOctober(t);
    const files = await unzipAll(r.path);
    const manifestBytes = files.get('manifest.json')!;
    const m = manifestSchema.parse(JSON.parse(manifestBytes.toString('utf8')));
    expect(m).toMatchObject({
      format: 'complaint-desk-monthly',
      formatVersion: '1.0',
      branch: { id: 'FS-CC', name: '佛山禅城分公司' },
      period: { month: '2026-10', from: '2026-10-01', to: '2026-10-31', zone: 'Asia/Shanghai', previous: { from: '2026-09-01', to: '2026-09-30' }, lastYear: { from: '2025-10-01', to: '2025-10-31' } },
      draft: false,
      revision: 1,
      reason: null,
      schemaVersion: expect.any(Number),
      generatedAt: '2026-11-02T10:00:00+08:00',
      masking: { phones: true, names: true },
    });
    const rows = Object.fromEntries(m.files.map((f) => [f.path, f.rows]));
    expect(rows).toEqual({ 'report.xlsx': null, 'data/kpis.jsonl': 12, 'data/tickets.jsonl': 7, 'data/refunds.jsonl': 2, 'data/breaches.jsonl': 5, 'data/warnings.jsonl': 0 });
    for (const f of m.files) {
      const data = files.get(f.path)!;
      expect(f.sha256).toBe(crypto.createHash('sha256').update(data).digest('hex'));
      expect(f.bytes).toBe(data.length);
    }
    const pub = crypto.createPublicKey({ key: Buffer.from(m.signer.publicKey, 'base64'), format: 'der', type: 'spki' });
    const sig = Buffer.from(files.get('manifest.sig')!.toString('utf8').trim(), 'base64');
    expect(crypto.verify(null, manifestBytes, pub, sig)).toBe(true);
    expect(crypto.verify(null, Buffer.concat([manifestBytes, Buffer.from(' ')]), pub, sig)).toBe(false);
    expect(m.signer.fingerprint).toBe(r.keyFingerprint);
  });

  it('writes a workbook in Chinese with frozen headers, Excel dates in China time, ¥ amounts and percentages', async () => {
    const r = await exportOctober(t);
    const files = await unzipAll(r.path);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files.get('report.xlsx')! as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总指标', '工单明细', '退费赔付', '超时明细', '投诉预警', '说明']);

    const sum = wb.getWorksheet('汇总指标')!;
    expect(sum.getRow(1).values).toEqual([undefined, '指标', '单位', '本期（2026-10）', '上期（2026-09）', '去年同期（2025-10）']);
    expect(sum.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const timeliness = sum.getRow(5);
    expect(timeliness.getCell(1).value).toBe('及时率');
    expect(timeliness.getCell(3).value).toBe(0.6);
    expect(timeliness.getCell(3).numFmt).toBe('0.0%');

    const tickets = wb.getWorksheet('工单明细')!;
    expect(tickets.getRow(1).getCell(1).value).toBe('工单编号');
    expect(tickets.getRow(1).getCell(3).value).toBe('受理时间');
    const first = tickets.getRow(2);
    expect(first.getCell(1).value).toBe('T1');
    expect(first.getCell(2).value).toBe('10086热线');
    // 10:00 China time shows as 10:00: Excel has no zones.
    expect(first.getCell(3).value).toEqual(new Date('2026-10-05T10:00:00Z'));
    expect(first.getCell(3).numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(first.getCell(10).value).toBe('已回访关闭');
    // The formula-looking description is a string cell, never a formula.
    const description = first.getCell(21);
    expect(description.type).toBe(ExcelJS.ValueType.String);
    expect(String(description.value)).toMatch(/^=HYPERLINK/);
    expect(tickets.getColumn(21).width).toBeGreaterThan(tickets.getColumn(2).width!);
    expect(tickets.rowCount).toBe(8);

    const refunds = wb.getWorksheet('退费赔付')!;
    const money = refunds.getRow(2).getCell(5);
    expect(money.value).toBe(123.45);
    expect(money.numFmt).toContain('"¥"#,##0.00');
    expect(refunds.getRow(2).getCell(4).value).toBe('多收费退还');

    const warnings = wb.getWorksheet('投诉预警')!;
    expect(warnings.rowCount).toBe(1);
    expect(warnings.getRow(1).getCell(1).value).toBe('预警时间');
  });
});

describe('masking', () => {
  it('masks phone numbers (also inside text) and names in every file by default', async () => {
    const r = await exportOctober(t);
    const files = await unzipAll(r.path);
    const t1 = lines(files.get('data/tickets.jsonl')!)[0]!;
    expect(t1).toMatchObject({ phone: '139****5678', customer_name: '张**' });
    expect(t1.description).toBe('=HYPERLINK("http://x","点我") 回拨 137****5678');
    expect(lines(files.get('data/tickets.jsonl')!)[2]).toMatchObject({ customer_name: '李**' });
    for (const [name, data] of files) {
      if (name === 'report.xlsx') continue;
      expect(data.toString('utf8'), name).not.toMatch(/13912345678|13712345678|13800138000|张三丰|李四/);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files.get('report.xlsx')! as unknown as ArrayBuffer);
    const row = wb.getWorksheet('工单明细')!.getRow(2);
    expect([row.getCell(4).value, row.getCell(5).value]).toEqual(['139****5678', '张**']);
  });

  it('leaves them whole when an administrator turned masking off, and says so in the manifest', async () => {
    saveExportMaskPolicy(t.ctx, admin, { phones: false, names: false });
    const r = await exportOctober(t);
    const files = await unzipAll(r.path);
    expect(lines(files.get('data/tickets.jsonl')!)[0]).toMatchObject({ phone: '13912345678', customer_name: '张三丰' });
    expect(JSON.parse(files.get('manifest.json')!.toString()).masking).toEqual({ phones: false, names: false });
  });
});

describe('reproducible and revisioned', () => {
  it('an unchanged month gives the same bundle again, byte for byte, as the same revision', async () => {
    const a = await exportOctober(t);
    t.clock.advance(3_600_000);
    const b = await exportOctober(t, { out: outDir(t, 'second') });
    expect(b).toMatchObject({ revision: 1, unchanged: true, sha256: a.sha256 });
    expect(fs.readFileSync(b.path).equals(fs.readFileSync(a.path))).toBe(true);
  });

  it('the same data written again gives byte-identical data files, whatever the clock and the zone of the machine', async () => {
    const a = await unzipAll((await exportOctober(t)).path);
    // Forget the first export so the bundle is really built again, an hour later.
    fs.rmSync(path.join(t.dir, 'exports'), { recursive: true });
    t.db.exec('DROP TRIGGER export_revisions_no_delete; DELETE FROM export_revisions');
    t.clock.advance(3_600_000);
    const before = process.env.TZ;
    process.env.TZ = 'America/New_York';
    let b: Map<string, Buffer>;
    try {
      b = await unzipAll((await exportOctober(t, { out: outDir(t, 'again') })).path);
    } finally {
      process.env.TZ = before;
    }
    for (const name of a.keys()) {
      if (name === 'manifest.json' || name === 'manifest.sig') continue;
      expect(b.get(name)!.equals(a.get(name)!), name).toBe(true);
    }
    expect(b.get('manifest.json')!.equals(a.get('manifest.json')!)).toBe(false); // generatedAt moved
  });

  it('changed data after a final revision needs a reason, then makes revision 2 and keeps revision 1', async () => {
    const first = await exportOctober(t);
    t.db.prepare(`UPDATE tickets SET district = '顺德区' WHERE ticket_no = 'T5'`).run();
    const out2 = outDir(t, 'second');
    await expect(exportOctober(t, { out: out2 })).rejects.toMatchObject({ code: 'export_refused', params: { why: 'reason_required', revision: 1 } });
    expect(fs.readdirSync(out2)).toEqual([]);
    const second = await exportOctober(t, { out: out2, reason: 'T5 区县更正' });
    expect(second).toMatchObject({ revision: 2, unchanged: false });
    expect(path.basename(second.path)).toBe('complaint-desk-FS-CC-2026-10-r2.zip');
    const m = JSON.parse((await unzipAll(second.path)).get('manifest.json')!.toString());
    expect(m).toMatchObject({ revision: 2, reason: 'T5 区县更正' });
    const archive = path.join(t.dir, 'exports', '2026-10');
    expect(fs.readdirSync(archive).filter((f) => f.endsWith('.zip')).sort()).toEqual([path.basename(first.path), path.basename(second.path)]);
    const history = t.db.prepare('SELECT month, revision, draft, reason FROM export_revisions ORDER BY revision').all();
    expect(history).toEqual([
      { month: '2026-10', revision: 1, draft: 0, reason: null },
      { month: '2026-10', revision: 2, draft: 0, reason: 'T5 区县更正' },
    ]);
    expect(() => t.db.prepare('DELETE FROM export_revisions').run()).toThrow(/append-only/);
  });

  it('a month not over yet is exported only as a draft, and drafts need no reason to be redone', async () => {
    const r = await exportOctober(t, { month: '2026-11' });
    expect(r).toMatchObject({ draft: true, revision: 1 });
    expect(path.basename(r.path)).toBe('complaint-desk-FS-CC-2026-11-r1-draft.zip');
    expect(JSON.parse((await unzipAll(r.path)).get('manifest.json')!.toString()).draft).toBe(true);
    t.db.prepare(`UPDATE tickets SET district = '顺德区' WHERE ticket_no = 'T8'`).run();
    expect(await exportOctober(t, { month: '2026-11', out: outDir(t, 'two') })).toMatchObject({ draft: true, revision: 2 });
  });
});

describe('bad input changes nothing', () => {
  const nothingWritten = () => {
    expect(t.db.prepare('SELECT count(*) AS n FROM export_revisions').get()).toEqual({ n: 0 });
    expect(fs.existsSync(path.join(t.dir, 'keys'))).toBe(false);
  };

  it('refuses a month with no tickets, a future month and a malformed month', async () => {
    await expect(exportOctober(t, { month: '2026-08' })).rejects.toMatchObject({ code: 'export_refused', params: { why: 'no_tickets' } });
    await expect(exportOctober(t, { month: '2026-12' })).rejects.toMatchObject({ code: 'export_refused', params: { why: 'future_month' } });
    await expect(exportOctober(t, { month: '2026-13' })).rejects.toMatchObject({ code: 'export_refused', params: { why: 'bad_month' } });
    nothingWritten();
  });

  it('refuses a database whose branch id was never set: a bundle must say whose it is', async () => {
    t.ctx.settings.set('branch', { branchName: '佛山禅城分公司', branchId: '  ', zone: 'Asia/Shanghai' }, t.ctx.now(), null);
    await expect(exportOctober(t)).rejects.toMatchObject({ code: 'export_refused', params: { why: 'no_branch_id' } });
    nothingWritten();
  });

  it('refuses an output folder that does not exist or is a file', async () => {
    await expect(exportOctober(t, { out: path.join(t.dir, 'missing') })).rejects.toMatchObject({ params: { why: 'out_not_writable' } });
    const file = path.join(t.dir, 'a-file');
    fs.writeFileSync(file, 'x');
    await expect(exportOctober(t, { out: file })).rejects.toMatchObject({ params: { why: 'out_not_writable' } });
    nothingWritten();
  });
});
