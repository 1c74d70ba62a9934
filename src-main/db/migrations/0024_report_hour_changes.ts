/**
 * Which hours of receipt a write touched, kept by triggers, so that a report
 * keeps the folds of the periods nobody wrote to (db/kept-folds.ts). Each row
 * counts the writes to tickets received in one hour (received_at / 3,600,000):
 * an insert, a delete, or an update of a column a report reads or filters on
 * — for an update, the hour before and the hour after when receipt moved.
 * Counts only grow (a rollback takes its own back with the data), so the sum
 * over a period's hours changes exactly when one of its tickets was written.
 * An update that sets a column to the value it had counts nothing.
 */
export const name = 'report_hour_changes';

/** The columns of tickets a report's fold reads or filters on (db/report-fold.ts, db/report-filter-sql.ts, db/demo-sql.ts). */
const COLUMNS = [
  'received_at',
  'status',
  'level',
  'channel',
  'category_id',
  'district',
  'department',
  'assignee_id',
  'is_repeat',
  'satisfaction',
  'first_response_at',
  'resolved_at',
  'fr_missed_at',
  'res_missed_at',
  'res_met_at',
  'fu_missed_at',
  'is_demo',
];

const bump = (hour: string, when = '') => `INSERT INTO report_hour_changes (hour, n) SELECT ${hour}, 1 WHERE ${when || 'true'}
    ON CONFLICT (hour) DO UPDATE SET n = n + 1;`;

export const sql = /* sql */ `
CREATE TABLE report_hour_changes (
  hour INTEGER PRIMARY KEY,
  n    INTEGER NOT NULL
) STRICT;

CREATE TRIGGER report_hour_changes_insert AFTER INSERT ON tickets BEGIN
  ${bump('new.received_at / 3600000')}
END;
CREATE TRIGGER report_hour_changes_delete AFTER DELETE ON tickets BEGIN
  ${bump('old.received_at / 3600000')}
END;
CREATE TRIGGER report_hour_changes_update AFTER UPDATE OF ${COLUMNS.join(', ')} ON tickets
WHEN ${COLUMNS.map((c) => `new.${c} IS NOT old.${c}`).join(' OR ')}
BEGIN
  ${bump('old.received_at / 3600000')}
  ${bump('new.received_at / 3600000', 'new.received_at / 3600000 <> old.received_at / 3600000')}
END;
`;
