/**
 * 导出: the ticket list's export is the list itself — its filter and sort,
 * every matching row past the first page, phones masked for agents — as XLSX
 * (read back with exceljs) and CSV (UTF-8 with BOM); text that looks like a
 * formula stays text; the file is the asker's alone and goes once fetched.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, tempDb, type TestDb } from '../../helpers/temp-db';
import { ticketInput } from '../../helpers/ticket-input';
import { createTicket, type NewTicketInput } from '../../../src-main/services/tickets';
import { exportSheet, sheetChunk, sheetProgress } from '../../../src-main/services/sheets/export-sheet';
import type { SheetRequest } from '../../../src-main/services/sheets/sources';
import type { UserInfo } from '../../../src-main/core/model';
import type { DomainError } from '../../../src-main/core/errors';

let t: TestDb;
let agent: UserInfo;
let sup: UserInfo;
const H = 3_600_000;

beforeEach(() => {
  t = tempDb();
  agent = addUser(t.ctx, 'agent1', 'agent', '客服中心');
  sup = addUser(t.ctx, 'sup1', 'supervisor', '客服中心');
});
afterEach(() => t.close());

const input = (over: Partial<NewTicketInput> = {}) => ticketInput(t, { district: '南海区', ...over });

let job = 0;
const run = (who: UserInfo, request: SheetRequest, format: 'xlsx' | 'csv' = 'csv') =>
  exportSheet(t.ctx, who, { jobId: `job-test-${++job}`, format, locale: 'zh-CN', request });

function fetchAll(who: UserInfo, fileId: string): Buffer {
  const parts: Buffer[] = [];
  let offset: number | null = 0;
  while (offset !== null) {
    const c = sheetChunk(who, fileId, offset);
    parts.push(Buffer.from(c.data, 'base64'));
    offset = c.next;
  }
  return Buffer.concat(parts);
}

const codeOf = async (p: Promise<unknown>) => p.then(() => 'no error', (e: DomainError) => e.code);

describe('exporting the ticket list', () => {
  beforeEach(() => {
    // Received 09:00, 08:00, 07:00 China time on 2 Nov; one in another district.
    createTicket(t.ctx, sup, input({ ticketNo: 'GD001', receivedAt: t.clock.now - 1 * H, customerName: '=HYPERLINK("x")', phone: '13800000001' }));
    createTicket(t.ctx, sup, input({ ticketNo: 'GD002', receivedAt: t.clock.now - 2 * H, customerName: '+张三', phone: '13800000002' }));
    createTicket(t.ctx, sup, input({ ticketNo: 'GD003', receivedAt: t.clock.now - 3 * H, customerName: '@李四, "老客户"', phone: '13800000003' }));
    createTicket(t.ctx, sup, input({ ticketNo: 'GD004', receivedAt: t.clock.now - 4 * H, district: '顺德区', phone: '13800000004' }));
  });

  it('CSV: BOM, the list filter and sort, phones masked for an agent, formula-looking text as text', async () => {
    const out = await run(agent, { kind: 'tickets', filter: { district: '南海区' }, sort: { field: 'receivedAt', dir: 'asc' } });
    expect(out.rows).toBe(3);
    expect(out.fileName).toBe('工单-20261102-100000.csv');
    const bytes = fetchAll(agent, out.fileId);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe('工单编号,状态,到期时间,级别,渠道,投诉类别,客户号码,客户姓名,区县,受理时间,处理人,首问负责人,处理部门,满意度,重复投诉,集体投诉');
    const cols = (l: string) => l.split(',');
    expect(lines.slice(1, 4).map((l) => cols(l)[0])).toEqual(['GD003', 'GD002', 'GD001']);
    expect(cols(lines[1]!)[6]).toBe('138****0003');
    expect(lines[1]).toContain(`"'@李四, ""老客户"""`);
    expect(cols(lines[2]!)[7]).toBe("'+张三");
    expect(lines[3]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(cols(lines[3]!)[9]).toBe('2026-11-02 09:00');
    expect(lines.slice(4)).toEqual(['']);
  });

  it('XLSX: every cell of text is a string cell (never a formula), phones whole for a supervisor, dates as dates', async () => {
    const out = await run(sup, { kind: 'tickets', filter: { district: '南海区' }, sort: { field: 'receivedAt', dir: 'desc' } }, 'xlsx');
    const file = path.join(t.dir, 'out.xlsx');
    fs.writeFileSync(file, fetchAll(sup, out.fileId));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('工单')!;
    expect(ws.rowCount).toBe(4);
    expect(ws.getRow(2).getCell(1).value).toBe('GD001');
    expect(ws.getRow(2).getCell(7).value).toBe('13800000001');
    const formulaLike = ws.getRow(2).getCell(8);
    expect(formulaLike.value).toBe('=HYPERLINK("x")');
    expect(formulaLike.type).toBe(ExcelJS.ValueType.String);
    expect(ws.getRow(3).getCell(8).value).toBe('+张三');
    // 09:00 China time, written as Excel's wall-clock date.
    expect(ws.getRow(2).getCell(10).value).toEqual(new Date('2026-11-02T09:00:00Z'));
    expect(ws.getRow(2).getCell(10).numFmt).toBe('yyyy-mm-dd hh:mm');
  });

  it('writes every matching row, not one page, and reports its progress as it goes', async () => {
    // Read three rows a query: eleven tickets cross four pages.
    const many = 11;
    for (let i = 0; i < many; i++) createTicket(t.ctx, sup, input({ ticketNo: `GM${String(i).padStart(5, '0')}`, district: '禅城区', phone: `1390000${String(i).padStart(4, '0')}`, receivedAt: t.clock.now - 10 * H - i * 60_000 }));
    const pending = exportSheet(t.ctx, sup, { jobId: 'job-progress-1', format: 'csv', locale: 'zh-CN', request: { kind: 'tickets', filter: { district: '禅城区' } } }, 3);
    const seen: Array<{ done: number; total: number }> = [];
    for (let i = 0; i < 50; i++) {
      const p = sheetProgress(sup, 'job-progress-1');
      if (p) seen.push(p);
      await new Promise<void>((r) => setImmediate(r));
    }
    const out = await pending;
    expect(out.rows).toBe(many);
    expect(seen.some((p) => p.done > 0 && p.done < many && p.total === many)).toBe(true);
    expect(sheetProgress(sup, 'job-progress-1')).toBeNull();
    const lines = fetchAll(sup, out.fileId).toString('utf8').split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(many + 1);
    // Newest first, the list's default order; the last is the oldest.
    expect(lines[1]!.startsWith('GM00000,')).toBe(true);
    expect(lines.at(-1)!.startsWith(`GM${String(many - 1).padStart(5, '0')},`)).toBe(true);
  });

  it('the file is the asker’s alone and is gone once fetched', async () => {
    const out = await run(sup, { kind: 'tickets' });
    expect(() => sheetChunk(agent, out.fileId, 0)).toThrow(/not_found/);
    fetchAll(sup, out.fileId);
    expect(() => sheetChunk(sup, out.fileId, 0)).toThrow(/not_found/);
    expect(fs.readdirSync(path.join(t.dir, 'downloads'))).toEqual([]);
  });

  it('is in the audit log with what was asked', async () => {
    await run(agent, { kind: 'tickets', filter: { district: '南海区' } });
    const row = t.db.prepare(`SELECT actor_id, action, subject, details FROM audit_log WHERE action = 'export.sheet'`).get() as { actor_id: number; subject: string; details: string };
    expect(row.actor_id).toBe(agent.id);
    expect(row.subject).toBe('tickets');
    expect(JSON.parse(row.details)).toMatchObject({ format: 'csv', rows: 3, request: { filter: { district: '南海区' } } });
  });
});

describe('the other exports', () => {
  it('the approvals queue is refused to an agent', async () => {
    expect(await codeOf(run(agent, { kind: 'approvals' }))).toBe('forbidden');
    expect((await run(sup, { kind: 'approvals' })).rows).toBe(0);
  });

  it('the report: KPIs beside 环比 and 同比, then categories, channels, departments, each titled in the CSV', async () => {
    createTicket(t.ctx, sup, input({ ticketNo: 'GD010' }));
    const out = await run(sup, { kind: 'report', from: '2026-11-01', to: '2026-11-30', filters: {} });
    expect(out.fileName).toBe('报表-2026-11-01-2026-11-30.csv');
    const text = fetchAll(sup, out.fileId).toString('utf8').slice(1);
    const blocks = text.split('\r\n\r\n').map((b) => b.split('\r\n')[0]);
    expect(blocks).toEqual(['汇总指标', '投诉类别', '受理渠道', '处理部门']);
    expect(text).toContain('指标,本期 2026-11-01 – 2026-11-30,环比 2026-10-01 – 2026-10-31,同比 2025-11-01 – 2025-11-30');
    expect(text).toContain('\r\n投诉总量,1,0,0\r\n');
    expect(text).toContain('\r\n网络质量,1,100.0%,100.0%\r\n');
  });
});
