/**
 * Dispatch proposals beyond registration: for imported tickets (made after
 * the import, from a queue the import writes in its own transaction) and on
 * transfers, and dispatch/stats per source. Clock pinned at T0.
 *
 * The history is dispatch.test.ts's (settled ten days before T0):
 *   「家中信号差」 网络质量/信号覆盖 网络部 ·「地下室信号弱」 网络质量/信号覆盖 网络部
 *   「本月多收费」 资费计费/多收费 计费中心 ·「宽带掉线」 宽带 网络部
 * For「信号差」the department model proposes 网络部 (0.98747…, worked there), because of
 * 信号 and 信号差; the category model proposes 网络质量/信号覆盖.
 *
 * Imported at T0 (open, no department, as every CRM row): C1「信号差」filed by the CRM under
 * 网络质量/信号覆盖 (the proposal's category), C2「信号差」under 资费计费/多收费 (not it),
 * C3「信号差」under 网络质量/信号覆盖, never transferred.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, categoryId, tempDb, type TestDb } from '../../helpers/temp-db';
import { dispatchHistory, type DispatchHistory } from '../../helpers/dispatch-history';
import { actOnTicket, getTicket } from '../../../src-main/services/tickets';
import { dispatchStats, proposeDispatch, recordedProposal } from '../../../src-main/services/dispatch';
import { dispatchTrainer } from '../../../src-main/services/dispatch-training';
import { proposeImportedPage } from '../../../src-main/services/dispatch-import-proposals';
import { importFile } from '../../../src-main/services/import/run';
import type { UserInfo } from '../../../src-main/core/model';
import { writeCsv } from '../import/files';
import { deleteDemoTickets } from '../../../src-main/db/demo-store';

const H = 3_600_000;
const DAY = 24 * H;
const T0 = Date.parse('2026-11-02T02:00:00Z');
let t: TestDb;
let sup: UserInfo;
let h: DispatchHistory;
const ticket = (...a: Parameters<DispatchHistory['ticket']>) => h.ticket(...a);
const settled = (...a: Parameters<DispatchHistory['settled']>) => h.settled(...a);
const version = (id: number) => getTicket(t.ctx, sup, id).version;
const transfer = (id: number, department: string, shown?: { department: string; accepted: boolean }) =>
  actOnTicket(t.ctx, sup, id, version(id), { type: 'transfer', department, assigneeId: null, reason: '派单' }, shown);
const queue = () => t.db.prepare('SELECT first_id AS firstId, last_id AS lastId, next_id AS nextId FROM dispatch_import_queue ORDER BY id').all();
const proposals = () =>
  t.db
    .prepare(
      `SELECT t.ticket_no AS no, p.source, p.category_id AS categoryId, p.department, p.category_taken AS categoryTaken,
         p.department_taken AS departmentTaken, p.accepted, p.model_tickets AS modelTickets, p.department_reasons AS departmentReasons, p.proposed_at AS at
       FROM dispatch_proposals p JOIN tickets t ON t.id = p.ticket_id ORDER BY t.ticket_no`,
    )
    .all();
const idOf = (no: string) => (t.db.prepare('SELECT id FROM tickets WHERE ticket_no = ?').get(no) as { id: number }).id;

async function importRows(dryRun = false) {
  const at = new Date(T0 - H).toISOString();
  const file = writeCsv(t.dir, 'crm.csv', [
    ['工单编号', '受理渠道', '受理时间', '客户号码', '投诉类别', '投诉内容', '处理状态'],
    ['C1', '10086', at, '13900000001', '网络质量/信号覆盖', '信号差', '处理中'],
    ['C2', '10086', at, '13900000002', '资费计费/多收费', '信号差', '处理中'],
    ['C3', '10086', at, '13900000003', '网络质量/信号覆盖', '信号差', '处理中'],
  ]);
  return importFile(t.ctx, sup, file, { dryRun });
}

beforeEach(() => {
  t = tempDb();
  sup = addUser(t.ctx, 'sup', 'supervisor', '客服中心');
  h = dispatchHistory(t, sup);
  settled(T0 - 10 * DAY, '家中信号差', '网络质量>信号覆盖', '网络部');
  settled(T0 - 10 * DAY, '地下室信号弱', '网络质量>信号覆盖', '网络部');
  settled(T0 - 10 * DAY, '本月多收费', '资费计费>多收费', '计费中心');
  settled(T0 - 10 * DAY, '宽带掉线', '宽带', '网络部');
  t.clock.now = T0;
});
afterEach(() => {
  dispatchTrainer(t.ctx).stop();
  t.close();
});

describe('proposals for imported tickets', () => {
  it('the import notes its new tickets in its own transaction and proposes nothing itself; a dry run notes nothing', async () => {
    const before = (t.db.prepare('SELECT max(id) AS m FROM tickets').get() as { m: number }).m;
    expect(await importRows(true)).toMatchObject({ inserted: 3 });
    expect(queue()).toEqual([]);
    expect(await importRows()).toMatchObject({ inserted: 3, rejectedRows: 0 });
    expect(queue()).toEqual([{ firstId: before + 1, lastId: before + 3, nextId: before + 1 }]);
    expect(proposals()).toEqual([]);
    // The same file again updates nothing and inserts nothing: nothing more to propose.
    expect(await importRows()).toMatchObject({ inserted: 0 });
    expect(queue()).toHaveLength(1);
  });

  it('after training, proposes for each imported ticket a page at a time, with the words that decided, and empties the queue', async () => {
    await importRows();
    const trainer = dispatchTrainer(t.ctx);
    const trained = (await trainer.retrain())!;
    expect(trained.tickets).toBe(4);
    t.clock.now = T0 + H;
    const c1 = idOf('C1');
    // One ticket a page: C1, and the cursor moves to C2.
    expect(proposeImportedPage(t.ctx, trained, 1)).toBe(1);
    expect(queue()).toEqual([{ firstId: c1, lastId: c1 + 2, nextId: c1 + 1 }]);
    expect(await trainer.proposeImports()).toBe(2);
    expect(queue()).toEqual([]);
    expect(proposeImportedPage(t.ctx, trained, 1)).toBeNull();
    const signal = categoryId(t.ctx, '网络质量>信号覆盖');
    const row = { source: 'import', categoryId: signal, department: '网络部', departmentTaken: 0, accepted: 0, modelTickets: 4, departmentReasons: '["信号","信号差"]', at: T0 + H };
    expect(proposals()).toEqual([
      { no: 'C1', ...row, categoryTaken: 1 },
      { no: 'C2', ...row, categoryTaken: 0 },
      { no: 'C3', ...row, categoryTaken: 1 },
    ]);
    // The ticket page's view: what was recorded, the category by its path, the words as the live proposal gives them.
    const live = proposeDispatch(t.ctx, '信号差');
    expect(recordedProposal(t.ctx, idOf('C2'))).toEqual({
      source: 'import',
      proposedAt: T0 + H,
      category: { categoryId: signal, path: '网络质量/信号覆盖', reasons: live.category!.reasons.map((r) => r.gram) },
      department: { department: '网络部', reasons: ['信号', '信号差'] },
      modelTickets: 4,
    });
  });

  it('a model that learnt nothing proposes nothing and leaves the queue for the next training', async () => {
    t.db.prepare("UPDATE tickets SET status = 'voided'").run();
    await importRows();
    const trainer = dispatchTrainer(t.ctx);
    expect((await trainer.retrain())!.tickets).toBe(0);
    expect(await trainer.proposeImports()).toBe(0);
    expect(queue()).toHaveLength(1);
  });
});

describe('proposals shown on a transfer', () => {
  it('records the department the form showed with the transfer, whether the ticket went there and whether the button was kept', () => {
    const a = ticket(T0 - H, '信号差', '网络质量>信号覆盖', '客服中心');
    const b = ticket(T0 - H, '信号差', '网络质量>信号覆盖', '客服中心');
    t.clock.now = T0;
    transfer(a, '网络部', { department: '网络部', accepted: true });
    // The button was pressed, then the supervisor chose another department: not taken, and the button does not count.
    transfer(b, '计费中心', { department: '网络部', accepted: true });
    // A transfer the form showed no proposal for, and another action: nothing recorded.
    t.clock.now = T0 + H;
    transfer(a, '计费中心');
    actOnTicket(t.ctx, sup, b, version(b), { type: 'accept' }, { department: '网络部', accepted: true });
    const rows = t.db
      .prepare(
        `SELECT p.ticket_id AS ticketId, e.action, json_extract(e.changes, '$.department[1]') AS transferredTo, p.proposed_at AS at, p.department,
           p.department_taken AS taken, p.accepted, p.model_tickets AS modelTickets
         FROM dispatch_transfer_proposals p JOIN ticket_events e ON e.id = p.event_id ORDER BY p.event_id`,
      )
      .all();
    expect(rows).toEqual([
      { ticketId: a, action: 'transfer', transferredTo: '网络部', at: T0, department: '网络部', taken: 1, accepted: 1, modelTickets: 0 },
      { ticketId: b, action: 'transfer', transferredTo: '计费中心', at: T0, department: '网络部', taken: 0, accepted: 0, modelTickets: 0 },
    ]);
  });

  it('a demo ticket goes with its transfer proposals when the demo data is removed', () => {
    const a = ticket(T0 - H, '信号差', '网络质量>信号覆盖', '客服中心');
    transfer(a, '网络部', { department: '网络部', accepted: true });
    t.db.prepare('UPDATE tickets SET is_demo = 1 WHERE id = ?').run(a);
    expect(t.db.transaction(() => deleteDemoTickets(t.db))()).toMatchObject({ tickets: 1 });
    expect(t.db.prepare('SELECT count(*) AS n FROM dispatch_transfer_proposals').get()).toEqual({ n: 0 });
  });

  it('a refused transfer records nothing', () => {
    const a = ticket(T0 - H, '信号差', '网络质量>信号覆盖', '网络部');
    expect(() => transfer(a, '网络部', { department: '网络部', accepted: true })).toThrow();
    expect(t.db.prepare('SELECT count(*) AS n FROM dispatch_transfer_proposals').get()).toEqual({ n: 0 });
  });
});

describe('dispatch/stats per source', () => {
  it('counts registration, import and transfer proposals, each with its own "transferred again"', async () => {
    const signal = categoryId(t.ctx, '网络质量>信号覆盖');
    // Registration: R1 took the proposal (网络部) and was never transferred; R2 did not, and was transferred once.
    ticket(T0 - H, '信号差', '网络质量>信号覆盖', '网络部', { dispatch: { categoryId: signal, department: '网络部', accepted: true } });
    const r2 = ticket(T0 - H, '信号差', '网络质量>信号覆盖', '客服中心', { dispatch: { categoryId: signal, department: '网络部', accepted: false } });
    t.clock.now = T0;
    await importRows();
    await dispatchTrainer(t.ctx).retrain();
    await dispatchTrainer(t.ctx).proposeImports();
    const [c1, c2] = [idOf('C1'), idOf('C2')];
    t.clock.now = T0 + H;
    // C1's first transfer goes where the import proposal said (taken), with the form's proposal taken too; then on again.
    transfer(c1, '网络部', { department: '网络部', accepted: true });
    // C2's first transfer goes elsewhere (not taken), the form's proposal shown and not taken; never again.
    transfer(c2, '计费中心', { department: '网络部', accepted: false });
    t.clock.now = T0 + 2 * H;
    transfer(c1, '客服中心', { department: '网络部', accepted: false });
    transfer(r2, '网络部');
    // C3 is never transferred: undecided.
    const none = { tickets: 0, transferred: 0, rate: null };
    expect(dispatchStats(t.ctx, T0 - DAY, T0 + DAY)).toEqual({
      form: {
        proposals: 2,
        categoryTaken: 2,
        departmentTaken: 1,
        accepted: 1,
        taken: { tickets: 1, transferred: 0, rate: 0 },
        notTaken: { tickets: 1, transferred: 1, rate: 1 },
        undecided: null,
      },
      import: {
        // C1 and C3 were filed by the CRM under the proposed category, C2 not.
        proposals: 3,
        categoryTaken: 2,
        departmentTaken: 1,
        accepted: null,
        // C1: its first transfer went to 网络部 and it was transferred again after it; C2: first elsewhere, never again.
        taken: { tickets: 1, transferred: 1, rate: 1 },
        notTaken: { tickets: 1, transferred: 0, rate: 0 },
        undecided: 1,
      },
      transfer: {
        // C1 → 网络部 (taken, button), C2 → 计费中心 (not), C1 → 客服中心 (not). Only the first was followed by another transfer.
        proposals: 3,
        categoryTaken: null,
        departmentTaken: 1,
        accepted: 1,
        taken: { tickets: 1, transferred: 1, rate: 1 },
        notTaken: { tickets: 2, transferred: 0, rate: 0 },
        undecided: null,
      },
    });
    // The transfers' hours: only the transfer proposals were made then (the import's at T0, the registrations before).
    const later = dispatchStats(t.ctx, T0 + H, T0 + 3 * H);
    expect([later.form.proposals, later.import.proposals, later.transfer.proposals]).toEqual([0, 0, 3]);
    // A voided ticket leaves the outcomes.
    actOnTicket(t.ctx, sup, c2, version(c2), { type: 'void', reason: '重复' });
    expect(dispatchStats(t.ctx, T0 - DAY, T0 + DAY).import.notTaken).toEqual(none);
  });
});
