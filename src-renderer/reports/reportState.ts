/**
 * What the Reports page shows, kept in its URL (#/reports?month=2026-10&district=…):
 * a month, or a custom range of local days, and the filters. Back and forward
 * work, and a link to a report is a link to the same numbers.
 */
import type { Channel, InputOf } from '../api/types';
import { CHANNELS } from '../../src-main/core/enums';

export interface ReportState {
  /** 'YYYY-MM', or null when a custom range is shown. */
  month: string | null;
  from: string;
  to: string;
  district: string | null;
  channel: Channel | null;
  categoryId: number | null;
  department: string | null;
  assigneeId: number | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function monthBounds(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + by;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

const int = (v: string | null) => (v && /^\d+$/.test(v) ? Number(v) : null);

/** The state in the URL; `thisMonth` (in the branch's zone) when it names no period. */
export function parseReportState(params: URLSearchParams, thisMonth: string): ReportState {
  const from = params.get('from');
  const to = params.get('to');
  const custom = from && to && DAY.test(from) && DAY.test(to) && from <= to;
  const month = custom ? null : MONTH.test(params.get('month') ?? '') ? params.get('month')! : thisMonth;
  const channel = CHANNELS.find((c) => c === params.get('channel')) ?? null;
  return {
    month,
    ...(custom ? { from, to } : monthBounds(month!)),
    district: params.get('district') || null,
    channel,
    categoryId: int(params.get('category')),
    department: params.get('department') || null,
    assigneeId: int(params.get('assignee')),
  };
}

export function reportHref(s: ReportState): string {
  const q = new URLSearchParams();
  if (s.month) q.set('month', s.month);
  else {
    q.set('from', s.from);
    q.set('to', s.to);
  }
  if (s.district) q.set('district', s.district);
  if (s.channel) q.set('channel', s.channel);
  if (s.categoryId !== null) q.set('category', String(s.categoryId));
  if (s.department) q.set('department', s.department);
  if (s.assigneeId !== null) q.set('assignee', String(s.assigneeId));
  return `#/reports?${q.toString()}`;
}

/** The contract input for the state. */
export function reportInput(s: ReportState): InputOf<'reports/dashboard'> {
  const filters: NonNullable<InputOf<'reports/dashboard'>['filters']> = {};
  if (s.district) filters.district = [s.district];
  if (s.channel) filters.channel = [s.channel];
  if (s.categoryId !== null) filters.categoryId = [s.categoryId];
  if (s.department) filters.department = [s.department];
  if (s.assigneeId !== null) filters.assigneeId = [s.assigneeId];
  return { from: s.from, to: s.to, filters };
}
