/**
 * What the reports read (docs/REQUIREMENTS.md §5), kept on the ticket row so that a month's
 * report is one range scan of one covering index: no lookup of three clock
 * rows per ticket, which on a million tickets made a month take seconds.
 *
 * Each column is the outcome of one of the ticket's own clocks (subject 0),
 * written from then on with the clocks themselves (db/clock-store.ts, from the
 * definitions in db/clock-outcomes.ts); here, for the tickets already there,
 * from this file's own frozen copy of those definitions:
 *   *_missed_at — the instant the clock is or was missed: its due time, when
 *                 it stopped after it or has not stopped yet (so a running
 *                 clock is "missed at" a future instant until it stops in
 *                 time); NULL when met, cancelled, absent, or paused with no
 *                 known due time. Missed at the report's now ⇔ *_missed_at ≤ now.
 *   res_met_at  — when the resolution clock stopped within its limit; NULL otherwise.
 * docs/KPIS.md says how timeliness and breaches are counted from them.
 */
export const name = 'report_outcomes';

const missedAt = (r: string) => `CASE WHEN ${r}.cancelled = 0 AND ${r}.due_at IS NOT NULL
  AND (${r}.stopped_at IS NULL OR ${r}.stopped_at > ${r}.due_at) THEN ${r}.due_at END`;

const metAt = (r: string) => `CASE WHEN ${r}.cancelled = 0 AND ${r}.stopped_at <= ${r}.due_at THEN ${r}.stopped_at END`;

const BACKFILL = (clock: string, set: string) => `UPDATE tickets SET ${set}
  FROM (SELECT * FROM ticket_clocks WHERE clock = '${clock}' AND subject_id = 0) AS NEW
  WHERE NEW.ticket_id = tickets.id;`;

export const sql = /* sql */ `
ALTER TABLE tickets ADD COLUMN fr_missed_at INTEGER;
ALTER TABLE tickets ADD COLUMN res_missed_at INTEGER;
ALTER TABLE tickets ADD COLUMN res_met_at INTEGER;
ALTER TABLE tickets ADD COLUMN fu_missed_at INTEGER;

${BACKFILL('first_response', `fr_missed_at = ${missedAt('NEW')}`)}
${BACKFILL('resolution', `res_missed_at = ${missedAt('NEW')}, res_met_at = ${metAt('NEW')}`)}
${BACKFILL('follow_up', `fu_missed_at = ${missedAt('NEW')}`)}

-- The reports' one index: every column a report reads or filters on, after received_at.
CREATE INDEX tickets_report ON tickets(received_at, status, level, channel, category_id, district, department, assignee_id,
  is_repeat, satisfaction, first_response_at, resolved_at, fr_missed_at, res_missed_at, res_met_at, fu_missed_at);
`;
