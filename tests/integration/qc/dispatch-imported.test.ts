/**
 * Dispatch proposals on a branch whose history came from the CRM. A CRM export
 * has no department column (neither the fixtures' exports nor the source
 * material's: the 10086 agent registers, the responsible department is chosen
 * when the ticket is passed on), so imported tickets are stored without one.
 * The category model learns them; the department model learns only tickets
 * that have a department, and the proposal says how many those were.
 *
 * Imported, settled ten days before T0 (resolved an hour after received):
 *   I1「家中信号差」   网络质量/信号覆盖
 *   I2「地下室信号弱」 网络质量/信号覆盖
 *   I3「本月多收费」   资费计费/多收费
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, categoryId, tempDb, type TestDb } from '../../helpers/temp-db';
import { actOnTicket, createTicket, getTicket } from '../../../src-main/services/tickets';
import { importFile } from '../../../src-main/services/import/run';
import { proposeDispatch } from '../../../src-main/services/dispatch';
import { dispatchTrainer } from '../../../src-main/services/dispatch-training';
import type { UserInfo } from '../../../src-main/core/model';
import { writeCsv } from '../import/files';

const H = 3_600_000;
const DAY = 24 * H;
const T0 = Date.parse('2026-11-02T02:00:00Z');
let t: TestDb;
let sup: UserInfo;

beforeEach(async () => {
  t = tempDb(T0);
  sup = addUser(t.ctx, 'sup', 'supervisor', '客服中心');
  const iso = (ms: number) => new Date(ms).toISOString();
  const at = T0 - 10 * DAY;
  const file = writeCsv(t.dir, 'crm.csv', [
    ['工单编号', '受理渠道', '受理时间', '客户号码', '投诉类别', '投诉内容', '处理状态', '首次响应时间', '办结时间'],
    ['I1', '10086', iso(at), '13800000011', '网络质量/信号覆盖', '家中信号差', '已办结', iso(at + H / 2), iso(at + H)],
    ['I2', '10086', iso(at), '13800000012', '网络质量/信号覆盖', '地下室信号弱', '已办结', iso(at + H / 2), iso(at + H)],
    ['I3', '10086', iso(at), '13800000013', '资费计费/多收费', '本月多收费', '已办结', iso(at + H / 2), iso(at + H)],
  ]);
  expect(await importFile(t.ctx, sup, file)).toMatchObject({ inserted: 3, rejectedRows: 0 });
});
afterEach(() => {
  dispatchTrainer(t.ctx).stop();
  t.close();
});

describe('dispatch proposals learnt from imported tickets', () => {
  it('imported tickets carry no department', () => {
    const rows = t.db.prepare(`SELECT ticket_no AS no, department FROM tickets ORDER BY ticket_no`).all();
    expect(rows).toEqual([
      { no: 'I1', department: null },
      { no: 'I2', department: null },
      { no: 'I3', department: null },
    ]);
  });

  it('proposes the category from them, no department, and says the department learnt from none', async () => {
    await dispatchTrainer(t.ctx).retrain();
    const p = proposeDispatch(t.ctx, '信号差');
    expect(p.model).toMatchObject({ tickets: 3, departmentTickets: 0 });
    expect(p.category!.options[0]!.path).toBe('网络质量/信号覆盖');
    expect(p.department).toBeNull();
  });

  it('learns the department from the tickets that have one, and counts only those', async () => {
    // A ticket registered in the console with its department, settled ten days before T0 too.
    t.clock.now = T0 - 10 * DAY;
    const id = createTicket(t.ctx, sup, {
      channel: '10086',
      receivedAt: t.clock.now,
      phone: '13800000021',
      categoryId: categoryId(t.ctx, '宽带'),
      level: 'normal',
      description: '宽带掉线',
      department: '网络部',
    }).ticket.id;
    actOnTicket(t.ctx, sup, id, getTicket(t.ctx, sup, id).version, { type: 'accept' });
    t.clock.now += H;
    actOnTicket(t.ctx, sup, id, getTicket(t.ctx, sup, id).version, { type: 'resolve', note: '已处理' });
    t.clock.now = T0;

    await dispatchTrainer(t.ctx).retrain();
    expect(proposeDispatch(t.ctx, '宽带又掉线').model).toMatchObject({ tickets: 4, departmentTickets: 1 });
    // One department learnt: it is the only one to propose, for a text that shares n-grams with its ticket …
    expect(proposeDispatch(t.ctx, '宽带又掉线').department!.options).toEqual([{ department: '网络部', probability: 1 }]);
    // … and none for a text whose n-grams only imported tickets had (the category is still proposed).
    const p = proposeDispatch(t.ctx, '信号差');
    expect(p.category!.options[0]!.path).toBe('网络质量/信号覆盖');
    expect(p.department).toBeNull();
  });
});
