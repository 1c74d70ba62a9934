/**
 * Two small partial indexes for counters the Today page and the shell read
 * on every open:
 * - 临近超时 (approaching) counts tickets past their warning instant and not yet
 *   due. Through tickets_due that read every ticket with a future due time
 *   from the table for its warn_at; tickets_warn holds both columns for the
 *   tickets with a running clock (a few thousand of a million).
 * - the bell counts the clock cycles with an unacknowledged alert. That read
 *   each open alert's row and sorted them for GROUP BY; alerts_unacknowledged
 *   holds the open ones already in cycle order with their target role.
 */
export const name = 'today_counters';

export const sql = /* sql */ `
CREATE INDEX tickets_warn ON tickets(warn_at, due_at) WHERE due_at IS NOT NULL;
CREATE INDEX alerts_unacknowledged ON alerts(ticket_id, clock, subject_id, cycle_start, target_role) WHERE acknowledged_at IS NULL;
`;
