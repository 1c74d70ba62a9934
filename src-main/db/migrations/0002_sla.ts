/**
 * Deadline clocks and alerts. Every ticket gets its clocks; the monitor finds
 * its next wake-up through the partial index on next_alert_at, and the ticket
 * list sorts and filters on the denormalised tickets.due_at.
 *
 * Frozen: this file imports nothing from the application (a lint rule keeps it
 * so), so what it does to a user's database never changes with later code.
 * Tickets written before this version get their clocks here from the copy of
 * the deadline rules below, as they stood when the migration was released.
 */
import type Database from 'better-sqlite3';

export const name = 'sla';
export const sql = /* sql */ `
CREATE TABLE ticket_clocks (
  ticket_id     INTEGER NOT NULL REFERENCES tickets(id),
  clock         TEXT NOT NULL CHECK (clock IN ('first_response','resolution','follow_up','refund')),
  -- The refund entry a 'refund' clock belongs to; 0 for the ticket's own clocks.
  subject_id    INTEGER NOT NULL DEFAULT 0,
  rule_id       TEXT,
  started_at    INTEGER NOT NULL,
  limit_ms      INTEGER NOT NULL CHECK (limit_ms > 0),
  business      INTEGER NOT NULL DEFAULT 0 CHECK (business IN (0,1)),
  pauses        TEXT NOT NULL DEFAULT '[]',
  stopped_at    INTEGER,
  cancelled     INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0,1)),
  -- NULL while an open pause makes the due time unknown.
  due_at        INTEGER,
  warn_at       INTEGER,
  next_alert_at INTEGER,
  plan          TEXT NOT NULL DEFAULT '[]',
  PRIMARY KEY (ticket_id, clock, subject_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX ticket_clocks_next_alert ON ticket_clocks(next_alert_at) WHERE next_alert_at IS NOT NULL;
CREATE INDEX ticket_clocks_open_due ON ticket_clocks(due_at) WHERE stopped_at IS NULL AND cancelled = 0;

CREATE TABLE alerts (
  id              INTEGER PRIMARY KEY,
  ticket_id       INTEGER NOT NULL REFERENCES tickets(id),
  clock           TEXT NOT NULL,
  subject_id      INTEGER NOT NULL DEFAULT 0,
  -- The clock's start: a reopened ticket's new resolution cycle may alert again.
  cycle_start     INTEGER NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('approaching','breached','escalated')),
  threshold       REAL NOT NULL,
  step            INTEGER NOT NULL DEFAULT 0,
  target_role     TEXT NOT NULL CHECK (target_role IN ('assignee','supervisor','manager')),
  target_user_id  INTEGER REFERENCES users(id),
  due_at          INTEGER,
  planned_at      INTEGER NOT NULL,
  raised_at       INTEGER NOT NULL,
  acknowledged_at INTEGER,
  acknowledged_by INTEGER REFERENCES users(id),
  UNIQUE (ticket_id, clock, subject_id, cycle_start, kind, threshold, step)
) STRICT;
CREATE INDEX alerts_open ON alerts(acknowledged_at, raised_at);
CREATE INDEX alerts_ticket ON alerts(ticket_id);

ALTER TABLE tickets ADD COLUMN due_at INTEGER;
ALTER TABLE tickets ADD COLUMN due_clock TEXT;
ALTER TABLE tickets ADD COLUMN warn_at INTEGER;
CREATE INDEX tickets_due ON tickets(due_at, received_at) WHERE due_at IS NOT NULL;
`;

const H = 3_600_000;
const ESCALATION_DELAY_MS = 2 * H;
const WARN_SHARE = 0.8;
/** Escalation steps after the breach itself: supervisor, then manager. */
const ESCALATION_STEPS = 2;
const BATCH = 5000;

type Kind = 'first_response' | 'resolution' | 'follow_up';
type Pause = [number, number | null];

interface Rule {
  id: string;
  channels: string[] | null;
  level: string | null;
  /** A top-level category by name; the rule covers its sub-categories too. */
  categoryName: string | null;
  limitsH: Record<Kind, number>;
}

/**
 * The policy a version-1 database is clocked under. Deadline settings arrive
 * with this migration, so such a database has none: the shipped defaults apply,
 * all of them counting calendar time, with waits on the customer paused.
 */
