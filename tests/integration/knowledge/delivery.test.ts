/**
 * A 12580 delivery ticket: the times the agent records give its grade and, for
 * a claim, the 赔付 proposal; each save is a ticket event; a ticket outside
 * 速递 has no delivery grade to record.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, categoryId, tempDb, type TestDb } from '../../helpers/temp-db';
import { createTicket, ticketHistory } from '../../../src-main/services/tickets';
import { deliveryFor, saveDelivery } from '../../../src-main/services/knowledge/delivery';
import type { DeliveryFacts } from '../../../src-main/core/knowledge/delivery-grade';
import { DomainError } from '../../../src-main/core/errors';
import { messageFor } from '../../../src-main/core/messages';
import type { UserInfo } from '../../../src-main/core/model';

let t: TestDb;
let agent: UserInfo;
const at = (s: string) => Date.parse(s);
const none: DeliveryFacts = { pickupRequestedAt: null, pickupAgreedAt: null, pickedUpAt: null, promisedAt: null, deliveredAt: null, issues: [] };

beforeEach(() => {
  // 2026-11-02 10:00 China time.
  t = tempDb();
  agent = addUser(t.ctx, 'agent1', 'agent');
});
afterEach(() => t.close());

const ticket = (category: string) =>
  createTicket(t.ctx, agent, {
    channel: '10086',
    receivedAt: t.clock.now - 3_600_000,
    phone: '13812345678',
    categoryId: categoryId(t.ctx, category),
    level: 'normal',
    description: '快递迟迟未到',
  }).ticket;

describe('12580 delivery grading on a ticket', () => {
  it('grades from the recorded times, proposes 赔付 for a claim, and records the save in the history', () => {
    const tk = ticket('速递>一般晚点');
    expect(deliveryFor(t.ctx, tk.id)).toMatchObject({ applies: true, facts: none, grade: { grade: null } });

    // Promised for 31 October 18:00; not delivered by now (2 November 10:00): past noon of 1 November.
    const facts = { ...none, promisedAt: at('2026-10-31T18:00:00+08:00') };
    const v = saveDelivery(t.ctx, agent, tk.id, facts);
    expect(v.grade).toMatchObject({
      grade: 2,
      findings: ['seriously_late'],
      suggestedCategory: '严重晚点',
      proposal: { refundType: 'compensation', finding: 'seriously_late' },
      seriouslyLateAfter: at('2026-11-01T12:00:00+08:00'),
      lostAfter: at('2026-11-07T18:00:00+08:00'),
    });
    const events = ticketHistory(t.ctx, tk.id).filter((e) => e.action === 'delivery_facts');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: agent.id, at: t.clock.now, changes: { promisedAt: [null, at('2026-10-31T18:00:00+08:00')] }, note: 'grade:2' });

    // Saving the same facts again is not another event; delivered in time after all makes it no complaint of lateness.
    saveDelivery(t.ctx, agent, tk.id, facts);
    expect(ticketHistory(t.ctx, tk.id).filter((e) => e.action === 'delivery_facts')).toHaveLength(1);
    const onTime = saveDelivery(t.ctx, agent, tk.id, { ...facts, deliveredAt: at('2026-10-31T17:00:00+08:00'), issues: ['attitude', 'attitude'] });
    expect(onTime.facts.issues).toEqual(['attitude']);
    expect(onTime.grade).toMatchObject({ grade: 1, findings: ['attitude'], proposal: null });
  });

  it('refuses to record delivery times on a ticket that is not a delivery complaint', () => {
    const tk = ticket('宽带');
    expect(deliveryFor(t.ctx, tk.id).applies).toBe(false);
    let error: unknown = null;
    try {
      saveDelivery(t.ctx, agent, tk.id, { ...none, promisedAt: t.clock.now });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(messageFor(error as DomainError, 'zh-CN')).toBe('只有速递类工单可以记录 12580 速递时间。');
    expect(ticketHistory(t.ctx, tk.id).map((e) => e.action)).toEqual(['create']);
  });

  it('has the delivery sub-categories the compensation rules name', () => {
    const names = t.ctx.categories
      .list()
      .filter((c) => c.parentId === t.ctx.categories.list().find((p) => p.name === '速递')!.id)
      .map((c) => c.name);
    expect(names).toEqual(['一般晚点', '严重晚点', '物品受损', '丢失', '费用多收', '服务态度', '包装污染/受损', '其他理赔']);
  });
});
