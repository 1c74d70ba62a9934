/**
 * Volume warnings (投诉预警) as records: one row per warning raised (by the
 * check or by hand), its review, publication and end, and an append-only
 * history of every step with who and when. A narrow partial index over the
 * tickets that count (not voided) lets the check walk a month of tickets
 * reading three columns.
 * Self-contained: this migration imports nothing.
 */
export const name = 'volume_warnings';

export const sql = /* sql */ `
CREATE TABLE warnings (
  id             INTEGER PRIMARY KEY,
  -- auto: raised by the check (自动监控); manual: published by hand (人工发布).
  source         TEXT NOT NULL CHECK (source IN ('auto','manual')),
  -- The monitored category as the console writes it: '网络质量' or '网络质量/信号覆盖'.
  category       TEXT NOT NULL,
  -- 'branch' or 'district:<name>'; district repeats the name (NULL at branch scope).
  scope          TEXT NOT NULL,
  district       TEXT,
  period         TEXT NOT NULL CHECK (period IN ('month','rolling7')),
  -- Which period it was raised in: the month ('2026-11') or, for the rolling 7 days, the local day it was raised.
  period_key     TEXT NOT NULL,
  -- The window counted when it was raised: [window_start, window_end).
  window_start   INTEGER NOT NULL,
  window_end     INTEGER NOT NULL,
  level          TEXT NOT NULL CHECK (level IN ('yellow','orange','red')),
  count          INTEGER NOT NULL,
  baseline       REAL,
  threshold      REAL,
  protection     INTEGER NOT NULL,
  -- The highest count any check saw while it was open, and the latest.
  peak_count     INTEGER NOT NULL,
  last_count     INTEGER NOT NULL,
  last_checked_at INTEGER NOT NULL,
  note           TEXT,
  raised_at      INTEGER NOT NULL,
  raised_by      INTEGER REFERENCES users(id),
  review         TEXT CHECK (review IN ('approved','rejected')),
  review_comment TEXT,
  reviewed_at    INTEGER,
  reviewed_by    INTEGER REFERENCES users(id),
  published_at   INTEGER,
  published_by   INTEGER REFERENCES users(id),
  -- JSON array of {name, role}: who was told.
  published_to   TEXT,
  -- recovered: the count fell back under the threshold (预警恢复); closed: ended by hand with a reason.
  ended          TEXT CHECK (ended IN ('recovered','closed')),
  ended_at       INTEGER,
  ended_by       INTEGER REFERENCES users(id),
  end_reason     TEXT,
  CHECK ((ended IS NULL) = (ended_at IS NULL)),
  CHECK (coalesce(ended, '') <> 'closed' OR (end_reason IS NOT NULL AND ended_by IS NOT NULL)),
  CHECK ((review IS NULL) = (reviewed_at IS NULL)),
  CHECK (published_at IS NULL OR coalesce(review, '') = 'approved'),
  UNIQUE (category, scope, period, period_key)
) STRICT;
-- At most one open warning per category, scope and period: a check never raises a second one.
CREATE UNIQUE INDEX warnings_open ON warnings(category, scope, period) WHERE ended IS NULL;
CREATE INDEX warnings_raised ON warnings(raised_at);

CREATE TABLE warning_events (
  id         INTEGER PRIMARY KEY,
  warning_id INTEGER NOT NULL REFERENCES warnings(id),
  at         INTEGER NOT NULL,
  -- NULL: the check itself.
  actor_id   INTEGER REFERENCES users(id),
  kind       TEXT NOT NULL CHECK (kind IN ('raised','level_raised','reviewed','published','recovered','closed')),
  -- JSON: the figures or the comment of the step.
  detail     TEXT NOT NULL
) STRICT;
CREATE INDEX warning_events_warning ON warning_events(warning_id, id);
CREATE TRIGGER warning_events_no_update BEFORE UPDATE ON warning_events
BEGIN SELECT RAISE(ABORT, 'warning history is append-only'); END;
CREATE TRIGGER warning_events_no_delete BEFORE DELETE ON warning_events
BEGIN SELECT RAISE(ABORT, 'warning history is append-only'); END;
CREATE TRIGGER warnings_no_delete BEFORE DELETE ON warnings
BEGIN SELECT RAISE(ABORT, 'warnings are kept'); END;

-- The check's counts: received time, category and district of the tickets that count, nothing else.
CREATE INDEX tickets_warning_counts ON tickets(received_at, category_id, district) WHERE status <> 'voided';
`;
