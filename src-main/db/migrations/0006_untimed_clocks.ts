/**
 * A clock settled as "met, time not recorded": the ticket's status says the
 * step happened (past 新建: responded; 已办结/已回访关闭: resolved; 已回访关闭:
 * followed up) but the record has no time for it — a CRM export that leaves
 * 首次响应时间 or 关闭时间 empty. Such a clock stops at its own start, plans no
 * alert, and is neither missed nor met in the reports (docs/KPIS.md).
 *
 * Databases imported before this kept those clocks running for ever (a closed
 * ticket breached at 2,700 %). This migration settles them, clears their
 * pending alerts and refreshes the ticket columns read from the clocks. It is
 * plain SQL on purpose: a migration depends on nothing outside this folder.
 */
export const name = 'untimed_clocks';

/** The ticket-side condition for each clock: the step happened, its time is missing. */
const UNTIMED = {
  first_response: `t.first_response_at IS NULL AND t.status IN ('accepted','in_progress','pending_customer','responded','resolved','closed')`,
  resolution: `t.resolved_at IS NULL AND t.status IN ('resolved','closed')`,
  follow_up: `t.closed_at IS NULL AND t.status = 'closed'`,
};

const settle = (clock: keyof typeof UNTIMED) => `
UPDATE ticket_clocks SET untimed = 1, stopped_at = started_at, next_alert_at = NULL, plan = '[]'
WHERE clock = '${clock}' AND subject_id = 0 AND cancelled = 0
  AND ticket_id IN (SELECT t.id FROM tickets t WHERE ${UNTIMED[clock]});`;

export const sql = /* sql */ `
ALTER TABLE ticket_clocks ADD COLUMN untimed INTEGER NOT NULL DEFAULT 0 CHECK (untimed IN (0,1));
${settle('first_response')}
${settle('resolution')}
${settle('follow_up')}
UPDATE tickets SET
  (due_at, due_clock, warn_at) = (SELECT c.due_at, c.clock, c.warn_at FROM ticket_clocks c
    WHERE c.ticket_id = tickets.id AND c.stopped_at IS NULL AND c.cancelled = 0 AND c.due_at IS NOT NULL ORDER BY c.due_at LIMIT 1),
  fr_missed_at = CASE WHEN EXISTS (SELECT 1 FROM ticket_clocks c WHERE c.ticket_id = tickets.id AND c.clock = 'first_response' AND c.subject_id = 0 AND c.untimed = 1) THEN NULL ELSE fr_missed_at END,
  res_missed_at = CASE WHEN EXISTS (SELECT 1 FROM ticket_clocks c WHERE c.ticket_id = tickets.id AND c.clock = 'resolution' AND c.subject_id = 0 AND c.untimed = 1) THEN NULL ELSE res_missed_at END,
  res_met_at = CASE WHEN EXISTS (SELECT 1 FROM ticket_clocks c WHERE c.ticket_id = tickets.id AND c.clock = 'resolution' AND c.subject_id = 0 AND c.untimed = 1) THEN NULL ELSE res_met_at END,
  fu_missed_at = CASE WHEN EXISTS (SELECT 1 FROM ticket_clocks c WHERE c.ticket_id = tickets.id AND c.clock = 'follow_up' AND c.subject_id = 0 AND c.untimed = 1) THEN NULL ELSE fu_missed_at END
WHERE id IN (SELECT ticket_id FROM ticket_clocks WHERE untimed = 1);
`;
