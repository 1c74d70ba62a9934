/**
 * Before an admin's new deadline policy is saved: what it would do to the
 * running clocks, computed without writing anything (the stored clocks are
 * the "before", the same computation the save runs is the "after"), and a
 * version of the stored policy, so the save can refuse a policy someone else
 * changed since this preview.
 */
import { createHash } from 'node:crypto';
import { ClockFacts } from '../db/clock-facts';
import { ClockStore } from '../db/clock-store';
import { readSlaConfig } from '../db/sla-config';
import { computeTicketClocks } from '../core/sla/compute';
import { summarizeDueChanges, type DueChange, type DueChangeSummary, type DueOf } from '../core/sla/due-changes';
import { TICKET_CLOCKS, type TicketClockKind } from '../core/sla/policy';
import type { ServiceContext } from './context';
import type { SlaPolicy, SlaPolicyInput } from './sla-policy';

export interface PolicyPreview extends Omit<DueChangeSummary, 'sample'> {
  /** The stored policy this preview was made against: hand it back to save. */
  version: string;
  /** Tickets with a running clock. */
  openTickets: number;
  sample: Array<DueChange & { ticketNo: string }>;
}

/** A short fingerprint of the stored policy (what getPolicy answers): any saved change alters it. */
export function policyVersion(policy: Omit<SlaPolicy, 'version' | 'official' | 'calendarSaved' | 'shippedRules'>): string {
  const { rules, calendar, alerts, pauseOnPending, timeLeft } = policy;
  return createHash('sha256').update(JSON.stringify({ rules, calendar, alerts, pauseOnPending, timeLeft })).digest('hex').slice(0, 16);
}

const isTicketClock = (c: string): c is TicketClockKind => (TICKET_CLOCKS as readonly string[]).includes(c);

/** `policy` must already have passed the save's checks (checkPolicy). */
export function previewDueChanges(ctx: ServiceContext, policy: SlaPolicyInput, version: string, sampleSize = 20): PolicyPreview {
  const stored = readSlaConfig(ctx.db);
  const config = { ...stored, rules: policy.rules, calendar: policy.calendar, alerts: policy.alerts, pauseOnPending: policy.pauseOnPending };
  const facts = new ClockFacts(ctx.db);
  const store = new ClockStore(ctx.db);
  const ids = facts.ticketsWithOpenClocks();
  const before: DueOf[] = [];
  const after: DueOf[] = [];
  const running = (c: { stoppedAt: number | null; cancelled: boolean }) => c.stoppedAt === null && !c.cancelled;
  for (const id of ids) {
    const t = facts.ticket(id);
    if (!t) continue;
    for (const c of store.forTicket(id)) {
      if (isTicketClock(c.clock) && running(c)) before.push({ ticketId: id, clock: c.clock, dueAt: c.dueAt, ruleId: c.ruleId });
    }
    for (const c of computeTicketClocks(t, facts.history(id), config, store.raisedKeys(id))) {
      if (isTicketClock(c.clock) && running(c)) after.push({ ticketId: id, clock: c.clock, dueAt: c.dueAt, ruleId: c.ruleId });
    }
  }
  const summary = summarizeDueChanges(before, after, ctx.now(), sampleSize);
  return {
    ...summary,
    version,
    openTickets: ids.length,
    sample: summary.sample.map((c) => ({ ...c, ticketNo: facts.ticketNo(c.ticketId) ?? String(c.ticketId) })),
  };
}
