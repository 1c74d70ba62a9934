/**
 * The measures the branch's QC studies set for themselves, defined once here
 * (docs/KPIS.md, "QC measures", says the same in words): SP replies within
 * 1 h and 4 h, refunds executed within 72 h counted from the complaint,
 * repeat complaints caused by a refund still waiting, the daily backlog rate
 * (工单堆积率) and the mean handling time per category against a target.
 * Pure: the service hands in plain rows and the instant `at`.
 */
import { mean, rate } from './rates';
import { backlogDays, type BacklogDay, type BacklogSpan } from './qc-backlog';

export type { BacklogDay, BacklogSpan } from './qc-backlog';

const HOUR = 3_600_000;

/** The top-level category of SP (value-added service) complaints. */
export const SP_GROUP = '增值业务';

/** The studies' targets. */
export const QC_TARGETS = {
  /** SP replies within 1 h: at least 70 % of SP tickets. */
  spReply1hRate: { op: '>=', value: 0.7 },
  /** SP replies within 4 h: all of them. */
  spReply4hRate: { op: '>=', value: 1 },
  /** Refunds executed within 72 h of the complaint: all of them. */
  refundFromComplaintRate: { op: '>=', value: 1 },
  /** Repeat complaints caused by a refund delay: under 5 %. */
  refundDelayRepeatRate: { op: '<', value: 0.05 },
  /** 工单堆积率: at most 3 %. */
  backlogRate: { op: '<=', value: 0.03 },
} as const;

export const SP_REPLY_LIMITS_MS = { within1h: 1 * HOUR, within4h: 4 * HOUR } as const;
/** A refund is executed in time when done within 72 h of the complaint's receipt. */
export const REFUND_FROM_COMPLAINT_MS = 72 * HOUR;
/** Mean handling per category: at most 3 h, unless the branch sets a target for the category. */
export const DEFAULT_HANDLING_TARGET_MS = 3 * HOUR;

export interface QcTicket {
  id: number;
  /**
   * The caller's number. Given for every repeat complaint and every ticket of
   * `history`; the range's other tickets may have none: the only complaints a
   * repeat is compared with are its caller's, and those of them received in
   * the range are in `history` too.
   */
  phone: string | null;
  receivedAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  /** The top-level category's name (a sub-category counts under its parent). */
  topCategory: string;
  /** In the SP group (增值业务, SP_GROUP). */
  sp: boolean;
  repeat: boolean;
}

export interface QcRefund {
  ticketId: number;
  ticketReceivedAt: number;
  /** When the entry was written (a refund the customer is waiting on from then). */
  createdAt: number;
  approvedAt: number | null;
  executedAt: number | null;
  /** Rejected entries are not a delay. */
  rejected: boolean;
}

export interface QcInput {
  at: number;
  /** [fromMs, toMs): the tickets received in it are the range's. */
  fromMs: number;
  toMs: number;
  /** Tickets received in the range (voided ones left out by the caller). */
  tickets: readonly QcTicket[];
  /** Tickets open at some moment of the range, received before it too (for the backlog). */
  backlogTickets: readonly BacklogSpan[];
  /** Earlier tickets of the range's repeat callers with their refunds (for the refund-delay repeats). */
  history: readonly QcTicket[];
  /** Refund entries (reversals and drafts left out) of the range's tickets and of `history`. */
  refunds: readonly QcRefund[];
  /** Refund entries approved in the range (decided, then approved or executed) of tickets that pass the filters. */
  approvedRefunds: readonly QcRefund[];
  /** Each local day of the range with the instant it ends. */
  days: readonly { day: string; endMs: number }[];
  /** Targets per top-level category name; DEFAULT_HANDLING_TARGET_MS for the rest. */
  handlingTargets?: Readonly<Record<string, number>>;
}

export interface RateCount {
  count: number;
  of: number;
  rate: number | null;
}

export interface CategoryHandling {
  category: string;
  handled: number;
  meanMs: number | null;
  targetMs: number;
  met: boolean | null;
}

export interface QcMeasures {
  spReply1h: RateCount;
  spReply4h: RateCount;
  /** Refunds approved in the range executed within 72 h of their complaint (the report's refunds count from approval). */
  refundFromComplaint: RateCount;
  refundDelayRepeat: RateCount;
  /** Day by day, and over the range: overdue open tickets ÷ open tickets, summed over its days. */
  backlog: { days: BacklogDay[]; overall: RateCount };
  handlingByCategory: CategoryHandling[];
}

const rc = (count: number, of: number): RateCount => ({ count, of, rate: rate(count, of) });

/**
 * An SP ticket counts once its limit has passed or it has been answered:
 * answered within the limit is in time, answered later or not yet answered
 * past it is not.
 */
function spReply(tickets: readonly QcTicket[], limitMs: number, at: number): RateCount {
  let inTime = 0;
  let due = 0;
  for (const t of tickets) {
    if (!t.sp) continue;
    const deadline = t.receivedAt + limitMs;
    if (t.firstResponseAt === null && deadline > at) continue;
    due++;
    if (t.firstResponseAt !== null && t.firstResponseAt <= deadline) inTime++;
  }
  return rc(inTime, due);
}

