/** The foundation schema: users, settings, categories, tickets and their append-only history. */
export const name = 'init';
export const sql = /* sql */ `
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL COLLATE NOCASE UNIQUE,
  display_name  TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('agent','supervisor','manager','admin')),
  department    TEXT,
  password_hash TEXT NOT NULL,
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  created_at    INTEGER NOT NULL,
  created_by    INTEGER REFERENCES users(id)
) STRICT;

CREATE TABLE settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by INTEGER REFERENCES users(id)
) STRICT;

CREATE TABLE categories (
  id        INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES categories(id),
  name      TEXT NOT NULL,
  sort      INTEGER NOT NULL DEFAULT 0,
  active    INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1))
) STRICT;
CREATE UNIQUE INDEX categories_name ON categories(ifnull(parent_id, 0), name);

CREATE TABLE tickets (
  id                 INTEGER PRIMARY KEY,
  ticket_no          TEXT NOT NULL,
  channel            TEXT NOT NULL CHECK (channel IN ('10086','10080','12300','store','online','social','other')),
  received_at        INTEGER NOT NULL,
  phone              TEXT NOT NULL,
  customer_name      TEXT,
  city               TEXT,
  district           TEXT,
  category_id        INTEGER NOT NULL REFERENCES categories(id),
  level              TEXT NOT NULL CHECK (level IN ('normal','major','overlevel')),
  status             TEXT NOT NULL CHECK (status IN ('new','accepted','in_progress','pending_customer','responded','resolved','closed','voided')),
  description        TEXT NOT NULL,
  first_responder_id INTEGER REFERENCES users(id),
  assignee_id        INTEGER REFERENCES users(id),
  assignee_name      TEXT,
  department         TEXT,
  collaborators      TEXT NOT NULL DEFAULT '[]',
  first_response_at  INTEGER,
  resolved_at        INTEGER,
  closed_at          INTEGER,
  resolution_note    TEXT,
  root_cause         TEXT,
  satisfaction       TEXT CHECK (satisfaction IN ('satisfied','basically_satisfied','dissatisfied')),
  is_repeat          INTEGER NOT NULL DEFAULT 0 CHECK (is_repeat IN (0,1)),
  is_collective      INTEGER NOT NULL DEFAULT 0 CHECK (is_collective IN (0,1)),
  reopen_count       INTEGER NOT NULL DEFAULT 0,
  void_reason        TEXT,
  created_at         INTEGER NOT NULL,
  created_by         INTEGER REFERENCES users(id),
  updated_at         INTEGER NOT NULL,
  version            INTEGER NOT NULL DEFAULT 1,
  UNIQUE (channel, ticket_no)
) STRICT;
-- Every sortable column has an index ending in received_at, the list's tie-break,
-- so a sorted page on a million tickets is an index walk, never a full sort.
CREATE INDEX tickets_received ON tickets(received_at);
CREATE INDEX tickets_no ON tickets(ticket_no);
CREATE INDEX tickets_channel ON tickets(channel, received_at);
CREATE INDEX tickets_level ON tickets(level, received_at);
CREATE INDEX tickets_district ON tickets(district, received_at);
CREATE INDEX tickets_status ON tickets(status, received_at);
CREATE INDEX tickets_phone ON tickets(phone, received_at);
CREATE INDEX tickets_district_category ON tickets(district, category_id, received_at);
CREATE INDEX tickets_assignee ON tickets(assignee_id, status);
CREATE INDEX tickets_category ON tickets(category_id, received_at);

-- Nothing is ever deleted (docs/REQUIREMENTS.md §1): a mistaken ticket is voided instead.
CREATE TRIGGER tickets_no_delete BEFORE DELETE ON tickets
BEGIN SELECT RAISE(ABORT, 'tickets are never deleted; void the ticket instead'); END;

CREATE TABLE ticket_events (
  id          INTEGER PRIMARY KEY,
  ticket_id   INTEGER NOT NULL REFERENCES tickets(id),
  at          INTEGER NOT NULL,
  actor_id    INTEGER REFERENCES users(id),
  action      TEXT NOT NULL,
  from_status TEXT,
  to_status   TEXT,
  changes     TEXT NOT NULL DEFAULT '{}',
  note        TEXT
) STRICT;
CREATE INDEX ticket_events_ticket ON ticket_events(ticket_id, id);

CREATE TRIGGER ticket_events_no_update BEFORE UPDATE ON ticket_events
BEGIN SELECT RAISE(ABORT, 'ticket history is append-only'); END;
CREATE TRIGGER ticket_events_no_delete BEFORE DELETE ON ticket_events
BEGIN SELECT RAISE(ABORT, 'ticket history is append-only'); END;

-- Who did what outside a ticket's own history: accounts, settings, phone reveals.
CREATE TABLE audit_log (
  id       INTEGER PRIMARY KEY,
  at       INTEGER NOT NULL,
  actor_id INTEGER REFERENCES users(id),
  action   TEXT NOT NULL,
  subject  TEXT,
  details  TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`;
