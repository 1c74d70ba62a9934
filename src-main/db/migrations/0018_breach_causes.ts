/**
 * Breach causes (超时原因): the list the branch keeps, filled with the causes
 * its QC studies found (堆积, 派单不准, 故障定位不准, waiting on another
 * department, customer unreachable, system fault, other with its text), and
 * the cause recorded on each ticket settled after one of its clocks was
 * missed — one per ticket, the latest settling's.
 */
export const name = 'breach_causes';

export const sql = `
CREATE TABLE breach_causes (
  code       TEXT PRIMARY KEY,
  name_zh    TEXT NOT NULL CHECK (length(trim(name_zh)) > 0),
  name_en    TEXT NOT NULL CHECK (length(trim(name_en)) > 0),
  -- 1: the cause needs words of its own (其他).
  needs_text INTEGER NOT NULL DEFAULT 0 CHECK (needs_text IN (0,1)),
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0,1)),
  sort       INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
INSERT INTO breach_causes (code, name_zh, name_en, needs_text, sort) VALUES
  ('backlog', '工单堆积', 'Backlog', 0, 1),
  ('wrong_dispatch', '派单不准', 'Wrong dispatch', 0, 2),
  ('fault_location', '故障定位不准', 'Fault location', 0, 3),
  ('other_department', '等待其他部门', 'Waiting on another department', 0, 4),
  ('customer_unreachable', '联系不上客户', 'Customer unreachable', 0, 5),
  ('system_fault', '系统故障', 'System fault', 0, 6),
  ('other', '其他', 'Other', 1, 7);

CREATE TABLE ticket_breach_causes (
  ticket_id   INTEGER PRIMARY KEY REFERENCES tickets(id),
  cause       TEXT NOT NULL REFERENCES breach_causes(code),
  detail      TEXT,
  recorded_at INTEGER NOT NULL,
  recorded_by INTEGER NOT NULL REFERENCES users(id)
) STRICT;
CREATE INDEX ticket_breach_causes_cause ON ticket_breach_causes(cause);
`;
