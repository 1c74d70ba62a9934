/**
 * How a ticket's own clock row becomes the outcome columns the reports read
 * (tickets.fr_missed_at, res_missed_at, res_met_at, fu_missed_at; migration 0004):
 *   missed at — the due time, when the clock stopped after it or has not stopped
 *               yet (a running clock is "missed at" a future instant until it
 *               stops in time); NULL when met, cancelled, or paused with no due time.
 *   met at    — when the clock stopped within its limit.
 * One definition for every clock write. (Migration 0004 filled the tickets
 * already there from its own frozen copy.)
 */
export const missedAt = (r: string) => `CASE WHEN ${r}.cancelled = 0 AND ${r}.due_at IS NOT NULL
  AND (${r}.stopped_at IS NULL OR ${r}.stopped_at > ${r}.due_at) THEN ${r}.due_at END`;

export const metAt = (r: string) => `CASE WHEN ${r}.cancelled = 0 AND ${r}.stopped_at <= ${r}.due_at THEN ${r}.stopped_at END`;

/**
 * The outcome columns of ticket @id from its clock rows, as SET assignments.
 * A clock settled as "met, time not recorded" (ticket_clocks.untimed, migration
 * 0006) is neither missed nor met at any instant: it is left out of the figures
 * that need the time (docs/KPIS.md).
 */
export function outcomeAssignments(): string {
  const of = (clock: string, expr: (r: string) => string) =>
    `(SELECT ${expr('c')} FROM ticket_clocks c WHERE c.ticket_id = @id AND c.clock = '${clock}' AND c.subject_id = 0 AND c.untimed = 0)`;
  return [
    `fr_missed_at = ${of('first_response', missedAt)}`,
    `res_missed_at = ${of('resolution', missedAt)}`,
    `res_met_at = ${of('resolution', metAt)}`,
    `fu_missed_at = ${of('follow_up', missedAt)}`,
  ].join(',\n');
}
