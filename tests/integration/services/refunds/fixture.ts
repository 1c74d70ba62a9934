/** Shared set-up of the refund integration tests: a temp database, people of each role, a ticket. */
import { addUser, categoryId, tempDb, type TestDb } from '../../../helpers/temp-db';
import { createTicket } from '../../../../src-main/services/tickets';
import * as cmd from '../../../../src-main/services/refunds/commands';
import type { UserInfo } from '../../../../src-main/core/model';
import type { RefundType } from '../../../../src-main/core/refunds/types';
import { DomainError } from '../../../../src-main/core/errors';

export const H = 3_600_000;

export interface Fixture {
  t: TestDb;
  agent: UserInfo;
  agent2: UserInfo;
  sup: UserInfo;
  sup2: UserInfo;
  mgr: UserInfo;
  ticketId: number;
  ticketNo: string;
  enter(by: UserInfo, amountFen: number, over?: Partial<cmd.NewRefundInput> & { type?: RefundType }): ReturnType<typeof cmd.createRefund>;
}

export function fixture(): Fixture {
  const t = tempDb();
  const agent = addUser(t.ctx, 'agent', 'agent', '客服中心');
  const agent2 = addUser(t.ctx, 'agent2', 'agent', '客服中心');
  const sup = addUser(t.ctx, 'sup', 'supervisor', '客服中心');
  const sup2 = addUser(t.ctx, 'sup2', 'supervisor', '客服中心');
  const mgr = addUser(t.ctx, 'mgr', 'manager', '客服中心');
  const ticket = createTicket(t.ctx, sup, {
    channel: '10086',
    receivedAt: t.clock.now,
    phone: '13812345678',
    categoryId: categoryId(t.ctx, '增值业务>信息费退费'),
    level: 'normal',
    description: '从未订购过该SP业务，却被扣取信息费。',
  }).ticket;
  let n = 0;
  return {
    t,
    agent,
    agent2,
    sup,
    sup2,
    mgr,
    ticketId: ticket.id,
    ticketNo: ticket.ticketNo,
    // Each entry gets its own type/amount mix unless told, so the duplicate check stays out of the way.
    enter: (by, amountFen, over = {}) =>
      cmd.createRefund(t.ctx, by, {
        ticketId: ticket.id,
        type: 'sp_info_fee',
        amountFen,
        reason: `退还信息费 ${++n}`,
        submit: true,
        confirmDuplicate: false,
        ...over,
      }),
  };
}

/** The DomainError code a call throws. */
export function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  throw new Error('did not throw');
}
