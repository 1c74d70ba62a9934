/**
 * Where a click on a chart leads: the ticket list, filtered to the tickets the
 * clicked bar, slice or cell counts — the report's range and filters, plus the
 * segment's own (a day, a category, a channel, a department, an hour of a
 * weekday, a missed clock). See tickets/reportDrill.ts for the other end.
 */
import type { Channel } from '../api/types';
import { STATUSES } from '../../src-main/core/enums';
import { fromLocalInput } from '../lib/time';
import { ticketsHref } from '../state/route';
import type { Missed } from '../tickets/reportDrill';
import type { ReportState } from './reportState';

export interface Segment {
  day?: string;
  categoryId?: number;
  channel?: Channel;
  department?: string;
  slot?: { weekday: number; hour: number };
  missed?: Missed;
  /** A breach cause's code (the causes' Pareto). */
  breachCause?: string;
}

const nextDay = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};
const COUNTED = STATUSES.filter((st) => st !== 'voided').join(',');
const midnight = (day: string, zone: string) => fromLocalInput(`${day}T00:00`, zone);

export function drillHref(s: ReportState, zone: string, seg: Segment): string {
  const from = seg.day ?? s.from;
  const to = seg.day ?? s.to;
  const p: Record<string, string | undefined> = {
    rf: String(midnight(from, zone)),
    rt: String(midnight(nextDay(to), zone)),
    cat: seg.categoryId !== undefined ? String(seg.categoryId) : s.categoryId !== null ? String(s.categoryId) : undefined,
    channel: seg.channel ?? s.channel ?? undefined,
    district: s.district ?? undefined,
    dept: seg.department ?? s.department ?? undefined,
    assignee: s.assigneeId !== null ? String(s.assigneeId) : undefined,
    missed: seg.missed,
    cause: seg.breachCause,
    slot: seg.slot ? `${seg.slot.weekday}:${seg.slot.hour}` : undefined,
    // Reports never count voided tickets; neither does the list they open.
    status: COUNTED,
    // Nor demo tickets once real ones exist (the server decides; the chip shows when it matters).
    nodemo: '1',
  };
  return ticketsHref(p);
}
