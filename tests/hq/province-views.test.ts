/**
 * The province's views on a small month worked out by hand. Four registered
 * branches in October 2026: FS-CC (final, three counted tickets and a voided
 * one), FS-NH (revision 2 current; its revision 1 holds a ticket and a refund
 * that must not count), FS-SD (nothing filed) and FS-GM (a draft only).
 *
 *   ticket  branch district status       resp  resolved  satisfaction         breaches                flags
 *   a1      FS-CC  禅城区   closed        1 h   24 h      satisfied            —
 *   a2      FS-CC  禅城区   resolved      2 h   48 h      —                    resolution              repeat
 *   a3      FS-CC  禅城区   in_progress   3 h   —         —                    resolution (running)    overlevel
 *   a4      FS-CC  禅城区   voided        —     —         —                    —                       (never counted)
 *   b1      FS-NH  南海区   closed        0.5 h 10 h      dissatisfied         —
 *   b2      FS-NH  南海区   closed        1.5 h 20 h      basically_satisfied  first_response
 *   b3      FS-NH  禅城区   new           —     —         —                    —
 *   bx      FS-NH r1 only                                                                            (superseded)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { tempPg, type TempPg } from './support/temp-pg';
import { hq } from './support/cli';
import { provinceReportJson } from '../../src-main/hq/services/reports';
import { Receiver } from '../../src-main/hosts/receiver/server';
import { PgBundleStore } from '../../src-main/hq/services/filing';

let db: TempPg;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hq-views-'));
const OCT = '2026-10-01';
const at = (day: number, hour: number) => new Date(Date.UTC(2026, 9, day, hour - 8)).toISOString();
const plus = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

async function branch(id: string, name: string) {
  const key = crypto.generateKeyPairSync('ed25519').publicKey;
  const pem = key.export({ type: 'spki', format: 'pem' }).toString();
  const fp = crypto.createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex');
  await db.pool.query(`INSERT INTO hq_branches VALUES ($1, $2, '佛山', $3, $4, $5, now(), now())`, [id, name, pem, fp, fp]);
}

let filingNo = 0;
async function filing(branchId: string, revision: number, draft = false): Promise<number> {
  filingNo++;
  await db.pool.query(`SELECT hq_ensure_month($1)`, [OCT]);
  const r = await db.pool.query<{ filing_id: string }>(
    `INSERT INTO hq_filings (receipt_id, idempotency_key, branch_id, period, revision, draft, reason, bundle_sha256, manifest_sha256, key_fingerprint, manifest, row_counts, received_at)
     VALUES ($1, $2, $3, $4, $5, $6, NULL, 'x', 'x', 'x', '{}', '{}', now()) RETURNING filing_id`,
    [crypto.randomUUID(), `${branchId}:2026-10:r${revision}:${filingNo}`, branchId, OCT, revision, draft],
  );
  const id = Number(r.rows[0]!.filing_id);
  await db.pool.query(
    `INSERT INTO hq_current_filings VALUES ($1, $2, $3, $4) ON CONFLICT (branch_id, period) DO UPDATE SET filing_id = excluded.filing_id, revision = excluded.revision`,
    [branchId, OCT, id, revision],
  );
  return id;
}

interface T {
  no: string;
  district: string;
  status: string;
  received: string;
  resp?: number;
  res?: number;
  sat?: string;
  repeat?: boolean;
  level?: string;
}
async function tickets(f: number, branchId: string, list: T[]) {
  for (const t of list) {
    await db.pool.query(
      `INSERT INTO hq_tickets (filing_id, branch_id, period, ticket_no, channel, received_at, city, district, level, status, first_response_at, resolved_at, satisfaction, is_repeat)
       VALUES ($1, $2, $3, $4, '10086', $5, '佛山', $6, $7, $8, $9, $10, $11, $12)`,
      [f, branchId, OCT, t.no, t.received, t.district, t.level ?? 'normal', t.status, t.resp === undefined ? null : plus(t.received, t.resp), t.res === undefined ? null : plus(t.received, t.res), t.sat ?? null, t.repeat ?? false],
    );
  }
}
const breach = (f: number, branchId: string, ticketNo: string, clock: string) =>
  db.pool.query(`INSERT INTO hq_breaches (filing_id, branch_id, period, ticket_no, channel, clock) VALUES ($1, $2, $3, $4, '10086', $5)`, [f, branchId, OCT, ticketNo, clock]);
const refund = (f: number, branchId: string, type: string, fen: number, status: string) =>
  db.pool.query(`INSERT INTO hq_refunds (filing_id, branch_id, period, refund_id, type, amount_fen, status) VALUES ($1, $2, $3, 1, $4, $5, $6)`, [f, branchId, OCT, type, fen, status]);
const warning = (f: number, branchId: string, category: string, level: string) =>
  db.pool.query(`INSERT INTO hq_warnings (filing_id, branch_id, period, raised_at, category, scope, count, baseline, threshold, level) VALUES ($1, $2, $3, now(), $4, 'branch', 10, 5, 8, $5)`, [f, branchId, OCT, category, level]);

beforeAll(async () => {
  db = await tempPg();
  await branch('FS-CC', '禅城分公司');
  await branch('FS-NH', '南海分公司');
  await branch('FS-SD', '顺德分公司');
  await branch('FS-GM', '高明分公司');

  const a = await filing('FS-CC', 1);
  await tickets(a, 'FS-CC', [
    { no: 'a1', district: '禅城区', status: 'closed', received: at(5, 10), resp: 1, res: 24, sat: 'satisfied' },
    { no: 'a2', district: '禅城区', status: 'resolved', received: at(6, 10), resp: 2, res: 48, repeat: true },
    { no: 'a3', district: '禅城区', status: 'in_progress', received: at(7, 10), resp: 3, level: 'overlevel' },
    { no: 'a4', district: '禅城区', status: 'voided', received: at(8, 10), resp: 5, res: 6, sat: 'satisfied' },
  ]);
  await breach(a, 'FS-CC', 'a2', 'resolution');
  await breach(a, 'FS-CC', 'a3', 'resolution');
  await breach(a, 'FS-CC', 'a4', 'first_response');
  await breach(a, 'FS-CC', 'a1', 'refund');
  await db.pool.query(`INSERT INTO hq_kpis (filing_id, branch_id, period, kpi, unit, current) VALUES ($1, 'FS-CC', $2, 'timelinessRate', 'rate', 0.9)`, [a, OCT]);
  await refund(a, 'FS-CC', 'overcharge', 12345, 'executed');
  await refund(a, 'FS-CC', 'overcharge', 5000, 'rejected');
  await warning(a, 'FS-CC', '网络质量', 'yellow');
  await warning(a, 'FS-CC', '资费争议', 'yellow');
  await warning(a, 'FS-CC', '网络质量', 'red');

  const old = await filing('FS-NH', 1);
  await tickets(old, 'FS-NH', [{ no: 'bx', district: '南海区', status: 'closed', received: at(9, 10), resp: 1, res: 2, sat: 'satisfied' }]);
  await refund(old, 'FS-NH', 'compensation', 99999, 'executed');
  const b = await filing('FS-NH', 2);
  await tickets(b, 'FS-NH', [
    { no: 'b1', district: '南海区', status: 'closed', received: at(10, 9), resp: 0.5, res: 10, sat: 'dissatisfied' },
    { no: 'b2', district: '南海区', status: 'closed', received: at(11, 9), resp: 1.5, res: 20, sat: 'basically_satisfied' },
    { no: 'b3', district: '禅城区', status: 'new', received: at(30, 9) },
  ]);
  await breach(b, 'FS-NH', 'b2', 'first_response');
  await refund(b, 'FS-NH', 'overcharge', 3000, 'approved');
  await refund(b, 'FS-NH', 'compensation', 10000, 'executed');

  await filing('FS-GM', 1, true);
});
afterAll(async () => {
  await db.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const report = async (name: string) => (await provinceReportJson(db.pool, name, '2026-10')).rows;
const close = (x: unknown) => (typeof x === 'number' ? Math.round(x * 1e6) / 1e6 : x);
const rounded = (rows: Record<string, unknown>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, close(v)])));

describe('province views, October 2026 by hand', () => {
  it('KPIs by branch: the current revision only, voided tickets never, timeliness from the resolution breaches', async () => {
    expect(rounded(await report('kpi-by-branch'))).toEqual([
      {
        branch_id: 'FS-CC', branch_name: '禅城分公司', city: '佛山', draft: false,
        total: 3, resolved: 2, resolution_rate: close(2 / 3), due: 3, on_time: 1, timeliness_rate: close(1 / 3),
        repeat: 1, repeat_rate: close(1 / 3), overlevel: 1, overlevel_rate: close(1 / 3), rated: 1, satisfied: 1, satisfaction_rate: 1,
        response_mean_hours: 2, handling_mean_hours: 36, breached: 2, reported_timeliness_rate: 0.9,
      },
      {
        branch_id: 'FS-NH', branch_name: '南海分公司', city: '佛山', draft: false,
        total: 3, resolved: 2, resolution_rate: close(2 / 3), due: 2, on_time: 2, timeliness_rate: 1,
        repeat: 0, repeat_rate: 0, overlevel: 0, overlevel_rate: 0, rated: 2, satisfied: 1, satisfaction_rate: 0.5,
        response_mean_hours: 1, handling_mean_hours: 15, breached: 1, reported_timeliness_rate: null,
      },
    ]);
  });

  it('KPIs by district: tickets of both branches in 禅城区 together', async () => {
    expect(rounded(await report('kpi-by-district'))).toEqual([
      {
        city: '佛山', district: '南海区', branches: 1,
        total: 2, resolved: 2, resolution_rate: 1, due: 2, on_time: 2, timeliness_rate: 1,
        repeat: 0, repeat_rate: 0, overlevel: 0, overlevel_rate: 0, rated: 2, satisfied: 1, satisfaction_rate: 0.5,
        response_mean_hours: 1, handling_mean_hours: 15, breached: 1,
      },
      {
        city: '佛山', district: '禅城区', branches: 2,
        total: 4, resolved: 2, resolution_rate: 0.5, due: 3, on_time: 1, timeliness_rate: close(1 / 3),
        repeat: 1, repeat_rate: 0.25, overlevel: 1, overlevel_rate: 0.25, rated: 1, satisfied: 1, satisfaction_rate: 1,
        response_mean_hours: 2, handling_mean_hours: 36, breached: 2,
      },
    ]);
  });

  it('the league table ranks by timeliness, then resolution', async () => {
    expect(rounded(await report('league'))).toEqual([
      { rank: 1, branch_id: 'FS-NH', branch_name: '南海分公司', total: 3, timeliness_rate: 1, resolution_rate: close(2 / 3), timeliness_rank: 1, resolution_rank: 1 },
      { rank: 2, branch_id: 'FS-CC', branch_name: '禅城分公司', total: 3, timeliness_rate: close(1 / 3), resolution_rate: close(2 / 3), timeliness_rank: 2, resolution_rank: 1 },
    ]);
  });

  it('refund totals by type: rejected entries counted but not summed, the superseded revision not at all', async () => {
    expect(await report('refund-totals')).toEqual([
      { type: 'compensation', entries: 1, rejected: 0, amount_fen: 10000, executed_fen: 10000, branches: 1 },
      { type: 'overcharge', entries: 3, rejected: 1, amount_fen: 15345, executed_fen: 12345, branches: 2 },
    ]);
  });

  it('volume warnings raised, by branch and level', async () => {
    expect(await report('warnings')).toEqual([
      { branch_id: 'FS-CC', branch_name: '禅城分公司', level: 'red', warnings: 1, categories: '网络质量' },
      { branch_id: 'FS-CC', branch_name: '禅城分公司', level: 'yellow', warnings: 2, categories: '网络质量、资费争议' },
    ]);
  });

  it('branches that have not reported the month: none filed, or a draft only', async () => {
    expect(await report('unreported')).toEqual([
      { branch_id: 'FS-GM', branch_name: '高明分公司', city: '佛山', has_draft: true, last_reported: null },
      { branch_id: 'FS-SD', branch_name: '顺德分公司', city: '佛山', has_draft: false, last_reported: null },
    ]);
    // A month nobody reported: all four, FS-CC and FS-NH last reported October.
    const nov = (await provinceReportJson(db.pool, 'unreported', '2026-11')).rows;
    expect(nov.map((r) => [r.branch_id, r.last_reported])).toEqual([['FS-CC', '2026-10'], ['FS-GM', null], ['FS-NH', '2026-10'], ['FS-SD', null]]);
  });

  it('hq_unreported_last_month reads last month as China reckons it', async () => {
    const china = new Date(Date.now() + 8 * 3_600_000);
    const y = china.getUTCFullYear();
    const m = china.getUTCMonth(); // 0-based: this month; last month is m - 1
    const last = m === 0 ? `${y - 1}-12-01` : `${y}-${String(m).padStart(2, '0')}-01`;
    const r = await db.pool.query<{ period: string; branch_id: string }>(`SELECT period::text, branch_id FROM hq_unreported_last_month ORDER BY branch_id`);
    const expected = await db.pool.query<{ branch_id: string }>(`SELECT branch_id FROM hq_unreported($1) ORDER BY branch_id`, [last]);
    expect(r.rows.map((x) => x.period)).toEqual(expected.rows.map(() => last));
    expect(r.rows.map((x) => x.branch_id)).toEqual(expected.rows.map((x) => x.branch_id));
    expect(r.rows.length).toBeGreaterThan(0);
  });

  it('npm run hq -- report writes the workbook: a sheet per report, Chinese headers, rates as percentages, yuan', async () => {
    const out = path.join(dir, 'province-2026-10.xlsx');
    const r = await hq(db.url, 'report', '--month', '2026-10', '--out', out, '--json');
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['分公司指标', '区县指标', '排行榜', '退费汇总', '投诉预警', '未上报', '说明']);
    const branches = wb.getWorksheet('分公司指标')!;
    expect(branches.getRow(1).getCell(1).value).toBe('分公司编号');
    expect(branches.getRow(2).getCell(1).value).toBe('FS-CC');
    const rateCol = (branches.getRow(1).values as unknown[]).indexOf('及时率');
    expect(branches.getRow(3).getCell(rateCol).value).toBe(1);
    expect(branches.getRow(3).getCell(rateCol).numFmt).toBe('0.0%');
    const refunds = wb.getWorksheet('退费汇总')!;
    expect(refunds.getRow(3).values).toEqual([undefined, 'overcharge', 3, 1, 153.45, 123.45, 2]);
    expect(refunds.getRow(3).getCell(4).numFmt).toBe('"¥"#,##0.00');
  });

  it('refuses a bad month and an unknown report', async () => {
    const r = await hq(db.url, 'report', '--month', '2026-13', '--out', path.join(dir, 'x.xlsx'), '--json');
    expect(r.json()).toMatchObject({ error: { code: 'month_invalid' } });
    expect(fs.existsSync(path.join(dir, 'x.xlsx'))).toBe(false);
    await expect(provinceReportJson(db.pool, 'nope', '2026-10')).rejects.toMatchObject({ code: 'report_unknown' });
  });

  it('the receiver serves them as JSON to a caller with the admin token only', async () => {
    const receiver = new Receiver({ store: new PgBundleStore(db.pool), spool: dir, admin: { token: 'admin-token-0123456789', pool: db.pool, now: Date.now } });
    const base = (await receiver.listen()).replace('/bundles', '');
    try {
      expect((await fetch(`${base}/reports/league?month=2026-10`)).status).toBe(401);
      const res = await fetch(`${base}/reports/league?month=2026-10`, { headers: { authorization: 'Bearer admin-token-0123456789' } });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { report: string; month: string; rows: { branch_id: string }[] };
      expect(body).toMatchObject({ report: 'league', month: '2026-10' });
      expect(body.rows.map((r) => r.branch_id)).toEqual(['FS-NH', 'FS-CC']);
      const bad = await fetch(`${base}/reports/league?month=oct`, { headers: { authorization: 'Bearer admin-token-0123456789', 'accept-language': 'en' } });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toEqual({ error: { code: 'month_invalid', message: '"oct" is not a month (YYYY-MM).' } });
      const list = await fetch(`${base}/reports`, { headers: { authorization: 'Bearer admin-token-0123456789' } });
      expect(((await list.json()) as { name: string }[]).map((r) => r.name)).toEqual(['kpi-by-branch', 'kpi-by-district', 'league', 'refund-totals', 'warnings', 'unreported']);
    } finally {
      await receiver.close();
    }
  });
});
