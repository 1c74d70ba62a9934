/**
 * Open and overdue tickets per assignee, for the Today page's team panel. Open
 * tickets are a few thousand of a million: the status index finds them, and
 * only they are read for their due time.
 */
import type { Db } from './open';
import { OPEN_STATUSES } from '../core/enums';

export interface WorkloadRow {
  /** null: nobody holds these tickets yet. */
  assigneeId: number | null;
  name: string | null;
  open: number;
  overdue: number;
}

export function workloadRows(db: Db, now: number): WorkloadRow[] {
  const open = OPEN_STATUSES.map((s) => `'${s}'`).join(',');
  return db
    .prepare(
      `SELECT t.assignee_id AS assigneeId, coalesce(u.display_name, max(t.assignee_name)) AS name,
              count(*) AS open, sum(t.due_at IS NOT NULL AND t.due_at <= @now) AS overdue
       FROM tickets t INDEXED BY tickets_status LEFT JOIN users u ON u.id = t.assignee_id
       WHERE t.status IN (${open})
       GROUP BY t.assignee_id
       ORDER BY overdue DESC, open DESC, name`,
    )
    .all({ now }) as WorkloadRow[];
}
