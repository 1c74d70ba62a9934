/**
 * Databases as earlier versions of the console left them, written with plain
 * SQL (the services write only today's schema): a version-1 database with a
 * ticket in every status and its history, and the refunds a version-3 one may
 * hold. The migration tests build the previous version from these through the
 * (frozen) migrations before it and upgrade it by one.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from '../../../src-main/db/migrate';
import { MIGRATIONS } from '../../../src-main/db/migrations';
import { PINNED_NOW } from '../../helpers/temp-db';

export const H = 3_600_000;
/** An instant `h` hours after the fixture's first ticket arrives. */
export const at = (h: number) => PINNED_NOW + h * H;

/** A database at schema `version` holding nothing yet. */
export function emptyAt(dir: string, version: number): Database.Database {
  const db = new Database(path.join(dir, 'desk.db'));
  migrate(db, MIGRATIONS.slice(0, version));
  return db;
}

/** Bring a fixture database from its version to `version` through the released migrations. */
export function upgradeTo(db: Database.Database, version: number): number {
  return migrate(db, MIGRATIONS.slice(0, version));
}

export const ADMIN = 1;
export const AGENT = 2;
/** Categories: 网络质量 > 信号覆盖, and 增值业务 > SP扣费 (the SP rule's category and its child). */
export const SIGNAL = 2;
export const SP_CHILD = 4;

type Step = [action: string, from: string | null, to: string | null, atH: number];
interface OldTicket {
  no: string;
  channel: string;
  level: 'normal' | 'major';
  category: number;
  /** The history after 'create' (at 0 h), oldest first; the last status change is the ticket's status. */
  steps: Step[];
  firstResponseH?: number;
  resolvedH?: number;
  closedH?: number;
  satisfaction?: string;
  reopens?: number;
  voidReason?: string;
}

/** One ticket in each of the eight statuses, two of them voided from different points (ids 1–10, in order). */
export const EVERY_STATUS: OldTicket[] = [
  { no: 'GD-new', channel: '10086', level: 'normal', category: SIGNAL, steps: [] },
  { no: 'GX-accepted', channel: '12300', level: 'normal', category: SIGNAL, steps: [['accept', 'new', 'accepted', 0.5]], firstResponseH: 0.5 },
  {
    no: 'GD-major-in-progress',
    channel: '10086',
    level: 'major',
    category: SIGNAL,
    steps: [
      ['accept', 'new', 'accepted', 1],
      ['start', 'accepted', 'in_progress', 2],
    ],
    firstResponseH: 1,
  },
  {
    no: 'GD-pending',
    channel: '10086',
    level: 'normal',
    category: SIGNAL,
    steps: [
      ['accept', 'new', 'accepted', 1],
      ['pend', 'accepted', 'pending_customer', 2],
    ],
    firstResponseH: 1,
  },
  {
    no: 'JT-responded',
    channel: '10080',
    level: 'normal',
    category: SIGNAL,
    steps: [
      ['accept', 'new', 'accepted', 1],
      ['pend', 'accepted', 'pending_customer', 2],
      ['resume', 'pending_customer', 'in_progress', 5],
      ['respond', 'in_progress', 'responded', 6],
    ],
    firstResponseH: 1,
  },
  {
    no: 'GD-sp-resolved',
    channel: '10086',
    level: 'normal',
    category: SP_CHILD,
    steps: [
      ['accept', 'new', 'accepted', 0.5],
      ['resolve', 'accepted', 'resolved', 3],
    ],
    firstResponseH: 0.5,
    resolvedH: 3,
  },
  {
    no: 'YT-closed',
    channel: 'store',
    level: 'normal',
    category: SIGNAL,
    steps: [
      ['accept', 'new', 'accepted', 1],
      ['resolve', 'accepted', 'resolved', 10],
      ['close', 'resolved', 'closed', 20],
    ],
    firstResponseH: 1,
    resolvedH: 10,
    closedH: 20,
    satisfaction: 'satisfied',
  },
  {
    no: 'GD-reopened-closed',
    channel: '10086',
    level: 'normal',
    category: SIGNAL,
    steps: [
      ['accept', 'new', 'accepted', 1],
      ['resolve', 'accepted', 'resolved', 5],
      ['close', 'resolved', 'closed', 6],
      ['reopen', 'closed', 'in_progress', 30],
      ['resolve', 'in_progress', 'resolved', 40],
      ['close', 'resolved', 'closed', 41],
    ],
    firstResponseH: 1,
    resolvedH: 40,
    closedH: 41,
    satisfaction: 'basically_satisfied',
    reopens: 1,
  },
  { no: 'GD-voided-new', channel: '10086', level: 'normal', category: SIGNAL, steps: [['void', 'new', 'voided', 3]], voidReason: '录错' },
  {
    no: 'GD-voided-resolved',
    channel: '10086',
    level: 'normal',
    category: SIGNAL,
    steps: [
      ['accept', 'new', 'accepted', 1],
      ['resolve', 'accepted', 'resolved', 2],
      ['void', 'resolved', 'voided', 5],
    ],
    firstResponseH: 1,
    resolvedH: 2,
    voidReason: '重复工单',
  },
];