/** Refunds approved in the range: executed within 72 h of the complaint ÷ executed or past those 72 h at `at`. */
function refundFromComplaint(input: QcInput): RateCount {
  let inTime = 0;
  let due = 0;
  for (const r of input.approvedRefunds) {
    if (r.rejected || r.approvedAt === null || r.approvedAt < input.fromMs || r.approvedAt >= input.toMs) continue;
    const deadline = r.ticketReceivedAt + REFUND_FROM_COMPLAINT_MS;
    if (r.executedAt === null && deadline > input.at) continue;
    due++;
    if (r.executedAt !== null && r.executedAt <= deadline) inTime++;
  }
  return rc(inTime, due);
}

/**
 * A repeat complaint is caused by a refund delay when the same phone had an
 * earlier complaint with a refund entry written before this one arrived and
 * not executed by then. Counted over every ticket received in the range.
 */
function refundDelayRepeat(input: QcInput): RateCount {
  const refundsOf = new Map<number, QcRefund[]>();
  for (const r of input.refunds) {
    if (r.rejected) continue;
    const list = refundsOf.get(r.ticketId) ?? [];
    list.push(r);
    refundsOf.set(r.ticketId, list);
  }
  // Earlier complaints are looked up by phone: scanning every ticket for each
  // repeat was quadratic (about 40 s for a month of a two-year file).
  const byPhone = new Map<string, QcTicket[]>();
  for (const e of [...input.history, ...input.tickets]) {
    if (e.phone === null) continue;
    const list = byPhone.get(e.phone);
    if (list) list.push(e);
    else byPhone.set(e.phone, [e]);
  }
  let caused = 0;
  for (const t of input.tickets) {
    if (!t.repeat) continue;
    if (t.phone === null) throw new Error(`repeat complaint ${t.id} was read without its phone number`);
    const waiting = (byPhone.get(t.phone) ?? []).some(
      (e) =>
        e.phone === t.phone &&
        e.id !== t.id &&
        e.receivedAt < t.receivedAt &&
        (refundsOf.get(e.id) ?? []).some((r) => r.createdAt < t.receivedAt && (r.executedAt === null || r.executedAt > t.receivedAt)),
    );
    if (waiting) caused++;
  }
  return rc(caused, input.tickets.length);
}

/** 工单堆积率 of each day and over the range (core/reports/qc-backlog.ts). */
function backlog(input: QcInput): QcMeasures['backlog'] {
  const { days, open, overdue } = backlogDays({ at: input.at, fromMs: input.fromMs, days: input.days, spans: input.backlogTickets });
  return { days, overall: rc(overdue, open) };
}

/** Mean (resolved − received) per top-level category, largest count first, against its target. */
function handlingByCategory(input: QcInput): CategoryHandling[] {
  const sums = new Map<string, { n: number; sum: number }>();
  for (const t of input.tickets) {
    const s = sums.get(t.topCategory) ?? { n: 0, sum: 0 };
    if (t.resolvedAt !== null) {
      s.n++;
      s.sum += Math.max(0, t.resolvedAt - t.receivedAt);
    }
    sums.set(t.topCategory, s);
  }
  return [...sums.entries()]
    .map(([category, s]) => {
      const targetMs = input.handlingTargets?.[category] ?? DEFAULT_HANDLING_TARGET_MS;
      const meanMs = mean(s.sum, s.n);
      return { category, handled: s.n, meanMs, targetMs, met: meanMs === null ? null : meanMs <= targetMs };
    })
    .sort((a, b) => b.handled - a.handled || a.category.localeCompare(b.category, 'zh-CN'));
}

export function qcMeasures(input: QcInput): QcMeasures {
  return {
    spReply1h: spReply(input.tickets, SP_REPLY_LIMITS_MS.within1h, input.at),
    spReply4h: spReply(input.tickets, SP_REPLY_LIMITS_MS.within4h, input.at),
    refundFromComplaint: refundFromComplaint(input),
    refundDelayRepeat: refundDelayRepeat(input),
    backlog: backlog(input),
    handlingByCategory: handlingByCategory(input),
  };
}

/** A measure with a rate target (QC_TARGETS). */
export type QcRateId = keyof typeof QC_TARGETS;
export const QC_RATE_IDS: readonly QcRateId[] = ['spReply1hRate', 'spReply4hRate', 'refundFromComplaintRate', 'refundDelayRepeatRate', 'backlogRate'];

export interface QcCheck extends RateCount {
  id: QcRateId;
  op: '>=' | '<' | '<=';
  target: number;
  /** null when nothing was counted (no rate). */
  met: boolean | null;
}

/** Whether a rate meets its target; null without a rate. */
export function qcMeetsTarget(id: QcRateId, rate: number | null): boolean | null {
  if (rate === null) return null;
  const t = QC_TARGETS[id];
  return t.op === '>=' ? rate >= t.value : t.op === '<' ? rate < t.value : rate <= t.value;
}

/** Each rate measure with its target and whether it is met, in the studies' order. */
export function qcChecks(m: QcMeasures): QcCheck[] {
  const counts: Record<QcRateId, RateCount> = {
    spReply1hRate: m.spReply1h,
    spReply4hRate: m.spReply4h,
    refundFromComplaintRate: m.refundFromComplaint,
    refundDelayRepeatRate: m.refundDelayRepeat,
    backlogRate: m.backlog.overall,
  };
  return QC_RATE_IDS.map((id) => ({ id, ...counts[id], op: QC_TARGETS[id].op, target: QC_TARGETS[id].value, met: qcMeetsTarget(id, counts[id].rate) }));
}
