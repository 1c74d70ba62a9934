/**
 * Open and overdue tickets per assignee, for the Today page's team panel. Open
 * tickets are a few thousand of a million: the status index finds them, and
 * only they are read for their due time.
 */
import type { Db } from './open';
import { OPEN_STATUSES } from '../core/enums';
import type { TicketFilter } from '../core/model';
import { whereClause, type PhoneMatch } from './ticket-filter-sql';
import { z } from 'zod';
import { allRows, int, intOrNull, textOrNull } from './rows';

export interface WorkloadRow {
  /** null: nobody holds these tickets yet. */
  assigneeId: number | null;
  name: string | null;
  open: number;
  overdue: number;
}

const WorkloadShape: z.ZodType<WorkloadRow> = z.object({ assigneeId: intOrNull, name: textOrNull, open: int, overdue: int });
const AssigneeCountShape = z.object({ assigneeId: intOrNull, name: textOrNull, count: int });

export function workloadRows(db: Db, now: number): WorkloadRow[] {
  const open = OPEN_STATUSES.map((s) => `'${s}'`).join(',');
  return allRows(
    WorkloadShape,
    db.prepare(
      `SELECT t.assignee_id AS assigneeId, coalesce(u.display_name, max(t.assignee_name)) AS name,
              count(*) AS open, sum(t.due_at IS NOT NULL AND t.due_at <= @now) AS overdue
       FROM tickets t INDEXED BY tickets_status LEFT JOIN users u ON u.id = t.assignee_id
       WHERE t.status IN (${open})
       GROUP BY t.assignee_id
       ORDER BY overdue DESC, open DESC, name`,
    ),
    { now },
  );
}

/** One assignee's share of a filtered list (the list's 按处理人 view). */
export interface AssigneeCount {
  /** null: nobody holds these tickets yet. */
  assigneeId: number | null;
  name: string | null;
  count: number;
}

/**
 * How many of the list's tickets each assignee holds, under the list's own
 * filter (ticket-filter-sql.ts) less its assignee part, so every name is
 * there to pick. Counted over (assignee_id) alone, names joined afterwards.
 */
export function assigneeCounts(db: Db, filter: TicketFilter | undefined, now: number, phoneMatch: PhoneMatch): AssigneeCount[] {
  const { assigneeId: _a, unassigned: _u, ...rest } = filter ?? {};
  const where = whereClause(rest, now, phoneMatch);
  return allRows(
    AssigneeCountShape,
    db.prepare(
      `SELECT g.assignee_id AS assigneeId, u.display_name AS name, g.n AS count
       FROM (SELECT t.assignee_id, count(*) AS n FROM tickets t ${where.sql} GROUP BY t.assignee_id) g
       LEFT JOIN users u ON u.id = g.assignee_id
       ORDER BY g.n DESC, u.display_name`,
    ),
    where.params,
  );
}