/** Users, categories and the tickets with their histories, into a version-1 database. */
export function fillV1(db: Database.Database, tickets: readonly OldTicket[] = EVERY_STATUS, receivedH: (i: number) => number = () => 0): void {
  db.transaction(() => {
    const user = db.prepare(`INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, 'x', ?)`);
    user.run(ADMIN, 'admin', '管理员', 'admin', at(-100));
    user.run(AGENT, 'agent', '坐席', 'agent', at(-100));
    const cat = db.prepare('INSERT INTO categories (id, parent_id, name) VALUES (?, ?, ?)');
    cat.run(1, null, '网络质量');
    cat.run(SIGNAL, 1, '信号覆盖');
    cat.run(3, null, '增值业务');
    cat.run(SP_CHILD, 3, 'SP扣费');
    const ticket = db.prepare(`INSERT INTO tickets (ticket_no, channel, received_at, phone, category_id, level, status, description,
        assignee_id, first_response_at, resolved_at, closed_at, satisfaction, reopen_count, void_reason, created_at, created_by, updated_at, version)
      VALUES (@no, @channel, @received, '13800000000', @category, @level, @status, '信号差', @assignee, @fr, @res, @closed, @sat, @reopens,
        @void, @received, ${ADMIN}, @updated, @version)`);
    const event = db.prepare(`INSERT INTO ticket_events (ticket_id, at, actor_id, action, from_status, to_status) VALUES (?, ?, ?, ?, ?, ?)`);
    tickets.forEach((t, i) => {
      const base = receivedH(i);
      const time = (h: number | undefined) => (h === undefined ? null : at(base + h));
      const last = t.steps.at(-1);
      const id = Number(
        ticket.run({
          no: `${t.no}-${i + 1}`,
          channel: t.channel,
          received: at(base),
          category: t.category,
          level: t.level,
          status: last?.[2] ?? 'new',
          assignee: t.steps.length > 0 ? AGENT : null,
          fr: time(t.firstResponseH),
          res: time(t.resolvedH),
          closed: time(t.closedH),
          sat: t.satisfaction ?? null,
          reopens: t.reopens ?? 0,
          void: t.voidReason ?? null,
          updated: at(base + (last?.[3] ?? 0)),
          version: 1 + t.steps.length,
        }).lastInsertRowid,
      );
      event.run(id, at(base), ADMIN, 'create', null, 'new');
      for (const [action, from, to, h] of t.steps) event.run(id, at(base + h), AGENT, action, from, to);
    });
  })();
}

/**
 * Refund entries in every status a version-3 database may hold, on tickets 6
 * and 7, with their histories, and the execution clock the approved one runs.
 * Returns the ids: draft, pending, approved, rejected, executed, reversal.
 */
