/**
 * The QC measures' daily backlog (工单堆积率) reads, for every ticket open at
 * some moment of a range, its arrival, its resolution and its resolution
 * clock's due time, with the report's filters. It read each such ticket's row
 * from the table and its clock from ticket_clocks: a six-month chart on a
 * million tickets is about 250,000 of each, scattered — seconds of CPU warm,
 * a minute and more of disk cold.
 *
 * Here the ticket row keeps its resolution clock's due time
 * (tickets.resolution_due_at: the due_at of its clock 'resolution', subject 0;
 * NULL without one or while an open pause leaves it unknown), kept by triggers
 * on ticket_clocks, and one index holds everything the backlog reads and
 * filters on, in order of resolution. Its NULLs come first, so the unresolved
 * tickets are its first entries: it replaces 0022's two partial indexes.
 *
 * Each trigger sets the ticket's column to what the clock rows give now, and
 * writes only when that differs (a writer that set it already in its insert
 * costs a lookup). Frozen: nothing imported.
 */
export const name = 'backlog_covering';

const DUE = (id: string) => `(SELECT c.due_at FROM ticket_clocks c WHERE c.ticket_id = ${id} AND c.clock = 'resolution' AND c.subject_id = 0)`;

/** Set ticket `id`'s column to its resolution clock's due time, if it is not that already. */
const refresh = (id: string) => `UPDATE tickets SET resolution_due_at = ${DUE(id)} WHERE id = ${id} AND resolution_due_at IS NOT ${DUE(id)};`;

const IS_RESOLUTION = (row: 'NEW' | 'OLD') => `${row}.clock = 'resolution' AND ${row}.subject_id = 0`;

export const sql = /* sql */ `
ALTER TABLE tickets ADD COLUMN resolution_due_at INTEGER;
UPDATE tickets SET resolution_due_at = ${DUE('tickets.id')};

DROP INDEX tickets_resolved;
DROP INDEX tickets_unresolved;
CREATE INDEX tickets_backlog ON tickets(resolved_at, received_at, resolution_due_at, status,
  channel, category_id, district, department, assignee_id);

CREATE TRIGGER tickets_resolution_due_insert AFTER INSERT ON ticket_clocks WHEN ${IS_RESOLUTION('NEW')}
BEGIN ${refresh('NEW.ticket_id')} END;
CREATE TRIGGER tickets_resolution_due_update AFTER UPDATE OF ticket_id, clock, subject_id, due_at ON ticket_clocks
WHEN ${IS_RESOLUTION('NEW')} OR ${IS_RESOLUTION('OLD')}
BEGIN ${refresh('NEW.ticket_id')} ${refresh('OLD.ticket_id')} END;
CREATE TRIGGER tickets_resolution_due_delete AFTER DELETE ON ticket_clocks WHEN ${IS_RESOLUTION('OLD')}
BEGIN ${refresh('OLD.ticket_id')} END;
`;
