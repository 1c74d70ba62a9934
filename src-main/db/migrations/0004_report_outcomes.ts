/**
 * What the reports read (SPEC §5), kept on the ticket row so that a month's
 * report is one range scan of one covering index: no lookup of three clock
 * rows per ticket, which on a million tickets made a month take seconds.
 *
 * Each column is the outcome of one of the ticket's own clocks (subject 0),
 * written with the clocks themselves (db/clock-store.ts, one UPDATE per ticket)
 * from the definitions in db/clock-outcomes.ts:
 *   *_missed_at — the instant the clock is or was missed: its due time, when
 *                 it stopped after it or has not stopped yet (so a running
 *                 clock is "missed at" a future instant until it stops in
 *                 time); NULL when met, cancelled, absent, or paused with no
 *                 known due time. Missed at the report's now ⇔ *_missed_at ≤ now.
 *   res_met_at  — when the resolution clock stopped within its limit; NULL otherwise.
 * docs/KPIS.md says how timeliness and breaches are counted from them.
 */
import { metAt, missedAt } from '../clock-outcomes';

export const name = 'report_outcomes';

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
