/**
 * Foresight's peer groups, kept by triggers: one narrow row per ticket whose
 * resolution clock has settled (stopped, not cancelled, the ticket not
 * voided) with what the groups need — category, department, stop instant,
 * duration and limit (due − start; NULL when the clock had no due time). The
 * rows hold facts, not a rule: which of them a rule compares (today: those
 * with a limit, as shares of it) is the reader's choice. Reading six months
 * of them is a range of one covering index instead of a join of the clocks
 * with a million tickets (seconds cold).
 *
 * Every change to a row stamps it with `seq`, one past the largest in the
 * table, so a connection that kept the groups asks only for the rows with a
 * larger `seq` than it has seen and applies them (db/foresight-peers.ts). A
 * ticket that stops counting (reopened, voided, its clock cancelled or
 * removed, the ticket removed) keeps its row with no stop instant, so that
 * change is seen the same way. SQLite lets one writer at a time, and the
 * stamp is read inside the writing transaction, so a transaction committed
 * later always stamps larger numbers than any committed before it.
 *
 * Each trigger sets the ticket's row to what the definition gives now
 * ("refresh" below): the definition is in one place, and a trigger does not
 * need to know what its change did to it. Frozen: nothing imported.
 */
export const name = 'settled_resolutions';

const SETTLED = `c.clock = 'resolution' AND c.subject_id = 0 AND c.cancelled = 0 AND c.stopped_at IS NOT NULL AND t.status <> 'voided'`;
const NEXT_SEQ = `(SELECT coalesce(max(seq), 0) + 1 FROM settled_resolutions)`;

/** Set ticket `id`'s row to what the definition gives now: its values when settled, else no stop instant. */
function refresh(id: string): string {
  return /* sql */ `
  INSERT INTO settled_resolutions (ticket_id, category_id, department, stopped_at, duration_ms, limit_ms, seq)
    SELECT t.id, t.category_id, t.department, c.stopped_at, c.stopped_at - c.started_at, c.due_at - c.started_at, ${NEXT_SEQ}
    FROM tickets t JOIN ticket_clocks c ON c.ticket_id = t.id
    WHERE t.id = ${id} AND ${SETTLED}
  ON CONFLICT (ticket_id) DO UPDATE SET
    category_id = excluded.category_id, department = excluded.department,
    stopped_at = excluded.stopped_at, duration_ms = excluded.duration_ms, limit_ms = excluded.limit_ms, seq = excluded.seq
  WHERE category_id IS NOT excluded.category_id OR department IS NOT excluded.department
     OR stopped_at IS NOT excluded.stopped_at OR duration_ms IS NOT excluded.duration_ms OR limit_ms IS NOT excluded.limit_ms;
  UPDATE settled_resolutions SET stopped_at = NULL, duration_ms = NULL, limit_ms = NULL, seq = ${NEXT_SEQ}
  WHERE ticket_id = ${id} AND stopped_at IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM tickets t JOIN ticket_clocks c ON c.ticket_id = t.id WHERE t.id = ${id} AND ${SETTLED});`;
}

const IS_RESOLUTION = (row: 'NEW' | 'OLD') => `${row}.clock = 'resolution' AND ${row}.subject_id = 0`;

export const sql = /* sql */ `
CREATE TABLE settled_resolutions (
  ticket_id   INTEGER PRIMARY KEY,
  category_id INTEGER,
  department  TEXT,
  -- NULL: the ticket no longer counts (its row stays so that the change is seen by seq).
  stopped_at  INTEGER,
  duration_ms INTEGER,
  -- due_at − started_at; NULL when the clock had no due time.
  limit_ms    INTEGER,
  seq         INTEGER NOT NULL
) STRICT;
CREATE INDEX settled_resolutions_groups ON settled_resolutions(category_id, department, stopped_at, duration_ms, limit_ms) WHERE stopped_at IS NOT NULL;
CREATE INDEX settled_resolutions_seq ON settled_resolutions(seq);

INSERT INTO settled_resolutions (ticket_id, category_id, department, stopped_at, duration_ms, limit_ms, seq)
  SELECT t.id, t.category_id, t.department, c.stopped_at, c.stopped_at - c.started_at, c.due_at - c.started_at, 0
  FROM ticket_clocks c JOIN tickets t ON t.id = c.ticket_id
  WHERE ${SETTLED};

CREATE TRIGGER settled_resolutions_clock_insert AFTER INSERT ON ticket_clocks WHEN ${IS_RESOLUTION('NEW')}
BEGIN ${refresh('NEW.ticket_id')} END;
CREATE TRIGGER settled_resolutions_clock_update AFTER UPDATE OF ticket_id, clock, subject_id, started_at, stopped_at, cancelled, due_at ON ticket_clocks
WHEN ${IS_RESOLUTION('NEW')} OR ${IS_RESOLUTION('OLD')}
BEGIN ${refresh('NEW.ticket_id')} ${refresh('OLD.ticket_id')} END;
CREATE TRIGGER settled_resolutions_clock_delete AFTER DELETE ON ticket_clocks WHEN ${IS_RESOLUTION('OLD')}
BEGIN ${refresh('OLD.ticket_id')} END;
CREATE TRIGGER settled_resolutions_ticket_update AFTER UPDATE OF id, category_id, department, status ON tickets
WHEN OLD.id IS NOT NEW.id OR OLD.category_id IS NOT NEW.category_id OR OLD.department IS NOT NEW.department
  OR (OLD.status = 'voided') IS NOT (NEW.status = 'voided')
BEGIN ${refresh('NEW.id')} ${refresh('OLD.id')} END;
CREATE TRIGGER settled_resolutions_ticket_delete AFTER DELETE ON tickets
BEGIN ${refresh('OLD.id')} END;
`;
