/**
 * Demo data's bulk writes (services/seed.ts, services/refunds/seed.ts): plain
 * prepared statements, prepared once per seeding, so a million tickets and
 * their refunds go in within minutes. The rows are whole — status, times and
 * history as far as each one's age allows — so these inserts bypass the
 * lifecycle's writers on purpose; the clocks are backfilled afterwards.
 */
import { z } from 'zod';
import type { Db } from './open';
import { ROLES, type Channel, type Level, type Role, type Satisfaction, type Status } from '../core/enums';
import type { RefundEventAction, RefundStatus, RefundType } from '../core/refunds/types';
import type { ApproverRole } from '../core/refunds/types';
import { allRows, flag, int, intOrNull, text, value } from './rows';

export interface DemoTicket {
  ticketNo: string;
  channel: Channel;
  receivedAt: number;
  phone: string;
  customerName: string | null;
  city: string;
  district: string;
  categoryId: number;
  level: Level;
  status: Status;
  description: string;
  firstResponderId: number | null;
  assigneeId: number | null;
  assigneeName: string | null;
  department: string | null;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  resolutionNote: string | null;
  satisfaction: Satisfaction | null;
  isRepeat: boolean;
  createdBy: number | null;
}

export interface DemoRefund {
  ticketId: number;
  type: RefundType;
  amountFen: number;
  reason: string;
  status: RefundStatus;
  requiredRole: ApproverRole | null;
  createdAt: number;
  createdBy: number;
  submittedAt: number;
  submittedBy: number;
  decidedAt: number | null;
  decidedBy: number | null;
  decisionNote: string | null;
  executedAt: number | null;
  executedBy: number | null;
  voucherNo: string | null;
}

export interface DemoRefundEvent {
  refundId: number;
  ticketId: number;
  at: number;
  actorId: number;
  action: RefundEventAction;
  fromStatus: RefundStatus | null;
  toStatus: RefundStatus;
  note: string | null;
  details: object;
}

/** A refund's execution clock as the refund rule computed it (not paused, calendar time). */
export interface DemoRefundClock {
  ticketId: number;
  refundId: number;
  startedAt: number;
  limitMs: number;
  stoppedAt: number | null;
  dueAt: number | null;
  warnAt: number | null;
  nextAlertAt: number | null;
  plan: readonly unknown[];
}

/** A seeded ticket as the refunds pass reads it: when it arrived and was answered, who has it, its top-level category. */
export interface DemoRefundCandidate {
  id: number;
  receivedAt: number;
  respondedAt: number | null;
  assigneeId: number | null;
  top: string;
}

/** A seeded ticket settled after missing its first response or resolution: it takes a breach cause. */
export interface DemoBreachedTicket {
  id: number;
  resolvedAt: number;
  assigneeId: number | null;
  top: string;
  missedFirstResponse: boolean;
}

const UserRow = z.object({ id: int, role: z.enum(ROLES) });
const BreachedRow: z.ZodType<DemoBreachedTicket> = z.object({ id: int, resolvedAt: int, assigneeId: intOrNull, top: text, missedFirstResponse: flag });
const CandidateRow: z.ZodType<DemoRefundCandidate> = z.object({ id: int, receivedAt: int, respondedAt: intOrNull, assigneeId: intOrNull, top: text });

