/**
 * The same ticket rules whatever the source: an imported row gets the level
 * rule of 10080/12300, collective and repeat detection and a first responder
 * as a ticket registered in the console does, and its history says what the
 * import changed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../src-main/services/import/run';
import { createTicket } from '../../../src-main/services/tickets';
import { buildReport } from '../../../src-main/services/reports/report';
import { addUser, categoryId, tempDb, type TestDb } from '../../helpers/temp-db';
import type { UserInfo } from '../../../src-main/core/model';
import { writeCsv } from './files';

let t: TestDb;
let sup: UserInfo;
let agent: UserInfo;
beforeEach(() => {
  t = tempDb(); // now: 2026-11-02 10:00 China time
  sup = addUser(t.ctx, 'sup', 'supervisor');
  agent = addUser(t.ctx, 'lisi', 'agent');
});
afterEach(() => t.close());

const HEAD = ['工单编号', '受理渠道', '受理时间', '客户号码', '区县', '投诉类别', '投诉内容', '工单级别', '处理状态', '处理人', '首次响应时间'];
const ticket = (no: string) => {
  const id = t.db.prepare('SELECT id FROM tickets WHERE ticket_no = ?').pluck().get(no) as number;
  return t.ctx.read.tickets.get(id)!;
};
const history = (no: string) => t.ctx.read.tickets.history(ticket(no).id);

describe('imported rows follow the console’s ticket rules', () => {
  it('10080 and 12300 rows are over-level whatever the file says; the first event records the change', async () => {
    const rows = [
      HEAD,
      ['L1', '10080', '2026-10-05 09:00', '13800000001', '城关区', '宽带', '断网', '重大', '处理中', 'lisi', '2026-10-05 09:10'],
      ['L2', '工信部', '2026-10-06 09:00', '13800000002', '七里河区', '宽带', '断网', '普通', '处理中', 'lisi', '2026-10-06 09:10'],
      ['L3', '10086', '2026-10-07 09:00', '13800000003', '安宁区', '宽带', '断网', '重大', '处理中', 'lisi', '2026-10-07 09:10'],
    ];
    await importFile(t.ctx, sup, writeCsv(t.dir, 'levels.csv', rows));
    expect(['L1', 'L2', 'L3'].map((no) => ticket(no).level)).toEqual(['overlevel', 'overlevel', 'major']);
    expect(history('L1')[0]).toMatchObject({ action: 'import_create', changes: { level: ['major', 'overlevel'] } });
    expect(history('L2')[0]).toMatchObject({ action: 'import_create', changes: { level: ['normal', 'overlevel'] } });
    const r = buildReport(t.ctx, { range: { from: '2026-10-01', to: '2026-10-31' } });
    expect(r).toMatchObject({ total: 3, overlevel: 2 });
    // Importing the same file again changes nothing: the rule is applied before the comparison.
    expect(await importFile(t.ctx, sup, writeCsv(t.dir, 'levels.csv', rows))).toMatchObject({ unchanged: 3, updated: 0 });
  });

  it('three customers in one district and category within 24 h are flagged collective, across the file and against the database', async () => {
    const broadband = categoryId(t.ctx, '宽带');
    const registered = createTicket(t.ctx, sup, {
      channel: '10086', receivedAt: Date.parse('2026-11-01T01:00:00Z'), phone: '13900000001', categoryId: broadband,
      level: 'normal', description: '断网', district: '榆中县',
    }).ticket;
    const rows = [
      HEAD,
      ['C2', '10086', '2026-11-01 20:00', '13900000002', '榆中县', '宽带', '断网', '', '新建', '', ''],
      ['C3', '10086', '2026-11-01 12:00', '13900000003', '榆中县', '宽带', '断网', '', '新建', '', ''],
      // Same district, other category; and same category, a day and more later: neither joins.
      ['C4', '10086', '2026-11-01 13:00', '13900000004', '榆中县', '终端', '手机坏', '', '新建', '', ''],
      ['C5', '10086', '2026-11-02 09:30', '13900000005', '城关区', '宽带', '断网', '', '新建', '', ''],
    ];
    await importFile(t.ctx, sup, writeCsv(t.dir, 'group.csv', rows));
    expect(t.ctx.read.tickets.get(registered.id)!.isCollective).toBe(true);
    expect(['C2', 'C3', 'C4', 'C5'].map((no) => ticket(no).isCollective)).toEqual([true, true, false, false]);
    const flag = history('C3').find((e) => e.action === 'flag_collective');
    expect(flag).toMatchObject({ actorId: sup.id, changes: { isCollective: [false, true] } });
    expect(flag!.note!.split(',').map(Number).sort()).toEqual([registered.id, ticket('C2').id].sort());
  });

  it('two rows of the same file from one phone within 30 days: the later one is a repeat, whatever the row order', async () => {
    const rows = [
      HEAD,
      ['R2', '10086', '2026-10-20 09:00', '13700000001', '城关区', '宽带', '又断网', '', '新建', '', ''],
      ['R1', '10086', '2026-10-01 09:00', '13700000001', '城关区', '宽带', '断网', '', '新建', '', ''],
    ];
    await importFile(t.ctx, sup, writeCsv(t.dir, 'repeat.csv', rows));
    expect([ticket('R1').isRepeat, ticket('R2').isRepeat]).toEqual([false, true]);
    // History reads newest first.
    expect(history('R2').map((e) => e.action)).toEqual(['flag_repeat', 'import_create']);
  });

  it('first responder: 首问负责人 when the file has it (a console user, or a name kept as written), else the 处理人 of an accepted ticket', async () => {
    const head = [...HEAD, '首问负责人'];
    const rows = [
      head,
      ['F1', '10086', '2026-10-05 09:00', '13800000011', '城关区', '宽带', '断网', '', '处理中', 'sup', '2026-10-05 09:10', 'lisi'],
      ['F2', '10086', '2026-10-05 09:00', '13800000012', '城关区', '终端', '手机坏', '', '处理中', 'sup', '2026-10-05 09:10', '外包王工'],
      ['F3', '10086', '2026-10-05 09:00', '13800000013', '城关区', '多收费', '多扣费', '', '处理中', 'lisi', '2026-10-05 09:10', ''],
      ['F4', '10086', '2026-10-05 09:00', '13800000014', '城关区', '销户', '销户难', '', '新建', 'lisi', '', ''],
    ];
    await importFile(t.ctx, sup, writeCsv(t.dir, 'responders.csv', rows));
    expect(ticket('F1')).toMatchObject({ firstResponderId: agent.id, firstResponderName: 'LISI' });
    expect(ticket('F2')).toMatchObject({ firstResponderId: null, firstResponderName: '外包王工' });
    expect(ticket('F3')).toMatchObject({ firstResponderId: agent.id, firstResponderName: 'LISI' });
    expect(history('F3')[0]!.changes).toEqual({ firstResponderId: [null, agent.id] });
    // Still new: the first responder is whoever accepts it, as for a ticket registered here.
    expect(ticket('F4')).toMatchObject({ firstResponderId: null, firstResponderName: null });
  });
});
