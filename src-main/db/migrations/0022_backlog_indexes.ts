/**
 * The QC measures' daily backlog (工单堆积率) asks, for a range of days, which
 * tickets were open at some moment of it: those resolved on or after its
 * start, and those not resolved at all. Without these two indexes that
 * question walked every ticket ever received (about a second on a two-year
 * file, once per month of an improvement project's chart); with them it reads
 * the range's resolutions and the few unresolved tickets.
 */
export const name = 'backlog_indexes';

export const sql = `
CREATE INDEX tickets_resolved ON tickets(resolved_at) WHERE resolved_at IS NOT NULL;
CREATE INDEX tickets_unresolved ON tickets(received_at) WHERE resolved_at IS NULL;
`;
