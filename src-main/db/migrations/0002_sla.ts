/**
 * Deadline clocks and alerts (SPEC §2). Every ticket gets its clocks; the
 * monitor finds its next wake-up through the partial index on next_alert_at,
 * and the ticket list sorts and filters on the denormalised tickets.due_at.
 */
import type Database from 'better-sqlite3';
import { backfillClocks } from '../clock-backfill';

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

/** Tickets from before this version get their clocks under the default policy. */
export function up(db: Database.Database): void {
  backfillClocks(db);
}
