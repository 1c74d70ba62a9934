/**
 * Demo tickets are marked, so they can be told from real complaints: left out
 * of reports and exports while they are there, and removed together in one
 * audited step once the branch starts working. Tickets, their history and
 * refunds are otherwise never deleted; the no-delete triggers of 0001 and 0003
 * are made again to let through exactly the rows of a demo ticket, and the
 * kept ticket count (0015) and the phone index (0017) follow a deletion.
 * Tickets loaded as demo data before this version are not marked (nothing in
 * the row tells them apart).
 */
export const name = 'demo_tickets';

export const sql = /* sql */ `
ALTER TABLE tickets ADD COLUMN is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1));
CREATE INDEX tickets_demo ON tickets(id) WHERE is_demo = 1;

DROP TRIGGER tickets_no_delete;
CREATE TRIGGER tickets_no_delete BEFORE DELETE ON tickets WHEN OLD.is_demo = 0
BEGIN SELECT RAISE(ABORT, 'tickets are never deleted; void the ticket instead'); END;

DROP TRIGGER ticket_events_no_delete;
CREATE TRIGGER ticket_events_no_delete BEFORE DELETE ON ticket_events
WHEN NOT EXISTS (SELECT 1 FROM tickets WHERE id = OLD.ticket_id AND is_demo = 1)
BEGIN SELECT RAISE(ABORT, 'ticket history is append-only'); END;

DROP TRIGGER refunds_no_delete;
CREATE TRIGGER refunds_no_delete BEFORE DELETE ON refunds
WHEN NOT EXISTS (SELECT 1 FROM tickets WHERE id = OLD.ticket_id AND is_demo = 1)
BEGIN SELECT RAISE(ABORT, 'refund entries are never deleted'); END;

DROP TRIGGER refund_events_no_delete;
CREATE TRIGGER refund_events_no_delete BEFORE DELETE ON refund_events
WHEN NOT EXISTS (SELECT 1 FROM tickets WHERE id = OLD.ticket_id AND is_demo = 1)
BEGIN SELECT RAISE(ABORT, 'refund history is append-only'); END;

CREATE TRIGGER ticket_count_delete AFTER DELETE ON tickets BEGIN
  UPDATE ticket_count SET n = n - 1 WHERE one = 1;
END;
CREATE TRIGGER tickets_phone_search_delete AFTER DELETE ON tickets
BEGIN DELETE FROM ticket_phone_search WHERE rowid = old.id; END;
`;
