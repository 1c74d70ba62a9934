/** The upload outbox and its attempts (migration 0008). */
import { z } from 'zod';
import type { Db } from './open';
import { allRows, int, intOrNull, oneRow, text, textOrNull, value } from './rows';

export type OutboxState = 'queued' | 'sending' | 'failed' | 'rejected' | 'sent';

export interface OutboxItem {
  id: number;
  revisionId: number;
  idempotencyKey: string;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: number | null;
  lastError: string | null;
  receipt: Record<string, unknown> | null;
  receiptAt: number | null;
  queuedAt: number;
  updatedAt: number;
  /** From the export history. */
  month: string;
  revision: number;
  bundlePath: string;
  bundleSha256: string;
}

export interface OutboxAttempt {
  id: number;
  startedAt: number;
  finishedAt: number | null;
  outcome: 'sent' | 'failed' | 'rejected' | 'interrupted' | null;
  httpStatus: number | null;
  error: string | null;
}

const SELECT = `SELECT o.id, o.revision_id AS revisionId, o.idempotency_key AS idempotencyKey, o.state, o.attempts,
  o.next_attempt_at AS nextAttemptAt, o.last_error AS lastError, o.receipt, o.receipt_at AS receiptAt, o.queued_at AS queuedAt,
  o.updated_at AS updatedAt, r.month, r.revision, r.bundle_path AS bundlePath, r.bundle_sha256 AS bundleSha256
  FROM outbox o JOIN export_revisions r ON r.id = o.revision_id`;

const ItemRow: z.ZodType<OutboxItem> = z.object({
  id: int,
  revisionId: int,
  idempotencyKey: text,
  state: z.enum(['queued', 'sending', 'failed', 'rejected', 'sent'] satisfies OutboxState[]),
  attempts: int,
  nextAttemptAt: intOrNull,
  lastError: textOrNull,
  // Headquarters' receipt as it came back; an empty one counts as none.
  receipt: textOrNull.transform((s) => (s ? (JSON.parse(s) as Record<string, unknown>) : null)),
  receiptAt: intOrNull,
  queuedAt: int,
  updatedAt: int,
  month: text,
  revision: int,
  bundlePath: text,
  bundleSha256: text,
});

const AttemptRow: z.ZodType<OutboxAttempt> = z.object({
  id: int,
  startedAt: int,
  finishedAt: intOrNull,
  outcome: z.enum(['sent', 'failed', 'rejected', 'interrupted']).nullable(),
  httpStatus: intOrNull,
  error: textOrNull,
});

const FailingRow = z.object({ id: int, t: int });

export class OutboxStore {
  constructor(private readonly db: Db) {}

  get(id: number): OutboxItem | null {
    return oneRow(ItemRow, this.db.prepare(`${SELECT} WHERE o.id = ?`), id) ?? null;
  }

  byRevision(revisionId: number): OutboxItem | null {
    return oneRow(ItemRow, this.db.prepare(`${SELECT} WHERE o.revision_id = ?`), revisionId) ?? null;
  }

  all(): OutboxItem[] {
    return allRows(ItemRow, this.db.prepare(`${SELECT} ORDER BY r.month DESC, r.revision DESC`));
  }

  /** Queue a revision; a revision already queued keeps its row. Returns the item's id. */
  enqueue(revisionId: number, key: string, at: number, by: number | null): number {
    this.db
      .prepare(
        `INSERT INTO outbox (revision_id, idempotency_key, state, next_attempt_at, queued_at, queued_by, updated_at)
         VALUES (?, ?, 'queued', ?, ?, ?, ?) ON CONFLICT(revision_id) DO NOTHING`,
      )
      .run(revisionId, key, at, at, by, at);
    return this.byRevision(revisionId)!.id;
  }

  /**
   * Per item: when its first try that did not get through (failed, refused,
   * interrupted) ended. Every try before 'sent' is such a try, so this is how
   * long the item has been failing.
   */
  failingSince(): Map<number, number> {
    const rows = allRows(
      FailingRow,
      this.db.prepare(`SELECT outbox_id AS id, min(coalesce(finished_at, started_at)) AS t FROM outbox_attempts
        WHERE outcome IN ('failed', 'rejected', 'interrupted') GROUP BY outbox_id`),
    );
    return new Map(rows.map((r) => [r.id, r.t]));
  }

