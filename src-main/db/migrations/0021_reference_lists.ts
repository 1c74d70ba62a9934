/**
 * The lists an administrator keeps instead of free text: departments, cities
 * and districts. A retired value (active = 0) stays on the tickets that carry
 * it and in reports, but is not offered for new ones.
 *
 * An import never invents a value: a city or district the list does not know
 * is held for review (`list_reviews`), with the tickets that carried it
 * (`list_review_tickets`); once an administrator maps it to a value of the
 * list, that mapping is remembered for later imports (`resolved_to`).
 *
 * `import_header_maps` remembers how a user mapped the headers the console
 * does not know, keyed by the file's normalised header list.
 *
 * The lists start from what the database already holds: every department on
 * a ticket, an account or a ticket's collaborators, every city and district
 * on a ticket. That data work is plain SQL of this file's own.
 */
export const name = 'reference_lists';

export const sql = `
CREATE TABLE list_values (
  id     INTEGER PRIMARY KEY,
  kind   TEXT NOT NULL CHECK (kind IN ('department','city','district')),
  name   TEXT NOT NULL CHECK (length(trim(name)) > 0 AND name = trim(name)),
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  UNIQUE (kind, name)
) STRICT;

CREATE TABLE list_reviews (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('department','city','district')),
  raw           TEXT NOT NULL,
  first_seen_at INTEGER NOT NULL,
  source        TEXT,
  resolved_to   TEXT,
  resolved_at   INTEGER,
  resolved_by   INTEGER REFERENCES users(id),
  UNIQUE (kind, raw)
) STRICT;

CREATE TABLE list_review_tickets (
  review_id INTEGER NOT NULL REFERENCES list_reviews(id),
  ticket_id INTEGER NOT NULL REFERENCES tickets(id),
  PRIMARY KEY (review_id, ticket_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE import_header_maps (
  header_key TEXT PRIMARY KEY,
  mapping    TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by INTEGER REFERENCES users(id)
) STRICT;

INSERT OR IGNORE INTO list_values (kind, name)
  SELECT 'department', trim(department) FROM tickets WHERE trim(ifnull(department, '')) <> ''
  UNION SELECT 'department', trim(department) FROM users WHERE trim(ifnull(department, '')) <> ''
  UNION SELECT 'department', trim(j.value) FROM tickets, json_each(tickets.collaborators) AS j
        WHERE tickets.collaborators <> '[]' AND j.type = 'text' AND trim(j.value) <> ''
  UNION SELECT 'city', trim(city) FROM tickets WHERE trim(ifnull(city, '')) <> ''
  UNION SELECT 'district', trim(district) FROM tickets WHERE trim(ifnull(district, '')) <> '';
`;
