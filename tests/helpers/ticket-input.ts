/**
 * A ticket as the registration form would send it: an ordinary 10086
 * complaint about signal at home, received an hour before the test's clock.
 * Tests change only the fields they are about.
 */
import type { NewTicketInput } from '../../src-main/services/tickets';
import { categoryId, type TestDb } from './temp-db';

const HOUR = 3_600_000;

export function ticketInput(t: TestDb, over: Partial<NewTicketInput> = {}): NewTicketInput {
  return {
    channel: '10086',
    receivedAt: t.clock.now - HOUR,
    phone: '13812345678',
    categoryId: categoryId(t.ctx, '网络质量>信号覆盖'),
    level: 'normal',
    description: '家中信号差',
    ...over,
  };
}
