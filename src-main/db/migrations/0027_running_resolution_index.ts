/**
 * The running resolution clocks with what foresight reads of them, in one
 * small partial index: Today's 预计超时 reads every running resolution clock
 * after each write (db/foresight-history.ts). Through ticket_clocks_open_due
 * each of the ~3,000 running clocks (every kind) cost a lookup of its clock
 * row to learn its kind, start and warning: ~12 ms on 1,000,000 tickets, and
 * a cold read of as many scattered pages. stopped_at and cancelled are
 * columns only so that SQLite sees the index covers the query's conditions.
 */
export const name = 'running_resolution_index';

export const sql = `
CREATE INDEX ticket_clocks_running_resolution ON ticket_clocks(due_at, started_at, warn_at, stopped_at, cancelled)
  WHERE clock = 'resolution' AND subject_id = 0 AND stopped_at IS NULL AND cancelled = 0;
`;
