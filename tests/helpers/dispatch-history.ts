/**
 * The dispatch tests' hand-made history: tickets registered by one
 * supervisor at a given instant with a text, a category and a department,
 * and settled ones (accepted, resolved an hour later). Each ticket gets a
 * number of its own, so that no two are repeat complaints of each other.
 */
import { categoryId, type TestDb } from './temp-db';
import { actOnTicket, createTicket, getTicket, type NewTicketInput } from '../../src-main/services/tickets';
import type { UserInfo } from '../../src-main/core/model';

const H = 3_600_000;

export interface DispatchHistory {
  ticket(receivedAt: number, description: string, category: string, department: string, over?: Partial<NewTicketInput>): number;
  settled(receivedAt: number, description: string, category: string, department: string): number;
  act(id: number, action: Parameters<typeof actOnTicket>[4], shown?: Parameters<typeof actOnTicket>[5]): void;
}

export function dispatchHistory(t: TestDb, sup: UserInfo): DispatchHistory {
  let phones = 0;
  const act: DispatchHistory['act'] = (id, action, shown) => {
    actOnTicket(t.ctx, sup, id, getTicket(t.ctx, sup, id).version, action, shown);
  };
  const ticket: DispatchHistory['ticket'] = (receivedAt, description, category, department, over = {}) => {
    t.clock.now = receivedAt;
    return createTicket(t.ctx, sup, {
      channel: '10086',
      receivedAt,
      phone: `1380000${String(++phones).padStart(4, '0')}`,
      categoryId: categoryId(t.ctx, category),
      level: 'normal',
      description,
      department,
      ...over,
    }).ticket.id;
  };
  return {
    ticket,
    act,
    settled(receivedAt, description, category, department) {
      const id = ticket(receivedAt, description, category, department);
      act(id, { type: 'accept' });
      t.clock.now = receivedAt + H;
      act(id, { type: 'resolve', note: '已处理' });
      return id;
    },
  };
}
