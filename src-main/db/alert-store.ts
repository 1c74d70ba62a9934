/** Raised alerts: stored once each (the UNIQUE key), listed, acknowledged. */
import type { Db } from './open';
import type { Alert } from '../core/sla/alert-model';

/** An alert as raised: what the store adds (id, ticket number, acknowledgement) left out, its clock cycle added. */
export type NewAlert = Omit<Alert, 'id' | 'ticketNo' | 'acknowledgedAt' | 'acknowledgedBy' | 'acknowledgedByName'> & {
  cycleStart: number;
};

const SELECT = `SELECT a.id, a.ticket_id AS ticketId, t.ticket_no AS ticketNo, a.clock, a.subject_id AS subjectId, a.kind,
  a.threshold, a.step, a.target_role AS targetRole, a.target_user_id AS targetUserId, a.due_at AS dueAt,
  a.planned_at AS plannedAt, a.raised_at AS raisedAt, a.acknowledged_at AS acknowledgedAt,
  a.acknowledged_by AS acknowledgedBy, u.display_name AS acknowledgedByName
  FROM alerts a JOIN tickets t ON t.id = a.ticket_id LEFT JOIN users u ON u.id = a.acknowledged_by`;

export class AlertStore {
  private readonly insertStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT OR IGNORE INTO alerts (ticket_id, clock, subject_id, cycle_start, kind, threshold, step, target_role,
       target_user_id, due_at, planned_at, raised_at)
       VALUES (@ticketId, @clock, @subjectId, @cycleStart, @kind, @threshold, @step, @targetRole, @targetUserId, @dueAt, @plannedAt, @raisedAt)`,
    );
  }

  /** Returns the new alert's id, or null when this alert was raised before. */
  insert(a: NewAlert): number | null {
    const info = this.insertStmt.run(a);
    return info.changes === 1 ? Number(info.lastInsertRowid) : null;
  }

  byIds(ids: readonly number[]): Alert[] {
    if (ids.length === 0) return [];
    const out: Alert[] = [];
    // Bounded IN lists: a catch-up round may raise thousands.
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      out.push(...(this.db.prepare(`${SELECT} WHERE a.id IN (${chunk.map(() => '?').join(',')}) ORDER BY a.id`).all(...chunk) as Alert[]));
    }
    return out;
  }

  list(opts: { unacknowledgedOnly: boolean; limit: number; ticketId?: number | undefined }): Alert[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (opts.unacknowledgedOnly) where.push('a.acknowledged_at IS NULL');
    if (opts.ticketId !== undefined) {
      where.push('a.ticket_id = ?');
      params.push(opts.ticketId);
    }
    return this.db
      .prepare(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id DESC LIMIT ?`)
      .all(...params, opts.limit) as Alert[];
  }

  unacknowledgedCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM alerts WHERE acknowledged_at IS NULL').get() as { n: number }).n;
  }

  acknowledge(ids: readonly number[], by: number, at: number): number {
    const stmt = this.db.prepare('UPDATE alerts SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ? AND acknowledged_at IS NULL');
    let n = 0;
    for (const id of ids) n += stmt.run(at, by, id).changes;
    return n;
  }
}
