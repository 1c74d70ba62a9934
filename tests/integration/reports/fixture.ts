/**
 * A small October 2026 (China time) whose every KPI is worked out by hand in
 * report.test.ts. Tickets are written straight into the table with the facts
 * wanted, then get their deadline clocks from the default policy exactly as
 * imported tickets do (10086 normal: respond 4 h, resolve 48 h, follow up 24 h;
 * store normal 2 h / 48 h; 10080 2 h / 24 h; 12300 1 h / 12 h).
 */
import type { ServiceContext } from '../../../src-main/services/context';
import { backfillClocks } from '../../../src-main/db/clock-backfill';
import { zonedInstant } from '../../../src-main/core/time';
import { addUser, categoryId } from '../../helpers/temp-db';

export const H = 3_600_000;
/** Wall-clock time in China. */
export const cn = (y: number, m: number, d: number, hh = 0, mm = 0) => zonedInstant('Asia/Shanghai', y, m, d, hh, mm);
/** The report is taken at Monday 2 November 2026, 10:00 China time. */
export const NOW = cn(2026, 11, 2, 10);

interface Spec {
  no: string;
  channel: string;
  level: 'normal' | 'overlevel';
  category: string;
  district: string;
  department: string;
  received: number;
  /** Hours after receipt. */
  respond?: number;
  resolve?: number;
  close?: number;
  status: string;
  satisfaction?: string;
  repeat?: boolean;
  assignee?: number;
}

export function seedOctober(ctx: ServiceContext): { assigneeId: number; ticketIds: Record<string, number> } {
  const x = addUser(ctx, 'xiaoli', 'agent', '客服中心');
  const specs: Spec[] = [
    { no: 'T1', channel: '10086', level: 'normal', category: '网络质量>信号覆盖', district: '禅城区', department: '客服中心', received: cn(2026, 10, 5, 10), respond: 1, resolve: 24, close: 30, status: 'closed', satisfaction: 'satisfied', assignee: x.id },
    { no: 'T2', channel: '10086', level: 'normal', category: '网络质量>上网慢/断网', district: '南海区', department: '网络部', received: cn(2026, 10, 10, 9), respond: 5, resolve: 60, status: 'resolved', repeat: true },
    { no: 'T3', channel: 'store', level: 'normal', category: '资费计费>多收费', district: '禅城区', department: '计费中心', received: cn(2026, 10, 31, 23, 30), respond: 1, status: 'in_progress', assignee: x.id },
    { no: 'T4', channel: '10080', level: 'overlevel', category: '服务质量>服务态度', district: '南海区', department: '客服中心', received: cn(2026, 10, 20, 8), respond: 1, status: 'in_progress' },
    { no: 'T5', channel: '10086', level: 'normal', category: '网络质量', district: '禅城区', department: '客服中心', received: cn(2026, 10, 15, 12), respond: 2, resolve: 10, close: 20, status: 'closed', satisfaction: 'dissatisfied' },
    { no: 'T6', channel: '10086', level: 'normal', category: '网络质量>信号覆盖', district: '禅城区', department: '客服中心', received: cn(2026, 10, 8, 9), status: 'voided' },
    { no: 'T7', channel: '10086', level: 'normal', category: '宽带', district: '禅城区', department: '客服中心', received: cn(2026, 9, 30, 23, 30), respond: 1, resolve: 12, close: 14, status: 'closed', satisfaction: 'basically_satisfied' },
    { no: 'T8', channel: '10086', level: 'normal', category: '宽带', district: '禅城区', department: '客服中心', received: cn(2026, 11, 1, 0, 10), status: 'new' },
    { no: 'T9', channel: '10086', level: 'normal', category: '宽带', district: '禅城区', department: '客服中心', received: cn(2025, 10, 10, 10), respond: 1, resolve: 50, status: 'resolved' },
    { no: 'T10', channel: '12300', level: 'overlevel', category: '资费计费>资费争议', district: '南海区', department: '网络部', received: cn(2026, 10, 25, 10), respond: 0.5, resolve: 6, close: 10, status: 'closed', satisfaction: 'basically_satisfied' },
  ];
  const insert = ctx.db.prepare(`INSERT INTO tickets (ticket_no, channel, received_at, phone, district, category_id, level, status,
      description, assignee_id, department, first_response_at, resolved_at, closed_at, satisfaction, is_repeat, created_at, updated_at)
    VALUES (@no, @channel, @received, '13800138000', @district, @categoryId, @level, @status, '测试', @assignee, @department,
      @respondAt, @resolveAt, @closeAt, @satisfaction, @repeat, @received, @received)`);
  const after = (t: number, h: number | undefined) => (h === undefined ? null : t + h * H);
  const ticketIds: Record<string, number> = {};
  for (const s of specs) {
    const info = insert.run({
      ...s,
      categoryId: categoryId(ctx, s.category),
      assignee: s.assignee ?? null,
      respondAt: after(s.received, s.respond),
      resolveAt: after(s.received, s.resolve),
      closeAt: after(s.received, s.close),
      satisfaction: s.satisfaction ?? null,
      repeat: s.repeat ? 1 : 0,
    });
    ticketIds[s.no] = Number(info.lastInsertRowid);
  }
  backfillClocks(ctx.db);
  return { assigneeId: x.id, ticketIds };
}
