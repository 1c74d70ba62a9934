/**
 * A CRM export of closed, resolved and open tickets, with and without the
 * optional close-time column: the console must report only the breaches that
 * are real — in `sla`, Today's counts, the alerts and the month's report.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../src-main/services/import/run';
import { deadlineCounts, slaAt, ticketClockViews } from '../../../src-main/services/deadlines';
import { DeadlineMonitor } from '../../../src-main/services/monitor';
import { buildReport } from '../../../src-main/services/reports/report';
import { addUser, tempDb, type TestDb } from '../../helpers/temp-db';
import type { UserInfo } from '../../../src-main/core/model';
import { writeCsv } from './files';

let t: TestDb;
let user: UserInfo;
beforeEach(() => {
  t = tempDb(); // now: 2026-11-02 10:00 China time
  user = addUser(t.ctx, 'zhangsan', 'supervisor');
});
afterEach(() => t.close());

const HEAD = ['工单编号', '受理渠道', '受理时间', '客户号码', '区县', '投诉类别', '投诉内容', '处理状态', '首次响应时间', '办结时间', '满意度'];
/**
 * CRM101 closed, no close time → follow-up met, time not recorded.
 * CRM102 resolved this morning, no first-response time → first response untimed; follow-up runs (2 h of 24).
 * CRM103 in progress since 20 Oct, no first-response time → first response untimed; resolution (48 h) truly late.
 * CRM104 new an hour ago → first response runs (1 h of 4).
 */
const ROWS = [
  ['CRM101', '10086热线', '2026-10-10 09:00', '13800000101', '城关区', '多收费', '多扣费', '已回访关闭', '2026-10-10 09:30', '2026-10-11 09:00', '满意'],
  ['CRM102', '营业厅', '2026-11-01 09:00', '13800000102', '城关区', '多收费', '多扣费', '已办结', '', '2026-11-02 08:00', ''],
  ['CRM103', '10086热线', '2026-10-20 09:00', '13800000103', '七里河区', '宽带', '无法上网', '处理中', '', '', ''],
  ['CRM104', '10086热线', '2026-11-02 09:00', '13800000104', '安宁区', '宽带', '无法上网', '', '', '', ''],
];

const idOf = (no: string) => t.db.prepare('SELECT id FROM tickets WHERE ticket_no = ?').pluck().get(no) as number;
const clock = (no: string, kind: string) => ticketClockViews(t.ctx, idOf(no)).find((c) => c.clock === kind);

async function expectOnlyTheRealBreach(): Promise<void> {
  const sla = slaAt(t.ctx, t.clock.now);
  expect(sla.breached.map((b) => [b.ticket_no, b.clock])).toEqual([['CRM103', 'resolution']]);
  expect(sla.approaching).toEqual([]);
  expect(deadlineCounts(t.ctx)).toMatchObject({ breached: 1, approaching: 0 });

  const monitor = new DeadlineMonitor(t.ctx, { setTimer: () => null, clearTimer: () => {} });
  const batch = monitor.start();
  monitor.stop();
  const alerted = new Set(batch.alerts.map((a) => `${a.ticketNo}:${a.clock}`));
  expect([...alerted]).toEqual(['CRM103:resolution']);

  // October holds CRM101 and CRM103: one ticket missed a clock (CRM103's resolution).
  const r = buildReport(t.ctx, { range: { from: '2026-10-01', to: '2026-10-31' } });
  expect(r).toMatchObject({ total: 2, breached: 1, dueCount: 2, onTime: 1, responded: 1, rated: 1, satisfied: 1 });
  expect(r.breaches).toEqual({ first_response: 0, resolution: 1, follow_up: 0 });
}

describe('imported tickets: a step the CRM says happened never runs a clock', () => {
  it('without a close-time column: closed and resolved rows settle as "met, time not recorded"', async () => {
    await importFile(t.ctx, user, writeCsv(t.dir, 'crm.csv', [HEAD, ...ROWS]));
    expect(clock('CRM101', 'follow_up')).toMatchObject({ state: 'met', untimed: true });
    expect(clock('CRM101', 'resolution')).toMatchObject({ state: 'met', untimed: false, stoppedAt: Date.parse('2026-10-11T01:00:00Z') });
    expect(clock('CRM102', 'first_response')).toMatchObject({ state: 'met', untimed: true });
    expect(clock('CRM102', 'follow_up')).toMatchObject({ state: 'running', untimed: false, elapsedPct: 8.3 });
    expect(clock('CRM103', 'first_response')).toMatchObject({ state: 'met', untimed: true });
    expect(clock('CRM104', 'first_response')).toMatchObject({ state: 'running', elapsedPct: 25 });
    await expectOnlyTheRealBreach();
  });

  it('with 关闭时间: a given close time stops the follow-up there; a blank one still settles it', async () => {
    const head = [...HEAD, '关闭时间'];
    const rows = ROWS.map((r) => [...r, r[0] === 'CRM101' ? '2026-10-11 15:00' : '']);
    rows.push(['CRM105', '10086热线', '2026-11-01 12:00', '13800000105', '城关区', '多收费', '多扣费', '已回访关闭', '2026-11-01 12:10', '2026-11-01 18:00', '', '']);
    await importFile(t.ctx, user, writeCsv(t.dir, 'crm.csv', [head, ...rows]));
    expect(clock('CRM101', 'follow_up')).toMatchObject({ state: 'met', untimed: false, stoppedAt: Date.parse('2026-10-11T07:00:00Z') });
    expect(clock('CRM105', 'follow_up')).toMatchObject({ state: 'met', untimed: true });
    await expectOnlyTheRealBreach();
  });

  it('the 回访时间 header is read as the close time', async () => {
    const head = [...HEAD, '回访时间'];
    const rows = ROWS.map((r) => [...r, r[0] === 'CRM101' ? '2026-10-12 15:00' : '']);
    await importFile(t.ctx, user, writeCsv(t.dir, 'crm.csv', [head, ...rows]));
    // Closed 30 h after the resolution: a real follow-up miss, reported as one.
    expect(clock('CRM101', 'follow_up')).toMatchObject({ state: 'breached', untimed: false });
    const r = buildReport(t.ctx, { range: { from: '2026-10-01', to: '2026-10-31' } });
    expect(r.breaches).toEqual({ first_response: 0, resolution: 1, follow_up: 1 });
  });
});