export class DemoStore {
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = {
      ticket: db.prepare(`INSERT INTO tickets (ticket_no, channel, received_at, phone, customer_name, city, district,
        category_id, level, status, description, first_responder_id, assignee_id, assignee_name, department, first_response_at,
        resolved_at, closed_at, resolution_note, satisfaction, is_repeat, created_at, created_by, updated_at)
        VALUES (@ticketNo, @channel, @receivedAt, @phone, @customerName, @city, @district, @categoryId, @level, @status, @description,
        @firstResponderId, @assigneeId, @assigneeName, @department, @firstResponseAt, @resolvedAt, @closedAt, @resolutionNote,
        @satisfaction, @isRepeat, @receivedAt, @createdBy, @receivedAt)`),
      createEvent: db.prepare(`INSERT INTO ticket_events (ticket_id, at, actor_id, action, from_status, to_status, note)
        VALUES (?, ?, ?, 'create', NULL, ?, '演示数据')`),
      candidates: db.prepare(`SELECT t.id, t.received_at AS receivedAt, t.first_response_at AS respondedAt, t.assignee_id AS assigneeId,
          coalesce(p.name, c.name) AS top FROM tickets t JOIN categories c ON c.id = t.category_id LEFT JOIN categories p ON p.id = c.parent_id
        WHERE t.id > ? AND t.status <> 'voided' ORDER BY t.id LIMIT ?`),
      refund: db.prepare(`INSERT INTO refunds (ticket_id, type, amount_fen, reason, status, required_role, created_at, created_by,
          submitted_at, submitted_by, decided_at, decided_by, decision_note, executed_at, executed_by, voucher_no)
        VALUES (@ticketId, @type, @amountFen, @reason, @status, @requiredRole, @createdAt, @createdBy,
          @submittedAt, @submittedBy, @decidedAt, @decidedBy, @decisionNote, @executedAt, @executedBy, @voucherNo)`),
      refundEvent: db.prepare(`INSERT INTO refund_events (refund_id, ticket_id, at, actor_id, action, from_status, to_status, note, details)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      breachCause: db.prepare('INSERT INTO ticket_breach_causes (ticket_id, cause, detail, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)'),
      refundClock: db.prepare(`INSERT INTO ticket_clocks (ticket_id, clock, subject_id, rule_id, started_at, limit_ms, business, pauses,
          stopped_at, cancelled, due_at, warn_at, next_alert_at, plan)
        VALUES (?, 'refund', ?, 'refunds.executeWithinHours', ?, ?, 0, '[]', ?, 0, ?, ?, ?, ?)`),
    };
  }

  /** Inserts a ticket (received, created and last updated at `receivedAt`) with its `create` event; returns its id. */
  insertTicket(t: DemoTicket): number {
    const id = Number(this.stmts.ticket.run({ ...t, isRepeat: t.isRepeat ? 1 : 0 }).lastInsertRowid);
    this.stmts.createEvent.run(id, t.receivedAt, t.createdBy, t.status);
    return id;
  }

  /** Active accounts, in the order they were made (the demo picks among them by a seeded random, so the order is part of the data). */
  activeUsers(): Array<{ id: number; role: Role }> {
    return allRows(UserRow, this.db.prepare('SELECT id, role FROM users WHERE active = 1 ORDER BY id'));
  }

  /** Up to `limit` tickets after `afterId` (voided ones out), by id. */
  refundCandidates(afterId: number, limit: number): DemoRefundCandidate[] {
    return allRows(CandidateRow, this.stmts.candidates, afterId, limit);
  }

  insertRefund(r: DemoRefund): number {
    return Number(this.stmts.refund.run(r).lastInsertRowid);
  }

  addRefundEvent(e: DemoRefundEvent): void {
    this.stmts.refundEvent.run(e.refundId, e.ticketId, e.at, e.actorId, e.action, e.fromStatus, e.toStatus, e.note, JSON.stringify(e.details));
  }

  addRefundClock(c: DemoRefundClock): void {
    this.stmts.refundClock.run(c.ticketId, c.refundId, c.startedAt, c.limitMs, c.stoppedAt, c.dueAt, c.warnAt, c.nextAlertAt, JSON.stringify(c.plan));
  }

  /**
   * Resolved tickets after `afterId` whose first response or resolution clock
   * stopped past its due time (the rule a settler is asked for a cause by,
   * ClockStore.missedFirstResponseOrResolution), by id.
   */
  breachedSettled(afterId: number): DemoBreachedTicket[] {
    const missed = (clock: string) => `EXISTS (SELECT 1 FROM ticket_clocks k WHERE k.ticket_id = t.id AND k.subject_id = 0 AND k.cancelled = 0
      AND k.untimed = 0 AND k.clock = '${clock}' AND k.due_at IS NOT NULL AND coalesce(k.stopped_at, t.resolved_at) > k.due_at)`;
    return allRows(
      BreachedRow,
      this.db.prepare(
        `SELECT t.id, t.resolved_at AS resolvedAt, t.assignee_id AS assigneeId, coalesce(p.name, c.name) AS top,
           ${missed('first_response')} AS missedFirstResponse
         FROM tickets t JOIN categories c ON c.id = t.category_id LEFT JOIN categories p ON p.id = c.parent_id
         WHERE t.id > ? AND t.resolved_at IS NOT NULL AND t.status <> 'voided' AND (${missed('first_response')} OR ${missed('resolution')})
         ORDER BY t.id`,
      ),
      afterId,
    );
  }

  insertBreachCause(c: { ticketId: number; cause: string; detail: string | null; at: number; by: number }): void {
    this.stmts.breachCause.run(c.ticketId, c.cause, c.detail, c.at, c.by);
  }

  /** Marks the tickets after `afterId` (the ones this seeding made) as demo tickets (migration 0023). */
  markDemo(afterId: number): void {
    this.db.prepare('UPDATE tickets SET is_demo = 1 WHERE id > ?').run(afterId);
  }
}

/** How many demo tickets there are (their partial index). */
export function demoTicketCount(db: Db): number {
  return value(int, db.prepare('SELECT count(*) AS n FROM tickets INDEXED BY tickets_demo WHERE is_demo = 1')) ?? 0;
}

/**
 * Deletes every demo ticket with everything that hangs on it — history,
 * clocks, alerts, refunds (reversals first) and their history, checklist
 * ticks, 12580 facts, breach causes, dispatch proposals — and nothing else:
 * migration 0023's triggers let through only a demo ticket's rows. The caller
 * runs it in one transaction; a table added later that names a ticket and is
 * not listed here makes the foreign key refuse the whole deletion rather than
 * leave a row pointing nowhere. Returns how many tickets went.
 */
export function deleteDemoTickets(db: Db): { tickets: number; refunds: number } {
  const demo = 'SELECT id FROM tickets WHERE is_demo = 1';
  const run = (sql: string) => db.prepare(sql).run().changes;
  for (const table of ['alerts', 'ticket_clocks', 'ticket_checks', 'delivery_facts', 'ticket_breach_causes', 'dispatch_proposals', 'dispatch_transfer_proposals', 'refund_events']) {
    run(`DELETE FROM ${table} WHERE ticket_id IN (${demo})`);
  }
  const refunds =
    run(`DELETE FROM refunds WHERE reverses_id IS NOT NULL AND ticket_id IN (${demo})`) + run(`DELETE FROM refunds WHERE ticket_id IN (${demo})`);
  run(`DELETE FROM ticket_events WHERE ticket_id IN (${demo})`);
  const tickets = run('DELETE FROM tickets WHERE is_demo = 1');
  return { tickets, refunds };
}