const ALL_BUT_12300 = ['10086', '10080', 'store', 'online', 'social', 'other'];
const RULES: Rule[] = [
  { id: 'fallback', channels: null, level: null, categoryName: null, limitsH: { first_response: 2, resolution: 24, follow_up: 24 } },
  { id: '10086-normal', channels: ['10086'], level: 'normal', categoryName: null, limitsH: { first_response: 4, resolution: 48, follow_up: 24 } },
  { id: '10080', channels: ['10080'], level: null, categoryName: null, limitsH: { first_response: 2, resolution: 24, follow_up: 24 } },
  { id: '12300', channels: ['12300'], level: null, categoryName: null, limitsH: { first_response: 1, resolution: 12, follow_up: 24 } },
  {
    id: 'other-normal',
    channels: ['store', 'online', 'social', 'other'],
    level: 'normal',
    categoryName: null,
    limitsH: { first_response: 2, resolution: 48, follow_up: 24 },
  },
  { id: 'major', channels: ALL_BUT_12300, level: 'major', categoryName: null, limitsH: { first_response: 0.5, resolution: 24, follow_up: 24 } },
  { id: 'sp', channels: null, level: null, categoryName: '增值业务', limitsH: { first_response: 1, resolution: 4, follow_up: 24 } },
];

interface OldTicket {
  id: number;
  channel: string;
  level: string;
  categoryId: number;
  status: string;
  receivedAt: number;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
}

interface StatusChange {
  at: number;
  action: string;
  from: string | null;
  to: string | null;
}

interface Alert {
  kind: 'approaching' | 'breached' | 'escalated';
  threshold: number;
  step: number;
  at: number;
}

interface Clock {
  kind: Kind;
  startedAt: number;
  limitMs: number;
  pauses: Pause[];
  stoppedAt: number | null;
  cancelled: boolean;
}

/** The most specific matching rules (category 4, level 2, channel 1); a tie takes the shorter limit, clock by clock. */
function match(t: OldTicket, spCategory: number | null, parentOf: Map<number, number | null>) {
  const covers = (r: Rule) =>
    (r.channels === null || r.channels.includes(t.channel)) &&
    (r.level === null || r.level === t.level) &&
    (r.categoryName === null || (spCategory !== null && (t.categoryId === spCategory || parentOf.get(t.categoryId) === spCategory)));
  const weight = (r: Rule) => (r.categoryName !== null ? 4 : 0) + (r.level !== null ? 2 : 0) + (r.channels !== null ? 1 : 0);
  const candidates = RULES.filter(covers);
  const best = Math.max(...candidates.map(weight));
  const tied = candidates.filter((r) => weight(r) === best);
  const limit = (k: Kind) => Math.min(...tied.map((r) => r.limitsH[k])) * H;
  return { ruleId: tied.map((r) => r.id).join('+'), limitMs: limit };
}

/** Spans spent waiting on the customer, from the status history. */
function pendingPauses(history: readonly StatusChange[]): Pause[] {
  const pauses: Pause[] = [];
  let open: number | null = null;
  for (const h of history) {
    if (h.to === 'pending_customer' && h.from !== 'pending_customer' && open === null) open = h.at;
    else if (h.to !== null && h.to !== 'pending_customer' && open !== null) {
      pauses.push([open, h.at]);
      open = null;
    }
  }
  if (open !== null) pauses.push([open, null]);
  return pauses;
}

/** First response from receipt; resolution from receipt or the last reopening; follow-up from resolution. */
function clocksOf(t: OldTicket, history: readonly StatusChange[], limitMs: (k: Kind) => number): Clock[] {
  const voidedAt = t.status === 'voided' ? (history.filter((h) => h.to === 'voided').at(-1)?.at ?? t.receivedAt) : null;
  const stop = (at: number | null) => at ?? voidedAt;
  const voided = voidedAt !== null;
  const lastReopen = history.filter((h) => h.action === 'reopen').at(-1)?.at ?? null;
  const resolutionStart = lastReopen !== null && lastReopen > t.receivedAt ? lastReopen : t.receivedAt;
  const clocks: Clock[] = [
    {
      kind: 'first_response',
      startedAt: t.receivedAt,
      limitMs: limitMs('first_response'),
      pauses: [],
      stoppedAt: stop(t.firstResponseAt),
      cancelled: voided && t.firstResponseAt === null,
    },
    {
      kind: 'resolution',
      startedAt: resolutionStart,
      limitMs: limitMs('resolution'),
      pauses: pendingPauses(history).filter(([, end]) => (end ?? Infinity) > resolutionStart),
      stoppedAt: stop(t.resolvedAt),
      cancelled: voided && t.resolvedAt === null,
    },
  ];
  if (t.resolvedAt !== null) {
    clocks.push({
      kind: 'follow_up',
      startedAt: t.resolvedAt,
      limitMs: limitMs('follow_up'),
      pauses: [],
      stoppedAt: stop(t.closedAt),
      cancelled: voided && t.closedAt === null,
    });
  }
  return clocks;
}

