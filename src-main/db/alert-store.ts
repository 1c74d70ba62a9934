/**
 * Raised alerts: stored once each (the UNIQUE key), read back one entry per
 * clock cycle for the notification centre, acknowledged a clock at a time.
 */
import { z } from 'zod';
import type { Db } from './open';
import type { Alert, AlertEntry } from '../core/sla/alert-model';
import { LADDER } from '../core/sla/alerts';
import type { Audience } from '../core/sla/alert-audience';
import type { AlertKind, EscalationTarget } from '../core/sla/alerts';
import type { ClockKind } from '../core/sla/policy';
import { allRows, int, intOrNull, text, textOrNull, value } from './rows';

/** An alert as raised: what the store adds (id, ticket number, acknowledgement) left out. */
export type NewAlert = Omit<Alert, 'id' | 'ticketNo' | 'acknowledgedAt' | 'acknowledgedBy' | 'acknowledgedByName'>;

const SELECT = `SELECT a.id, a.ticket_id AS ticketId, t.ticket_no AS ticketNo, a.clock, a.subject_id AS subjectId, a.cycle_start AS cycleStart, a.kind,
  a.threshold, a.step, a.target_role AS targetRole, a.target_user_id AS targetUserId, a.due_at AS dueAt,
  a.planned_at AS plannedAt, a.raised_at AS raisedAt, a.acknowledged_at AS acknowledgedAt,
  a.acknowledged_by AS acknowledgedBy, u.display_name AS acknowledgedByName
  FROM alerts a JOIN tickets t ON t.id = a.ticket_id LEFT JOIN users u ON u.id = a.acknowledged_by`;

const AlertRow: z.ZodType<Alert> = z.object({
  id: int,
  ticketId: int,
  ticketNo: text,
  clock: z.enum(['first_response', 'resolution', 'follow_up', 'refund'] satisfies ClockKind[]),
  subjectId: int,
  cycleStart: int,
  kind: z.enum(['approaching', 'breached', 'escalated'] satisfies AlertKind[]),
  threshold: z.number(),
  step: int,
  targetRole: z.enum(['assignee', 'supervisor', 'manager'] satisfies EscalationTarget[]),
  targetUserId: intOrNull,
  dueAt: intOrNull,
  plannedAt: int,
  raisedAt: int,
  acknowledgedAt: intOrNull,
  acknowledgedBy: intOrNull,
  acknowledgedByName: textOrNull,
});

const CycleRow = z.object({ id: int, firstRaisedAt: int, stages: int, unacknowledged: int });

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
      out.push(...allRows(AlertRow, this.db.prepare(`${SELECT} WHERE a.id IN (${chunk.map(() => '?').join(',')}) ORDER BY a.id`), ...chunk));
    }
    return out;
  }

  /**
   * One entry per clock cycle with an alert addressed to `audience`, the most
   * recently raised first: its latest stage (by planned instant: approaching,
   * breached, then each escalation), when it was first raised, and how many of
   * its alerts are still unacknowledged.
   */
  entries(opts: { audience: Audience; unacknowledgedOnly: boolean; limit: number; ticketId?: number | undefined }): AlertEntry[] {
    const same = `b.ticket_id = c.ticket_id AND b.clock = c.clock AND b.subject_id = c.subject_id AND b.cycle_start = c.cycle_start AND ${audienceSql(opts.audience, 'b.')}`;
    const where = [audienceSql(opts.audience)];
    if (opts.unacknowledgedOnly) where.push('acknowledged_at IS NULL');
    if (opts.ticketId !== undefined) where.push('ticket_id = @ticketId');
    const cycles = allRows(
      CycleRow,
      this.db.prepare(
        `WITH c AS (
           SELECT ticket_id, clock, subject_id, cycle_start, max(raised_at) AS last_raised, max(id) AS last_id
           FROM alerts WHERE ${where.join(' AND ')}
           GROUP BY ticket_id, clock, subject_id, cycle_start
           ORDER BY last_raised DESC, last_id DESC LIMIT @limit)
         SELECT (SELECT b.id FROM alerts b WHERE ${same} ORDER BY b.planned_at DESC, b.id DESC LIMIT 1) AS id,
           (SELECT min(b.raised_at) FROM alerts b WHERE ${same}) AS firstRaisedAt,
           (SELECT count(*) FROM alerts b WHERE ${same}) AS stages,
           (SELECT count(*) FROM alerts b WHERE ${same} AND b.acknowledged_at IS NULL) AS unacknowledged
         FROM c ORDER BY c.last_raised DESC, c.last_id DESC`,
      ),
      { limit: opts.limit, ticketId: opts.ticketId },
    );
    const latest = new Map(this.byIds(cycles.map((c) => c.id)).map((a) => [a.id, a]));
    return cycles.map((c) => ({ ...latest.get(c.id)!, firstRaisedAt: c.firstRaisedAt, stages: c.stages, unacknowledged: c.unacknowledged }));
  }

  /** Clock cycles with an unacknowledged alert addressed to `audience`: the bell's number. */
  unacknowledgedClocks(audience: Audience): number {
    return (
      value(
        int,
        this.db.prepare(
          `SELECT count(*) AS n FROM (SELECT 1 FROM alerts INDEXED BY alerts_unacknowledged
             WHERE acknowledged_at IS NULL AND ${audienceSql(audience)}
           GROUP BY ticket_id, clock, subject_id, cycle_start)`,
        ),
      ) ?? 0
    );
  }

  /**
   * Acknowledge the clock cycles of these alerts: every alert of each cycle
   * addressed to `audience` and not yet acknowledged. Returns how many cycles
   * had something to acknowledge.
   */
  acknowledgeClocks(alerts: readonly Alert[], audience: Audience, by: number, at: number): number {
    const stmt = this.db.prepare(
      `UPDATE alerts SET acknowledged_at = ?, acknowledged_by = ? WHERE ticket_id = ? AND clock = ? AND subject_id = ? AND cycle_start = ?
       AND acknowledged_at IS NULL AND ${audienceSql(audience)}`,
    );
    let n = 0;
    for (const a of alerts) if (stmt.run(at, by, a.ticketId, a.clock, a.subjectId, a.cycleStart).changes > 0) n++;
    return n;
  }
}

/**
 * The audience as an SQL condition on alerts (columns prefixed by `p`): its
 * rungs, and for an agent the assignee rung only where addressed to them.
 * Only names from LADDER and an integer id ever reach the SQL.
 */
function audienceSql(audience: Audience, p = ''): string {
  const known = LADDER.filter((t) => audience.rungs.includes(t));
  const rungs = `${p}target_role IN (${known.length ? known.map((t) => `'${t}'`).join(',') : 'NULL'})`;
  if (audience.onlyUserId === null) return rungs;
  const me = Math.trunc(audience.onlyUserId);
  return `(${rungs} AND (${p}target_role <> 'assignee' OR ${p}target_user_id = ${me}))`;
}
