/**
 * Folds are kept across writes to other periods (db/kept-folds.ts, migration
 * 0024): a write to October keeps September's and October 2025's folds. Kept
 * or not, each report must be exactly what a fresh one computes: after each
 * write below, the dashboards of several periods on the working connection
 * (which keeps folds) are compared whole with those of a new connection
 * (which has kept nothing) — a settled ticket this month and last year, a
 * refund, a void, a late-entered ticket, an import, writes either side of a
 * month edge and a receipt moved across it, a write rolled back, the first
 * real ticket beside demo ones, a category moved, and the clock moving on.
 *
 * The October of fixture.ts: T1–T6, T10 in October 2026, T7 on 30 September
 * at 23:30, T8 on 1 November at 00:10, T9 in October 2025 (China time).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, categoryId, tempDb, type TestDb } from '../../helpers/temp-db';
import { openDatabase } from '../../../src-main/db/open';
import { createContext } from '../../../src-main/services/context';
import { buildDashboard } from '../../../src-main/services/reports/report';
import { PeriodQueries } from '../../../src-main/services/reports/queries';
import { actOnTicket, createTicket, getTicket } from '../../../src-main/services/tickets';
import { createRefund } from '../../../src-main/services/refunds/commands';
import { importFile } from '../../../src-main/services/import/run';
import { rangeInstants } from '../../../src-main/core/reports/period';
import type { DayRange, ReportFilters } from '../../../src-main/core/reports/model';
import type { UserInfo } from '../../../src-main/core/model';
import { NOW, cn, seedOctober } from './fixture';
import { HEADER, writeCsv } from '../import/files';

let t: TestDb;
let sup: UserInfo;
let ids: Record<string, number>;
beforeEach(() => {
  t = tempDb(NOW);
  ids = seedOctober(t.ctx).ticketIds;
  sup = addUser(t.ctx, 'zhangsan', 'supervisor', '客服中心');
});
afterEach(() => t.close());

const month = (m: string): DayRange => {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, mm, 0)).getUTCDate();
  return { from: `${m}-01`, to: `${m}-${String(last).padStart(2, '0')}` };
};
/** Reports whose periods cover every ticket of the fixture, and a month edge from both sides. */
const asked = (): Array<{ range: DayRange; filters?: ReportFilters }> => [
  { range: month('2026-10') }, // compares with September and October 2025
  { range: month('2026-11') }, // under way; compares with October and November 2025
  { range: month('2026-09') },
  { range: { from: '2026-09-30', to: '2026-10-01' } }, // the two days either side of the edge
  { range: month('2026-10'), filters: { district: ['南海区'] } },
  { range: month('2026-10'), filters: { categoryId: [categoryId(t.ctx, '网络质量')] } },
];

const reports = (ctx: TestDb['ctx']) => asked().map((q) => buildDashboard(ctx, q));
/** The same reports from a new connection, which has kept nothing. */
function fresh() {
  const db = openDatabase(t.file);
  try {
    return reports(createContext(db, () => t.clock.now));
  } finally {
    db.close();
  }
}
const expectExact = (step: string) => expect(reports(t.ctx), step).toEqual(fresh());
const act = (id: number, action: Parameters<typeof actOnTicket>[4]) => actOnTicket(t.ctx, sup, id, getTicket(t.ctx, sup, id).version, action);
const octoberTotal = () => buildDashboard(t.ctx, { range: month('2026-10') }).report.total;

