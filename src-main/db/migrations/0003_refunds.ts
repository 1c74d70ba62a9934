/**
 * Refund and compensation entries (docs/REQUIREMENTS.md §4) and their append-only history.
 * The triggers are the last line of the rules: whatever the code above does,
 * an entry is never deleted, never edited once executed or rejected, its
 * money and ticket never change once submitted, and its status only moves
 * along draft → pending_approval → approved | rejected → executed.
 */
export const name = 'refunds';
export const sql = /* sql */ `
CREATE TABLE refunds (
  id             INTEGER PRIMARY KEY,
  ticket_id      INTEGER NOT NULL REFERENCES tickets(id),
  type           TEXT NOT NULL CHECK (type IN ('sp_info_fee','overcharge','goodwill_credit','compensation','other')),
  -- Fen (分). Positive for a refund; negative only for the reversal of an executed entry.
  amount_fen     INTEGER NOT NULL,
  reason         TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  status         TEXT NOT NULL CHECK (status IN ('draft','pending_approval','approved','rejected','executed')),
  reverses_id    INTEGER REFERENCES refunds(id),
  -- The least role whose approval the entry needed when submitted.
  required_role  TEXT CHECK (required_role IN ('agent','supervisor','manager')),
  created_at     INTEGER NOT NULL,
  created_by     INTEGER NOT NULL REFERENCES users(id),
  submitted_at   INTEGER,
  submitted_by   INTEGER REFERENCES users(id),
  decided_at     INTEGER,
  decided_by     INTEGER REFERENCES users(id),
  decision_note  TEXT,
  executed_at    INTEGER,
  executed_by    INTEGER REFERENCES users(id),
  voucher_no     TEXT,
  version        INTEGER NOT NULL DEFAULT 1,
  CHECK ((reverses_id IS NULL AND amount_fen > 0) OR (reverses_id IS NOT NULL AND amount_fen < 0)),
  CHECK (abs(amount_fen) <= 10000000),
  CHECK (status <> 'executed' OR (executed_at IS NOT NULL AND length(trim(coalesce(voucher_no, ''))) > 0))
) STRICT;
CREATE INDEX refunds_ticket ON refunds(ticket_id, created_at);
CREATE INDEX refunds_status ON refunds(status, created_at);
CREATE INDEX refunds_type ON refunds(type, created_at);
CREATE INDEX refunds_created ON refunds(created_at);
-- One live reversal per executed entry.
CREATE UNIQUE INDEX refunds_one_reversal ON refunds(reverses_id) WHERE reverses_id IS NOT NULL AND status <> 'rejected';

CREATE TRIGGER refunds_no_delete BEFORE DELETE ON refunds
BEGIN SELECT RAISE(ABORT, 'refund entries are never deleted'); END;
CREATE TRIGGER refunds_final BEFORE UPDATE ON refunds WHEN OLD.status IN ('executed','rejected')
BEGIN SELECT RAISE(ABORT, 'an executed or rejected refund is never edited; enter a reversal instead'); END;
CREATE TRIGGER refunds_fixed_after_submit BEFORE UPDATE OF ticket_id, type, amount_fen, reason, reverses_id, created_at, created_by ON refunds
WHEN OLD.status <> 'draft'
  AND (NEW.ticket_id IS NOT OLD.ticket_id OR NEW.type IS NOT OLD.type OR NEW.amount_fen IS NOT OLD.amount_fen
       OR NEW.reason IS NOT OLD.reason OR NEW.reverses_id IS NOT OLD.reverses_id
       OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by)
BEGIN SELECT RAISE(ABORT, 'a submitted refund keeps its ticket, type, amount and reason'); END;
CREATE TRIGGER refunds_status_path BEFORE UPDATE OF status ON refunds
WHEN NEW.status IS NOT OLD.status AND NOT (
     (OLD.status = 'draft' AND NEW.status IN ('pending_approval','approved'))
  OR (OLD.status = 'pending_approval' AND NEW.status IN ('approved','rejected'))
  OR (OLD.status = 'approved' AND NEW.status = 'executed'))
BEGIN SELECT RAISE(ABORT, 'refund status moves only draft → pending_approval → approved | rejected → executed'); END;

CREATE TABLE refund_events (
  id          INTEGER PRIMARY KEY,
  refund_id   INTEGER NOT NULL REFERENCES refunds(id),
  ticket_id   INTEGER NOT NULL REFERENCES tickets(id),
  at          INTEGER NOT NULL,
  actor_id    INTEGER REFERENCES users(id),
  action      TEXT NOT NULL CHECK (action IN ('create','submit','auto_approve','approve','reject','execute','reversed')),
  from_status TEXT,
  to_status   TEXT,
  note        TEXT,
  details     TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX refund_events_refund ON refund_events(refund_id, id);
CREATE INDEX refund_events_ticket ON refund_events(ticket_id, id);
CREATE TRIGGER refund_events_no_update BEFORE UPDATE ON refund_events
BEGIN SELECT RAISE(ABORT, 'refund history is append-only'); END;
CREATE TRIGGER refund_events_no_delete BEFORE DELETE ON refund_events
BEGIN SELECT RAISE(ABORT, 'refund history is append-only'); END;
`;
