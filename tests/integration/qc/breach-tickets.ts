/** A 10086 broadband ticket in progress, answered an hour after it came, for the breach-cause tests. */
import { categoryId, type TestDb } from '../../helpers/temp-db';
import { H } from '../reports/fixture';

export function breachTicket(t: TestDb, no: string, received: number, department: string): number {
  const info = t.ctx.db
    .prepare(
      `INSERT INTO tickets (ticket_no, channel, received_at, phone, district, category_id, level, status, description, department,
         first_response_at, created_at, updated_at)
       VALUES (?, '10086', ?, '13800138000', '禅城区', ?, 'normal', 'in_progress', '测试', ?, ?, ?, ?)`,
    )
    .run(no, received, categoryId(t.ctx, '宽带'), department, received + H, received, received);
  return Number(info.lastInsertRowid);
}
