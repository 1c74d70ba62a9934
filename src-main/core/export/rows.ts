/**
 * A stored row becomes a bundle row: instants as ISO-8601 with the branch's
 * offset, personal data masked by the policy, flags as booleans. And which of
 * a ticket's or a refund's clocks count as breaches at the export's instant,
 * by the same rule as the reports (missed at ≤ then; voided tickets never count).
 */
import { isoFormatter } from './iso';
import { nameOut, phoneOut, textOut, type MaskPolicy } from './mask';
import { KPI_DEFINITIONS, KPI_IDS, type KpiId } from '../reports/definitions';
import type { KpiSet } from '../reports/model';

export interface TicketExportRaw {
  ticket_no: string;
  channel: string;
  received_at: number;
  phone: string;
  customer_name: string | null;
  city: string | null;
  district: string | null;
  category: string;
  level: string;
  status: string;
  department: string | null;
  assignee: string | null;
  first_response_at: number | null;
  resolved_at: number | null;
  closed_at: number | null;
  satisfaction: string | null;
  is_repeat: number;
  is_collective: number;
  reopen_count: number;
  root_cause: string | null;
  description: string;
  fr_missed_at: number | null;
  res_missed_at: number | null;
  fu_missed_at: number | null;
}

export interface RefundExportRaw {
  refund_id: number;
  ticket_no: string;
  channel: string;
  type: string;
  amount_fen: number;
  status: string;
  reverses_id: number | null;
  submitted_at: number | null;
  decided_at: number | null;
  executed_at: number | null;
  execute_due_at: number | null;
  voucher_no: string | null;
  reason: string;
  category: string;
  department: string | null;
  assignee: string | null;
}


export type Row = Record<string, string | number | boolean | null>;

const formatters = new Map<string, (ms: number) => string>();
const iso = (ms: number | null, zone: string) => {
  if (ms === null) return null;
  let f = formatters.get(zone);
  if (!f) formatters.set(zone, (f = isoFormatter(zone)));
  return f(ms);
};

export function ticketRow(t: TicketExportRaw, mask: MaskPolicy, zone: string): Row {
  return {
    ticket_no: t.ticket_no,
    channel: t.channel,
    received_at: iso(t.received_at, zone),
    phone: phoneOut(t.phone, mask),
    customer_name: nameOut(t.customer_name, mask),
    city: t.city,
    district: t.district,
    category: t.category,
    level: t.level,
    status: t.status,
    department: t.department,
    assignee: t.assignee,
    first_response_at: iso(t.first_response_at, zone),
    resolved_at: iso(t.resolved_at, zone),
    closed_at: iso(t.closed_at, zone),
    satisfaction: t.satisfaction,
    is_repeat: t.is_repeat === 1,
    is_collective: t.is_collective === 1,
    reopen_count: t.reopen_count,
    root_cause: textOut(t.root_cause, mask),
    description: textOut(t.description, mask),
  };
}

/** The ticket's own clocks it had missed at `at`: first response, resolution, follow-up, in that order. */
export function ticketBreaches(t: TicketExportRaw, at: number, mask: MaskPolicy, zone: string): Row[] {
  if (t.status === 'voided') return [];
  const clocks: Array<[string, number | null, number | null]> = [
    ['first_response', t.fr_missed_at, t.first_response_at],
    ['resolution', t.res_missed_at, t.resolved_at],
    ['follow_up', t.fu_missed_at, t.closed_at],
  ];
  return clocks
    .filter(([, missedAt]) => missedAt !== null && missedAt <= at)
    .map(([clock, dueAt, stoppedAt]) => ({
      ticket_no: t.ticket_no,
      channel: t.channel,
      clock,
      due_at: iso(dueAt, zone),
      stopped_at: iso(stoppedAt, zone),
      category: t.category,
      department: t.department,
      assignee: t.assignee,
      root_cause: textOut(t.root_cause, mask),
    }));
}

export function refundRow(r: RefundExportRaw, mask: MaskPolicy, zone: string): Row {
  return {
    refund_id: r.refund_id,
    ticket_no: r.ticket_no,
    channel: r.channel,
    type: r.type,
    amount_fen: r.amount_fen,
    status: r.status,
    reverses_id: r.reverses_id,
    submitted_at: iso(r.submitted_at, zone),
    decided_at: iso(r.decided_at, zone),
    executed_at: iso(r.executed_at, zone),
    execute_due_at: iso(r.execute_due_at, zone),
    voucher_no: r.voucher_no,
    reason: textOut(r.reason, mask),
  };
}

/** An approved entry not executed by its deadline (executed late, or still waiting past it at `at`). */
export function refundBreach(r: RefundExportRaw, at: number, mask: MaskPolicy, zone: string): Row | null {
  const due = r.execute_due_at;
  if (due === null || r.reverses_id !== null || (r.status !== 'approved' && r.status !== 'executed')) return null;
  const late = r.executed_at !== null ? r.executed_at > due : due <= at;
  if (!late) return null;
  return {
    ticket_no: r.ticket_no,
    channel: r.channel,
    clock: 'refund',
    due_at: iso(due, zone),
    stopped_at: iso(r.executed_at, zone),
    category: r.category,
    department: r.department,
    assignee: r.assignee,
    root_cause: textOut(r.reason, mask),
  };
}

const UNIT: Record<string, string> = { count: 'count', per10k: 'per10k', rate: 'rate', mean: 'duration_ms', median: 'duration_ms' };

/** One row per KPI: this period, the one before, the same period last year. */
export function kpiRows(current: KpiSet, previous: KpiSet, lastYear: KpiSet): Row[] {
  return KPI_IDS.map((id: KpiId) => ({
    kpi: id,
    unit: UNIT[KPI_DEFINITIONS[id].kind] ?? 'count',
    current: current[id],
    previous: previous[id],
    last_year: lastYear[id],
  }));
}

/** A stored volume warning as the bundle carries it: the figures it was raised with, rounded to 2 decimals. */
export interface WarningExportRaw {
  raisedAt: number;
  category: string;
  scope: string;
  count: number;
  baseline: number | null;
  threshold: number | null;
  level: string;
}

const round2 = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

export function warningRow(w: WarningExportRaw, zone: string): Row {
  return {
    raised_at: iso(w.raisedAt, zone),
    category: w.category,
    scope: w.scope,
    count: w.count,
    baseline: round2(w.baseline),
    threshold: round2(w.threshold),
    level: w.level,
  };
}
