/**
 * The branch keeps its breach-cause list: a supervisor adds, renames, retires
 * and brings back causes, each save in the audit log; the studies' defaults
 * stay (renamed if liked, never retired); a retired cause is no longer
 * accepted when settling but stays on the tickets that have it, and the
 * ticket list filtered by a cause (the Pareto's click-through) shows exactly
 * the tickets the Pareto counted. Pinned at 3 November 2026 12:00 China time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addUser, tempDb, type TestDb } from '../../helpers/temp-db';
import { backfillClocks } from '../../../src-main/db/clock-backfill';
import { actOnTicket, listTickets } from '../../../src-main/services/tickets';
import { breachCauseOptions, breachCausePareto, saveBreachCause } from '../../../src-main/services/breach-causes';
import { cn } from '../reports/fixture';
import { refusal } from '../../helpers/refusal';
import { breachTicket } from './breach-tickets';

let t: TestDb;
afterEach(() => t.close());

const AT = cn(2026, 11, 3, 12);

describe('the branch’s breach-cause list', () => {
  it('adds, renames, retires and brings back a cause, each in the audit log', () => {
    t = tempDb(AT);
    const sup = addUser(t.ctx, 'zhang', 'supervisor');
    const added = saveBreachCause(t.ctx, sup.id, { nameZh: ' 线路割接 ', nameEn: 'Line cut-over', needsText: false, active: true });
    // 其他 stays last; the new cause comes before it with the first free branch code.
    expect(added.map((c) => c.code)).toEqual([
      'backlog',
      'wrong_dispatch',
      'fault_location',
      'other_department',
      'customer_unreachable',
      'system_fault',
      'branch_1',
      'other',
    ]);
    expect(added.find((c) => c.code === 'branch_1')).toEqual({ code: 'branch_1', nameZh: '线路割接', nameEn: 'Line cut-over', needsText: false, active: true });

    saveBreachCause(t.ctx, sup.id, { code: 'branch_1', nameZh: '线路割接施工', nameEn: 'Line works', needsText: true, active: true });
    saveBreachCause(t.ctx, sup.id, { code: 'branch_1', nameZh: '线路割接施工', nameEn: 'Line works', needsText: true, active: false });
    expect(breachCauseOptions(t.ctx).find((c) => c.code === 'branch_1')).toMatchObject({ nameZh: '线路割接施工', needsText: true, active: false });
    saveBreachCause(t.ctx, sup.id, { code: 'branch_1', nameZh: '线路割接施工', nameEn: 'Line works', needsText: true, active: true });
    // A default renamed keeps its code.
    saveBreachCause(t.ctx, sup.id, { code: 'backlog', nameZh: '工单积压', nameEn: 'Backlog', needsText: false, active: true });
    expect(breachCauseOptions(t.ctx)[0]).toMatchObject({ code: 'backlog', nameZh: '工单积压', active: true });

    const audit = t.ctx.db
      .prepare("SELECT action, subject, actor_id AS actor, details FROM audit_log WHERE action LIKE 'settings.breachCause%' ORDER BY id")
      .all() as Array<{ action: string; subject: string; actor: number; details: string }>;
    expect(audit.map((a) => [a.action, a.subject, a.actor])).toEqual([
      ['settings.breachCause.add', 'branch_1', sup.id],
      ['settings.breachCause.change', 'branch_1', sup.id],
      ['settings.breachCause.change', 'branch_1', sup.id],
      ['settings.breachCause.change', 'branch_1', sup.id],
      ['settings.breachCause.change', 'backlog', sup.id],
    ]);
    expect(JSON.parse(audit[2]!.details)).toEqual({
      before: { code: 'branch_1', nameZh: '线路割接施工', nameEn: 'Line works', needsText: true, active: true },
      after: { code: 'branch_1', nameZh: '线路割接施工', nameEn: 'Line works', needsText: true, active: false },
    });
  });

  it('refuses a blank or taken name, an unknown code and retiring a default, writing nothing', () => {
    t = tempDb(AT);
    const sup = addUser(t.ctx, 'zhang', 'supervisor');
    const save = (e: Parameters<typeof saveBreachCause>[2]) => () => saveBreachCause(t.ctx, sup.id, e);
    expect(refusal(save({ nameZh: '  ', nameEn: 'X', needsText: false, active: true }))).toBe('请填写超时原因名称。');
    expect(refusal(save({ nameZh: '工单堆积', nameEn: 'Piles', needsText: false, active: true }))).toBe('超时原因名称已被使用。');
    expect(refusal(save({ nameZh: '新原因', nameEn: 'backlog', needsText: false, active: true }), 'en')).toBe("That breach cause's English name is already taken.");
    expect(refusal(save({ code: 'nope', nameZh: '新原因', nameEn: 'New', needsText: false, active: true }))).toBe('超时原因的格式不对：nope。');
    expect(refusal(save({ code: 'backlog', nameZh: '工单堆积', nameEn: 'Backlog', needsText: false, active: false }))).toBe(
      '「工单堆积」是 QC 课题给出的默认原因，保留在列表中，不能停用（可以改名）。',
    );
    expect(breachCauseOptions(t.ctx)).toHaveLength(7);
    expect(t.ctx.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'settings.breachCause%'").get()).toEqual({ n: 0 });
  });

  it('a retired cause is refused when settling but stays on its tickets; the list filtered by a cause shows the Pareto’s tickets', () => {
    t = tempDb(AT);
    const sup = addUser(t.ctx, 'zhang', 'supervisor');
    saveBreachCause(t.ctx, sup.id, { nameZh: '线路割接', nameEn: 'Line cut-over', needsText: false, active: true });
    const t1 = breachTicket(t, 'T1', cn(2026, 11, 1, 9), '网络部');
    const t2 = breachTicket(t, 'T2', cn(2026, 11, 1, 8), '网络部');
    const t3 = breachTicket(t, 'T3', cn(2026, 10, 31, 10), '客服中心');
    const t4 = breachTicket(t, 'T4', cn(2026, 10, 20, 10), '网络部'); // before the range
    backfillClocks(t.ctx.db);
    const resolve = (id: number, breachCause: string) => actOnTicket(t.ctx, sup, id, 1, { type: 'resolve', note: '已处理', breachCause });
    resolve(t1, 'branch_1');
    resolve(t2, 'branch_1');
    resolve(t4, 'branch_1');
    saveBreachCause(t.ctx, sup.id, { code: 'branch_1', nameZh: '线路割接', nameEn: 'Line cut-over', needsText: false, active: false });
    expect(refusal(() => resolve(t3, 'branch_1'))).toBe('超时原因「线路割接」已停用，请从列表中另选一项。');
    resolve(t3, 'backlog');

    const range = { from: '2026-10-30', to: '2026-11-03' };
    const p = breachCausePareto(t.ctx, { range });
    expect(p.causes.map((c) => [c.key, c.label, c.count, c.cumulative, c.ticketIds])).toEqual([
      ['branch_1', '线路割接', 2, 2 / 3, [t2, t1]],
      ['backlog', '工单堆积', 1, 1, [t3]],
    ]);
    // The click-through: the list with the report's range and the cause.
    const list = (filter: Parameters<typeof listTickets>[2]['filter']) =>
      listTickets(t.ctx, sup, { offset: 0, limit: 50, filter }).rows.map((r) => r.id).sort((a, b) => a - b);
    const rf = cn(2026, 10, 30, 0);
    const rt = cn(2026, 11, 4, 0);
    expect(list({ receivedFrom: rf, receivedTo: rt, breachCause: 'branch_1' })).toEqual([t1, t2]);
    expect(list({ receivedFrom: rf, receivedTo: rt, breachCause: 'branch_1', department: '网络部' })).toEqual([t1, t2]);
    expect(list({ receivedFrom: rf, receivedTo: rt, breachCause: 'backlog', department: '网络部' })).toEqual([]);
    expect(list({ breachCause: 'branch_1' })).toEqual([t1, t2, t4]);
  });
});
