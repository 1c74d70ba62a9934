/**
 * The outbox of bundles for headquarters: one row per bundle revision queued
 * for upload, kept until headquarters' receipt comes back, and every attempt
 * (when, outcome, error). A row left 'sending' by a process that died is
 * taken up again at start: the idempotency key makes a repeated upload safe.
 * Self-contained: this migration imports nothing.
 */
export const name = 'outbox';

export const sql = /* sql */ `
CREATE TABLE outbox (
  id              INTEGER PRIMARY KEY,
  revision_id     INTEGER NOT NULL UNIQUE REFERENCES export_revisions(id),
  idempotency_key TEXT NOT NULL UNIQUE,
  -- queued: waiting for its first try; sending: a try is under way; failed: the last try failed, next_attempt_at says when
  -- the next is; rejected: headquarters refused it (no automatic retry); sent: headquarters' receipt is in.
  state           TEXT NOT NULL CHECK (state IN ('queued','sending','failed','rejected','sent')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  last_error      TEXT,
  receipt         TEXT,
  receipt_at      INTEGER,
  queued_at       INTEGER NOT NULL,
  queued_by       INTEGER REFERENCES users(id),
  updated_at      INTEGER NOT NULL,
  CHECK (state <> 'sent' OR receipt IS NOT NULL)
) STRICT;
CREATE INDEX outbox_due ON outbox(next_attempt_at) WHERE state IN ('queued','failed');

CREATE TABLE outbox_attempts (
  id          INTEGER PRIMARY KEY,
  outbox_id   INTEGER NOT NULL REFERENCES outbox(id),
  started_at  INTEGER NOT NULL,
  finished_at INTEGER,
  -- NULL while under way; 'interrupted' when the process died during it.
  outcome     TEXT CHECK (outcome IN ('sent','failed','rejected','interrupted')),
  http_status INTEGER,
  error       TEXT
) STRICT;
CREATE INDEX outbox_attempts_item ON outbox_attempts(outbox_id, id);
CREATE TRIGGER outbox_attempts_no_delete BEFORE DELETE ON outbox_attempts
BEGIN SELECT RAISE(ABORT, 'upload attempts are kept'); END;
`;