export function fillRefundsV3(db: Database.Database): number[] {
  const add = db.prepare(`INSERT INTO refunds (ticket_id, type, amount_fen, reason, status, reverses_id, required_role, created_at, created_by,
      submitted_at, submitted_by, decided_at, decided_by, decision_note, executed_at, executed_by, voucher_no)
    VALUES (@ticket, @type, @fen, @reason, @status, @reverses, @role, @created, ${AGENT}, @submitted, @submittedBy, @decided, @decidedBy, @note,
      @executed, @executedBy, @voucher)`);
  const event = db.prepare(`INSERT INTO refund_events (refund_id, ticket_id, at, actor_id, action, from_status, to_status) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const none = { reverses: null, role: null, submitted: null, submittedBy: null, decided: null, decidedBy: null, note: null, executed: null, executedBy: null, voucher: null };
  const entry = (over: Record<string, unknown>) => Number(add.run({ ...none, ...over }).lastInsertRowid);
  return db.transaction(() => {
    const draft = entry({ ticket: 6, type: 'sp_info_fee', fen: 800, reason: '退信息费', status: 'draft', created: at(1) });
    event.run(draft, 6, at(1), AGENT, 'create', null, 'draft');
    const pending = entry({ ticket: 6, type: 'compensation', fen: 20000, reason: '赔偿', status: 'pending_approval', role: 'manager', created: at(1), submitted: at(2), submittedBy: AGENT });
    event.run(pending, 6, at(2), AGENT, 'submit', 'draft', 'pending_approval');
    const approved = entry({ ticket: 6, type: 'overcharge', fen: 1500, reason: '多收费', status: 'approved', role: 'supervisor', created: at(1), submitted: at(2), submittedBy: AGENT, decided: at(3), decidedBy: ADMIN });
    event.run(approved, 6, at(3), ADMIN, 'approve', 'pending_approval', 'approved');
    const rejected = entry({ ticket: 7, type: 'goodwill_credit', fen: 500, reason: '安抚', status: 'rejected', role: 'supervisor', created: at(11), submitted: at(11), submittedBy: AGENT, decided: at(12), decidedBy: ADMIN, note: '不符合' });
    event.run(rejected, 7, at(12), ADMIN, 'reject', 'pending_approval', 'rejected');
    const executed = entry({ ticket: 7, type: 'overcharge', fen: 3000, reason: '多收费', status: 'executed', role: 'supervisor', created: at(11), submitted: at(11), submittedBy: AGENT, decided: at(12), decidedBy: ADMIN, executed: at(30), executedBy: ADMIN, voucher: 'PZ-1' });
    event.run(executed, 7, at(30), ADMIN, 'execute', 'approved', 'executed');
    const reversal = entry({ ticket: 7, type: 'overcharge', fen: -3000, reason: '冲正', status: 'draft', reverses: executed, created: at(40) });
    event.run(reversal, 7, at(40), ADMIN, 'create', null, 'draft');
    // Execution clocks (72 h from approval) as the refund service writes them: the approved entry's runs, the executed one's stopped.
    const clock = db.prepare(`INSERT INTO ticket_clocks (ticket_id, clock, subject_id, rule_id, started_at, limit_ms, stopped_at, due_at, warn_at,
        next_alert_at, plan) VALUES (?, 'refund', ?, 'refunds.executeWithinHours', ?, ${72 * H}, ?, ?, ?, ?, ?)`);
    const plan = [
      { kind: 'approaching', threshold: 0.8, step: 0, at: at(60.6) },
      { kind: 'breached', threshold: 1, step: 0, at: at(75) },
      { kind: 'escalated', threshold: 1, step: 1, at: at(77) },
      { kind: 'escalated', threshold: 1, step: 2, at: at(79) },
    ];
    clock.run(6, approved, at(3), null, at(75), at(60.6), at(60.6), JSON.stringify(plan));
    clock.run(7, executed, at(12), at(30), at(84), at(69.6), null, '[]');
    return [draft, pending, approved, rejected, executed, reversal];
  })();
}

/** Every row of every table, to show a migration left them as they were. */
export function allRows(db: Database.Database): Record<string, unknown[]> {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>;
  return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]));
}

/**
 * The clocks migration 0002 gives EVERY_STATUS, worked out by hand from the
 * shipped defaults (10086 normal 4 h / 48 h / 24 h; 12300 1 h / 12 h; major
 * 30 min / 24 h; 10080 2 h / 24 h; store normal 2 h / 48 h; SP 1 h / 4 h;
 * warning at 80 %), in hours after the ticket arrived:
 * [ticket, clock, rule, started, limit, pauses, stopped, cancelled, due, warn, next alert].
 */
export const CLOCKS_OF_EVERY_STATUS = [
  [1, 'first_response', '10086-normal', 0, 4, [], null, 0, 4, 3.2, 3.2],
  [1, 'resolution', '10086-normal', 0, 48, [], null, 0, 48, 38.4, 38.4],
  [2, 'first_response', '12300', 0, 1, [], 0.5, 0, 1, 0.8, null],
  [2, 'resolution', '12300', 0, 12, [], null, 0, 12, 9.6, 9.6],
  // Accepted after its 30 minutes: missed, and stopped.
  [3, 'first_response', 'major', 0, 0.5, [], 1, 0, 0.5, 0.4, null],
  [3, 'resolution', 'major', 0, 24, [], null, 0, 24, 19.2, 19.2],
  [4, 'first_response', '10086-normal', 0, 4, [], 1, 0, 4, 3.2, null],
  // Waiting on the customer since 2 h: nobody can say when it falls due.
  [4, 'resolution', '10086-normal', 0, 48, [[2, null]], null, 0, null, null, null],
  [5, 'first_response', '10080', 0, 2, [], 1, 0, 2, 1.6, null],
  // Three hours waiting on the customer move the due time from 24 h to 27 h.
  [5, 'resolution', '10080', 0, 24, [[2, 5]], null, 0, 27, 22.2, 22.2],
  [6, 'first_response', 'sp', 0, 1, [], 0.5, 0, 1, 0.8, null],
  [6, 'resolution', 'sp', 0, 4, [], 3, 0, 4, 3.2, null],
  [6, 'follow_up', 'sp', 3, 24, [], null, 0, 27, 22.2, 22.2],
  [7, 'first_response', 'other-normal', 0, 2, [], 1, 0, 2, 1.6, null],
  [7, 'resolution', 'other-normal', 0, 48, [], 10, 0, 48, 38.4, null],
  [7, 'follow_up', 'other-normal', 10, 24, [], 20, 0, 34, 29.2, null],
  [8, 'first_response', '10086-normal', 0, 4, [], 1, 0, 4, 3.2, null],
  // Reopened at 30 h: the resolution clock runs from the reopening.
  [8, 'resolution', '10086-normal', 30, 48, [], 40, 0, 78, 68.4, null],
  [8, 'follow_up', '10086-normal', 40, 24, [], 41, 0, 64, 59.2, null],
  // Voided before a response: both clocks stop at the voiding and are cancelled.
  [9, 'first_response', '10086-normal', 0, 4, [], 3, 1, 4, 3.2, null],
  [9, 'resolution', '10086-normal', 0, 48, [], 3, 1, 48, 38.4, null],
  [10, 'first_response', '10086-normal', 0, 4, [], 1, 0, 4, 3.2, null],
  [10, 'resolution', '10086-normal', 0, 48, [], 2, 0, 48, 38.4, null],
  [10, 'follow_up', '10086-normal', 2, 24, [], 5, 1, 26, 21.2, null],
] as const;

/**
 * The report outcomes migration 0004 gives EVERY_STATUS from those clocks, by
 * hand, in hours after arrival: [fr_missed_at, res_missed_at, res_met_at, fu_missed_at].
 */
export const OUTCOMES_OF_EVERY_STATUS = [
  [4, 48, null, null], // running: missed at the due times unless they stop first
  [null, 12, null, null],
  [0.5, 24, null, null],
  [null, null, null, null], // paused: no known due time
  [null, 27, null, null],
  [null, null, 3, 27],
  [null, null, 10, null],
  [null, null, 40, null],
  [null, null, null, null], // voided: cancelled clocks count for nothing
  [null, null, 2, null],
] as const;
