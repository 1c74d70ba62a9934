/**
 * Foresight's tests build their history from one kind of ticket: a 10086
 * 网络质量>信号覆盖 complaint (信号差) of 网络部, normal level, each with a
 * number and a district of its own (so none is a repeat or part of a
 * collective), registered by one supervisor at the instant it is received.
 * A settled one is accepted and resolved `hours` later with a breach cause.
 */
import { categoryId, type TestDb } from './temp-db';
import { actOnTicket, createTicket, getTicket, type NewTicketInput } from '../../src-main/services/tickets';
import type { UserInfo } from '../../src-main/core/model';

const H = 3_600_000;

export interface SignalTickets {
  /** A ticket received (and registered) at `receivedAt`; the clock stands there after. */
  open(receivedAt: number, over?: Partial<NewTicketInput>): number;
  /** An action on the ticket at the clock's current instant, on its latest version. */
  act(id: number, action: Parameters<typeof actOnTicket>[4]): void;
  /** The ticket resolved at `at`. */
  resolve(id: number, at: number): void;
  /** A ticket received at `receivedAt`, accepted, resolved `hours` later. */
  settle(receivedAt: number, hours: number, over?: Partial<NewTicketInput>): number;
}

export function signalTickets(t: TestDb, sup: UserInfo): SignalTickets {
  let n = 0;
  const act: SignalTickets['act'] = (id, action) => {
    actOnTicket(t.ctx, sup, id, getTicket(t.ctx, sup, id).version, action);
  };
  const open: SignalTickets['open'] = (receivedAt, over = {}) => {
    t.clock.now = receivedAt;
    n++;
    return createTicket(t.ctx, sup, {
      channel: '10086',
      receivedAt,
      phone: `1380000${String(n).padStart(4, '0')}`,
      categoryId: categoryId(t.ctx, '网络质量>信号覆盖'),
      level: 'normal',
      description: '信号差',
      district: `D${n}`,
      department: '网络部',
      ...over,
    }).ticket.id;
  };
  const resolve: SignalTickets['resolve'] = (id, at) => {
    t.clock.now = at;
    act(id, { type: 'resolve', note: '已处理', breachCause: 'backlog' });
  };
  return {
    open,
    act,
    resolve,
    settle(receivedAt, hours, over) {
      const id = open(receivedAt, over);
      act(id, { type: 'accept' });
      resolve(id, receivedAt + hours * H);
      return id;
    },
  };
}
