/**
 * Finding a ticket by any part of the customer's number (a middle run such as
 * 9602789, or the last four digits, 尾号) on a million tickets. A LIKE
 * '%…%' reads every row (about half a second on a million); an FTS5 trigram
 * index answers a phrase (a run of digits) from the index alone. It holds the
 * digits followed by a full stop (020-12345678 is indexed as 02012345678.),
 * so "the number ends with 5678" is the phrase "5678."; contentless, no
 * copy of the numbers (about 53 bytes a ticket). Triggers keep it with the
 * tickets, which are never deleted. Filling it on a million tickets takes
 * minutes on a loaded machine, once, at the first start after the upgrade.
 */
export const name = 'phone_search';

export const sql = /* sql */ `
CREATE VIRTUAL TABLE ticket_phone_search USING fts5(digits, content='', contentless_delete=1, tokenize='trigram');
INSERT INTO ticket_phone_search (rowid, digits) SELECT id, replace(phone, '-', '') || '.' FROM tickets;
CREATE TRIGGER tickets_phone_search_insert AFTER INSERT ON tickets
BEGIN INSERT INTO ticket_phone_search (rowid, digits) VALUES (new.id, replace(new.phone, '-', '') || '.'); END;
CREATE TRIGGER tickets_phone_search_update AFTER UPDATE OF phone ON tickets WHEN new.phone IS NOT old.phone
BEGIN
  DELETE FROM ticket_phone_search WHERE rowid = old.id;
  INSERT INTO ticket_phone_search (rowid, digits) VALUES (new.id, replace(new.phone, '-', '') || '.');
END;
`;