describe('kept folds after writes', () => {
  it('a write to October keeps the folds of September and October 2025, and a write to November keeps October', () => {
    const zone = 'Asia/Shanghai';
    const [oct, sep, lastYear] = [month('2026-10'), month('2026-09'), month('2025-10')].map((r) => rangeInstants(r, zone));
    const q = () => new PeriodQueries(t.db, {}, t.clock.now);
    const before = { oct: q().detailed(oct!), sep: q().counts(sep!), lastYear: q().counts(lastYear!) };
    act(ids.T4!, { type: 'resolve', note: '已处理', breachCause: 'backlog' }); // T4: received 20 October
    expect(q().counts(sep!)).toBe(before.sep);
    expect(q().counts(lastYear!)).toBe(before.lastYear);
    const octAfter = q().detailed(oct!);
    expect(octAfter).not.toBe(before.oct);
    createTicket(t.ctx, sup, { channel: '10086', receivedAt: t.clock.now, phone: '13900000001', categoryId: categoryId(t.ctx, '宽带'), level: 'normal', description: '断网', district: '禅城区' });
    expect(q().detailed(oct!)).toBe(octAfter);
  });

  it('every report equals a fresh one after writes to this month, old months and either side of a month edge', async () => {
    expectExact('at first');
    act(ids.T4!, { type: 'resolve', note: '已处理', breachCause: 'backlog' });
    expectExact('T4 (October) settled');
    act(ids.T9!, { type: 'close', satisfaction: 'satisfied' });
    expectExact('T9 (October 2025) closed');
    createRefund(t.ctx, sup, { ticketId: ids.T7!, type: 'overcharge', amountFen: 2000, reason: '多收费退还', submit: true, confirmDuplicate: false });
    expectExact('a refund on T7 (30 September)');
    act(ids.T2!, { type: 'void', reason: '重复录入' });
    expectExact('T2 (October) voided');
    createTicket(t.ctx, sup, { channel: '10086', receivedAt: cn(2026, 9, 12, 9), phone: '13900000002', categoryId: categoryId(t.ctx, '宽带'), level: 'normal', description: '补录', district: '禅城区' });
    expectExact('a ticket received in September entered late');
    const csv = writeCsv(t.dir, 'late.csv', [
      HEADER,
      ['CRM901', '10086热线', '2025-10-20 10:00', '13800138001', '王女士', '南海区', '宽带', '宽带无法上网', '普通', '已办结', '', '2025-10-20 11:00', '2025-10-21 09:00', '满意'],
      ['CRM902', '营业厅', '2026-10-31 23:59', '13800138002', '李先生', '禅城区', '多收费', '多扣费', '', '处理中', '', '', '', ''],
    ]);
    expect(await importFile(t.ctx, sup, csv)).toMatchObject({ inserted: 2, rejected: [] });
    expectExact('an import into October 2025 and the last minute of October');
    t.db.prepare('UPDATE tickets SET is_repeat = 1 WHERE id = ?').run(ids.T7!);
    expectExact('T7 (30 September, 23:30) marked repeat');
    t.db.prepare('UPDATE tickets SET received_at = ? WHERE id = ?').run(cn(2026, 10, 31, 23, 50), ids.T8!);
    expectExact('T8 moved from 1 November to 31 October');
    t.clock.now = cn(2026, 11, 3, 12);
    expectExact('a day later');
    t.clock.now = cn(2026, 11, 20, 12);
    expectExact('weeks later');
  });

  it('a write rolled back leaves nothing kept that a later write could be mistaken for', () => {
    const total = octoberTotal();
    expect(() =>
      t.db.transaction(() => {
        // One statement, one row: the counts of migration 0024 move by one, as the write after the rollback moves them.
        t.db.prepare("UPDATE tickets SET status = 'voided' WHERE id = ?").run(ids.T1!);
        expect(octoberTotal()).toBe(total - 1);
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    // Another write to the same hour: the counts of migration 0024 reach what the rolled-back one made them.
    t.db.prepare('UPDATE tickets SET is_repeat = 1 WHERE id = ?').run(ids.T1!);
    expect(octoberTotal()).toBe(total);
    expectExact('after the rollback and another write');
  });

  it('the first real ticket beside demo ones takes them out of every period, written to or not', () => {
    t.db.prepare('UPDATE tickets SET is_demo = 1').run();
    const september = () => buildDashboard(t.ctx, { range: month('2026-09') }).report.total;
    expect(september()).toBe(1); // T7: demo tickets alone are the demo, and count
    expectExact('demo tickets alone');
    createTicket(t.ctx, sup, { channel: '10086', receivedAt: t.clock.now, phone: '13900000003', categoryId: categoryId(t.ctx, '宽带'), level: 'normal', description: '真实', district: '禅城区' });
    expect(september()).toBe(0);
    expectExact('a real ticket in November');
  });

  it('a category filter follows a sub-category moved under another category', () => {
    const network = categoryId(t.ctx, '网络质量');
    const filtered = () => buildDashboard(t.ctx, { range: month('2026-10'), filters: { categoryId: [network] } }).report.total;
    expect(filtered()).toBe(3); // T1, T2, T5 (T6 voided)
    t.db.prepare('UPDATE categories SET parent_id = ? WHERE id = ?').run(categoryId(t.ctx, '资费计费'), categoryId(t.ctx, '网络质量>上网慢/断网'));
    expect(filtered()).toBe(2);
  });
});