  /** The earliest instant an item is due, or null when nothing waits. */
  nextDueAt(): number | null {
    return value(intOrNull, this.db.prepare(`SELECT min(next_attempt_at) AS t FROM outbox WHERE state IN ('queued','failed')`)) ?? null;
  }

  /** Items due at `now`, oldest first. */
  due(now: number, limit = 10): OutboxItem[] {
    return allRows(ItemRow, this.db.prepare(`${SELECT} WHERE o.state IN ('queued','failed') AND o.next_attempt_at <= ? ORDER BY o.next_attempt_at, o.id LIMIT ?`), now, limit);
  }

  /** Mark an item as being sent and open its attempt row; both or neither. Returns the attempt id, or null if it was no longer due. */
  begin(id: number, at: number): number | null {
    return this.db.transaction(() => {
      const changed = this.db.prepare(`UPDATE outbox SET state = 'sending', attempts = attempts + 1, updated_at = ? WHERE id = ? AND state IN ('queued','failed')`).run(at, id);
      if (changed.changes === 0) return null;
      return Number(this.db.prepare('INSERT INTO outbox_attempts (outbox_id, started_at) VALUES (?, ?)').run(id, at).lastInsertRowid);
    }).immediate();
  }

  finish(
    id: number,
    attemptId: number,
    at: number,
    result:
      | { outcome: 'sent'; httpStatus: number; receipt: Record<string, unknown> }
      | { outcome: 'failed'; httpStatus: number | null; error: string; nextAttemptAt: number }
      | { outcome: 'rejected'; httpStatus: number; error: string },
  ): void {
    this.db.transaction(() => {
      const status = 'httpStatus' in result ? result.httpStatus : null;
      const error = 'error' in result ? result.error : null;
      this.db.prepare('UPDATE outbox_attempts SET finished_at = ?, outcome = ?, http_status = ?, error = ? WHERE id = ?').run(at, result.outcome, status, error, attemptId);
      if (result.outcome === 'sent') {
        this.db
          .prepare(`UPDATE outbox SET state = 'sent', receipt = ?, receipt_at = ?, next_attempt_at = NULL, last_error = NULL, updated_at = ? WHERE id = ?`)
          .run(JSON.stringify(result.receipt), at, at, id);
      } else if (result.outcome === 'failed') {
        this.db.prepare(`UPDATE outbox SET state = 'failed', next_attempt_at = ?, last_error = ?, updated_at = ? WHERE id = ?`).run(result.nextAttemptAt, error, at, id);
      } else {
        this.db.prepare(`UPDATE outbox SET state = 'rejected', next_attempt_at = NULL, last_error = ?, updated_at = ? WHERE id = ?`).run(error, at, id);
      }
    }).immediate();
  }

  /** At start: tries that a dead process left under way are marked interrupted and the items due again now. */
  recoverInterrupted(at: number): number {
    return this.db.transaction(() => {
      this.db.prepare(`UPDATE outbox_attempts SET outcome = 'interrupted', finished_at = ?, error = 'the console stopped during the upload' WHERE outcome IS NULL`).run(at);
      return this.db.prepare(`UPDATE outbox SET state = 'failed', next_attempt_at = ?, last_error = 'interrupted', updated_at = ? WHERE state = 'sending'`).run(at, at).changes;
    }).immediate();
  }

  /** "Retry now": a failed or rejected item is due again at once. */
  retryNow(id: number, at: number): boolean {
    return this.db.prepare(`UPDATE outbox SET state = 'failed', next_attempt_at = ?, updated_at = ? WHERE id = ? AND state IN ('failed','rejected','queued')`).run(at, at, id).changes > 0;
  }

  attempts(id: number): OutboxAttempt[] {
    return allRows(
      AttemptRow,
      this.db.prepare(`SELECT id, started_at AS startedAt, finished_at AS finishedAt, outcome, http_status AS httpStatus, error FROM outbox_attempts WHERE outbox_id = ? ORDER BY id`),
      id,
    );
  }
}
