/** Hand-made ticket histories for the warning tests: rows written straight into a temp database. */
import type { ServiceContext } from '../../../src-main/services/context';
import { zonedInstant } from '../../../src-main/core/time';
import { categoryId } from '../../helpers/temp-db';

let serial = 0;

/** `n` tickets of a category ("网络质量>信号覆盖") received at a China-time instant. */
export function addTickets(
  ctx: ServiceContext,
  category: string,
  n: number,
  when: [year: number, month: number, day: number, hour?: number, minute?: number],
  opts: { district?: string | null; status?: string } = {},
): void {
  const [y, m, d, h = 10, min = 0] = when;
  const at = zonedInstant('Asia/Shanghai', y, m, d, h, min);
  const insert = ctx.db.prepare(
    `INSERT INTO tickets (ticket_no, channel, received_at, phone, district, category_id, level, status, description, created_at, updated_at)
     VALUES (?, '10086', ?, '13800000000', ?, ?, 'normal', ?, 'test', ?, ?)`,
  );
  const cat = categoryId(ctx, category);
  for (let i = 0; i < n; i++) insert.run(`W${++serial}`, at, opts.district ?? null, cat, opts.status ?? 'new', at, at);
}

/** The same count on the 10th of each month from May to October 2026 (the baseline months of a November check). */
export function sixMonths(ctx: ServiceContext, category: string, perMonth: number, district: string | null = null): void {
  for (let m = 5; m <= 10; m++) addTickets(ctx, category, perMonth, [2026, m, 10], { district });
}
