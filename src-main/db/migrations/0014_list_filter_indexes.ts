/**
 * The ticket list filters by assignee, department and repeat complaints as
 * well as by status, channel, level, district and category. Each filter gets
 * an index ending in received_at (the list's order), so on a million tickets
 * the filtered page is an index walk and its total an index range count,
 * never a pass over the table (a department's count read the whole table:
 * about 0.7 s). Repeat complaints are a few percent of the table: a partial
 * index holds just them.
 */
export const name = 'list_filter_indexes';

export const sql = /* sql */ `
CREATE INDEX tickets_department ON tickets(department, received_at);
CREATE INDEX tickets_assignee_received ON tickets(assignee_id, received_at);
CREATE INDEX tickets_repeat ON tickets(received_at) WHERE is_repeat = 1;
`;
