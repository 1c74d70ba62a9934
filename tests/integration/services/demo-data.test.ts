/** Demo data goes only into an empty database: a working one is refused with the reason, and nothing is added. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, tempDb, type TestDb } from '../../helpers/temp-db';
import { seedDemo } from '../../../src-main/services/seed';
import { createTicket } from '../../../src-main/services/tickets';
import { DomainError } from '../../../src-main/core/errors';
import { messageFor } from '../../../src-main/core/messages';

let t: TestDb;
beforeEach(() => {
  t = tempDb();
});
afterEach(() => t.close());

describe('demo data', () => {
  it('loads into an empty database, and refuses one that holds a ticket, adding nothing', () => {
    const admin = addUser(t.ctx, 'admin', 'admin');
    const sub = t.ctx.categories.list().find((c) => c.parentId !== null)!;
    createTicket(t.ctx, admin, { channel: '10086', receivedAt: t.clock.now - 3_600_000, phone: '13812345678', categoryId: sub.id, level: 'normal', description: '真实投诉' });
    let error: unknown;
    try {
      seedDemo(t.ctx, admin);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(messageFor(error as DomainError, 'zh-CN')).toBe('演示数据只能载入空数据库；当前已有 1 张工单，载入假数据会改变报表数字。');
    expect(t.db.prepare('SELECT count(*) FROM tickets').pluck().get()).toBe(1);
  });

  it('fills an empty one', () => {
    const admin = addUser(t.ctx, 'admin', 'admin');
    expect(seedDemo(t.ctx, admin).tickets).toBe(3000);
  });
});
