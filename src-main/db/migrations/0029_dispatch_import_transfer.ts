/**
 * Dispatch proposals (智能派单) beyond registration (0029):
 *
 * - An import's tickets get their proposal after the import, in the
 *   background (the model costs 0.1–0.2 ms a ticket, too much to add to a
 *   100,000-row import's one transaction). The import records, in its own
 *   transaction, which ticket ids it inserted (`dispatch_import_queue`); the
 *   console proposes for them a page at a time, each page's proposals written
 *   with the queue's cursor, so nothing is half-written and a console closed
 *   midway carries on where it stopped.
 * - A proposal keeps the words that decided it (`category_reasons`,
 *   `department_reasons`: JSON arrays of n-grams), so the ticket page can show
 *   an imported ticket why the department was proposed.
 * - A transfer (转派) made while the form showed a department proposal records
 *   it and whether the ticket went there (`dispatch_transfer_proposals`, one
 *   row per transfer event), so the measure counts proposals taken on transfers too.
 */
export const name = 'dispatch_import_transfer';

export const sql = `
ALTER TABLE dispatch_proposals ADD COLUMN category_reasons TEXT CHECK (category_reasons IS NULL OR json_valid(category_reasons));
ALTER TABLE dispatch_proposals ADD COLUMN department_reasons TEXT CHECK (department_reasons IS NULL OR json_valid(department_reasons));

CREATE TABLE dispatch_import_queue (
  id         INTEGER PRIMARY KEY,
  queued_at  INTEGER NOT NULL,
  -- The tickets one import inserted are the ids first_id..last_id (one transaction, one writer).
  first_id   INTEGER NOT NULL,
  last_id    INTEGER NOT NULL,
  -- The first id not yet proposed for; the row goes once it passes last_id.
  next_id    INTEGER NOT NULL,
  CHECK (first_id <= last_id AND next_id >= first_id AND next_id <= last_id + 1)
) STRICT;

CREATE TABLE dispatch_transfer_proposals (
  event_id         INTEGER PRIMARY KEY REFERENCES ticket_events(id),
  ticket_id        INTEGER NOT NULL REFERENCES tickets(id),
  proposed_at      INTEGER NOT NULL,
  -- The department the transfer form proposed.
  department       TEXT NOT NULL CHECK (length(trim(department)) > 0),
  -- The ticket was transferred to it.
  department_taken INTEGER NOT NULL CHECK (department_taken IN (0,1)),
  -- The supervisor took it with its one button (and kept it).
  accepted         INTEGER NOT NULL CHECK (accepted IN (0,1)),
  model_tickets    INTEGER NOT NULL CHECK (model_tickets >= 0)
) STRICT;
CREATE INDEX dispatch_transfer_proposals_at ON dispatch_transfer_proposals(proposed_at);
CREATE INDEX dispatch_transfer_proposals_ticket ON dispatch_transfer_proposals(ticket_id);
`;