/** When the clock will have counted `targetMs`: each pause begun before then moves it later; null inside an open pause. */
function instantAtUsed(c: Clock, targetMs: number): number | null {
  let at = c.startedAt + targetMs;
  const pauses = [...c.pauses].sort((a, b) => a[0] - b[0]);
  let cursor = c.startedAt;
  for (const [ps, pe] of pauses) {
    const start = Math.max(ps, cursor);
    if (pe !== null && pe <= start) continue;
    if (start >= at) break;
    if (pe === null) return null;
    at += pe - start;
    cursor = pe;
  }
  return at;
}

/** Approaching at 80 %, breached at 100 %, then the two escalations; nothing for a stopped or cancelled clock. */
function planAlerts(c: Clock): Alert[] {
  if (c.cancelled || c.stoppedAt !== null) return [];
  const plan: Alert[] = [];
  const warn = instantAtUsed(c, Math.round(c.limitMs * WARN_SHARE));
  if (warn !== null) plan.push({ kind: 'approaching', threshold: WARN_SHARE, step: 0, at: warn });
  const due = instantAtUsed(c, c.limitMs);
  if (due !== null) {
    plan.push({ kind: 'breached', threshold: 1, step: 0, at: due });
    for (let step = 1; step <= ESCALATION_STEPS; step++) plan.push({ kind: 'escalated', threshold: 1, step, at: due + step * ESCALATION_DELAY_MS });
  }
  return plan.sort((a, b) => a.at - b.at);
}

/** Tickets from before this version get their clocks under the shipped defaults, in batches by id. */
export function up(db: Database.Database): void {
  const sp = db.prepare("SELECT id FROM categories WHERE parent_id IS NULL AND name = '增值业务'").get() as { id: number } | undefined;
  const parents = db.prepare('SELECT id, parent_id AS parentId FROM categories').all() as Array<{ id: number; parentId: number | null }>;
  const parentOf = new Map(parents.map((p) => [p.id, p.parentId]));
  const tickets = db.prepare(`SELECT id, channel, level, category_id AS categoryId, status, received_at AS receivedAt,
      first_response_at AS firstResponseAt, resolved_at AS resolvedAt, closed_at AS closedAt
    FROM tickets WHERE id > ? ORDER BY id LIMIT ?`);
  const events = db.prepare(`SELECT ticket_id AS ticketId, at, action, from_status AS "from", to_status AS "to"
    FROM ticket_events WHERE ticket_id BETWEEN ? AND ? ORDER BY ticket_id, id`);
  const insert = db.prepare(`INSERT INTO ticket_clocks
    (ticket_id, clock, subject_id, rule_id, started_at, limit_ms, business, pauses, stopped_at, cancelled, due_at, warn_at, next_alert_at, plan)
    VALUES (?, ?, 0, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)`);
  let last = 0;
  for (;;) {
    const batch = tickets.all(last, BATCH) as OldTicket[];
    if (batch.length === 0) break;
    const history = new Map<number, StatusChange[]>();
    for (const e of events.all(batch[0]!.id, batch.at(-1)!.id) as Array<StatusChange & { ticketId: number }>) {
      if (!history.has(e.ticketId)) history.set(e.ticketId, []);
      history.get(e.ticketId)!.push(e);
    }
    for (const t of batch) {
      const rule = match(t, sp?.id ?? null, parentOf);
      for (const c of clocksOf(t, history.get(t.id) ?? [], rule.limitMs)) {
        const plan = planAlerts(c);
        insert.run(
          t.id,
          c.kind,
          rule.ruleId,
          c.startedAt,
          c.limitMs,
          JSON.stringify(c.pauses),
          c.stoppedAt,
          c.cancelled ? 1 : 0,
          instantAtUsed(c, c.limitMs),
          instantAtUsed(c, Math.round(c.limitMs * WARN_SHARE)),
          plan[0]?.at ?? null,
          JSON.stringify(plan),
        );
      }
    }
    last = batch.at(-1)!.id;
  }
  // Each ticket shows the running clock due first.
  db.exec(`UPDATE tickets SET (due_at, due_clock, warn_at) = (SELECT due_at, clock, warn_at FROM ticket_clocks
    WHERE ticket_id = tickets.id AND stopped_at IS NULL AND cancelled = 0 AND due_at IS NOT NULL ORDER BY due_at LIMIT 1)`);
}
