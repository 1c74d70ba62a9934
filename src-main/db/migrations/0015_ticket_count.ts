/**
 * How many tickets there are, kept by triggers: the ticket list's first page
 * shows the total of the unfiltered list, and counting a million index entries
 * for it (40 ms warm, 0.4 s from a cold file) was the one thing on the path to
 * the console's first page that grew with the database. A filtered list still
 * counts its rows (along its own index). Tickets are never deleted (a trigger
 * of 0001 refuses it), so inserts are all there is to count.
 */
export const name = 'ticket_count';

export const sql = /* sql */ `
CREATE TABLE ticket_count (
  one INTEGER PRIMARY KEY CHECK (one = 1),
  n   INTEGER NOT NULL
) STRICT;
INSERT INTO ticket_count (one, n) SELECT 1, count(*) FROM tickets;
CREATE TRIGGER ticket_count_insert AFTER INSERT ON tickets BEGIN
  UPDATE ticket_count SET n = n + 1 WHERE one = 1;
END;
`;
