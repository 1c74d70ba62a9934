/**
 * Writes tickets and their history. Every change goes through `update`, which
 * checks the version the caller read (so two supervisors cannot silently
 * overwrite each other) and appends the event in the same statement batch; the
 * service wraps both in one transaction.
 */
import type { Db } from './open';
import { DomainError } from '../core/errors';
import type { Channel, Level, Satisfaction, Status } from '../core/enums';
import type { TicketClockColumns } from '../core/sla/ticket-columns';

export interface NewTicketRow {
  ticketNo: string;
  channel: Channel;
  receivedAt: number;
  phone: string;
  customerName: string | null;
  city: string | null;
  district: string | null;
  categoryId: number;
  level: Level;
  status: Status;
  description: string;
  firstResponderId: number | null;
  /** Kept as written when the first responder has no account here (an imported ticket). */
  firstResponderName?: string | null;
  assigneeId: number | null;
  assigneeName: string | null;
  department: string | null;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  satisfaction: Satisfaction | null;
  isRepeat: boolean;
  isCollective: boolean;
  createdAt: number;
  createdBy: number | null;
  /**
   * The columns kept from the ticket's clocks, when the writer computed its clocks before inserting it
   * (an import); absent, they start empty and the clock hook fills them.
   */
  clockColumns?: TicketClockColumns | null;
  /**
   * Its resolution clock's due time, when the writer computed its clocks before inserting it (an import):
   * otherwise the trigger on ticket_clocks (migration 0028) writes it into the row once the clock comes.
   */
  resolutionDueAt?: number | null;
}

const MAX_KEPT_UPDATES = 256;

const NO_CLOCK_COLUMNS: TicketClockColumns = { dueAt: null, dueClock: null, warnAt: null, frMissedAt: null, resMissedAt: null, resMetAt: null, fuMissedAt: null };

/** Column for each patchable field: the only names that reach the SQL. */
const COLUMN: Record<string, string> = {
  status: 'status',
  level: 'level',
  channel: 'channel',
  receivedAt: 'received_at',
  phone: 'phone',
  customerName: 'customer_name',
  city: 'city',
  district: 'district',
  categoryId: 'category_id',
  description: 'description',
  assigneeId: 'assignee_id',
  assigneeName: 'assignee_name',
  department: 'department',
  collaborators: 'collaborators',
  firstResponderId: 'first_responder_id',
  firstResponderName: 'first_responder_name',
  firstResponseAt: 'first_response_at',
  resolvedAt: 'resolved_at',
  closedAt: 'closed_at',
  resolutionNote: 'resolution_note',
  rootCause: 'root_cause',
  satisfaction: 'satisfaction',
  isRepeat: 'is_repeat',
  isCollective: 'is_collective',
  reopenCount: 'reopen_count',
  voidReason: 'void_reason',
};

export interface EventRow {
  ticketId: number;
  at: number;
  actorId: number | null;
  action: string;
  fromStatus: Status | null;
  toStatus: Status | null;
  changes: Record<string, [unknown, unknown]>;
  note: string | null;
}

function toSql(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Array.isArray(value)) return JSON.stringify(value);
  return value ?? null;
}

export class TicketWriter {
  private readonly insertStmt;
  private readonly eventStmt;
  /** An update statement per set of columns, prepared once: an import's repeat and collective flags update thousands of tickets. */
  private readonly updateStmts = new Map<string, ReturnType<Db['prepare']>>();

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(`INSERT INTO tickets (
      ticket_no, channel, received_at, phone, customer_name, city, district, category_id, level, status,
      description, first_responder_id, first_responder_name, assignee_id, assignee_name, department, first_response_at, resolved_at,
      closed_at, satisfaction, is_repeat, is_collective, created_at, created_by, updated_at,
      due_at, due_clock, warn_at, fr_missed_at, res_missed_at, res_met_at, fu_missed_at, resolution_due_at)
      VALUES (@ticketNo, @channel, @receivedAt, @phone, @customerName, @city, @district, @categoryId, @level, @status,
      @description, @firstResponderId, @firstResponderName, @assigneeId, @assigneeName, @department, @firstResponseAt, @resolvedAt,
      @closedAt, @satisfaction, @isRepeat, @isCollective, @createdAt, @createdBy, @createdAt,
      @dueAt, @dueClock, @warnAt, @frMissedAt, @resMissedAt, @resMetAt, @fuMissedAt, @resolutionDueAt)`);
    this.eventStmt = db.prepare(`INSERT INTO ticket_events
      (ticket_id, at, actor_id, action, from_status, to_status, changes, note)
      VALUES (@ticketId, @at, @actorId, @action, @fromStatus, @toStatus, @changes, @note)`);
  }

  insert(row: NewTicketRow): number {
    const { clockColumns, ...fields } = row;
    const info = this.insertStmt.run({
      firstResponderName: null,
      resolutionDueAt: null,
      ...fields,
      ...(clockColumns ?? NO_CLOCK_COLUMNS),
      isRepeat: row.isRepeat ? 1 : 0,
      isCollective: row.isCollective ? 1 : 0,
    });
    return Number(info.lastInsertRowid);
  }

  /** Apply a patch if the ticket is still at `expectedVersion`; refuse otherwise. */
  update(id: number, expectedVersion: number, patch: Record<string, unknown>, at: number): void {
    const entries = Object.entries(patch).filter(([k]) => k in COLUMN);
    const sets = entries.map(([k]) => `${COLUMN[k]} = @p_${k}`);
    const params: Record<string, unknown> = { id, version: expectedVersion, at };
    for (const [k, v] of entries) params[`p_${k}`] = toSql(v);
    const sql = `UPDATE tickets SET ${[...sets, 'updated_at = @at', 'version = version + 1'].join(', ')} WHERE id = @id AND version = @version`;
    let stmt = this.updateStmts.get(sql);
    if (!stmt) {
      // Bounded: a few dozen sets of columns in practice; a pathological mix starts the cache over.
      if (this.updateStmts.size >= MAX_KEPT_UPDATES) this.updateStmts.clear();
      this.updateStmts.set(sql, (stmt = this.db.prepare(sql)));
    }
    const info = stmt.run(params);
    if (info.changes !== 1) throw new DomainError('conflict', { id });
  }

  /** Returns the event's id. */
  addEvent(e: EventRow): number {
    return Number(this.eventStmt.run({ ...e, changes: JSON.stringify(e.changes) }).lastInsertRowid);
  }
}
