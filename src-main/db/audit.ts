import type { Db } from './open';

/** Append-only record of who did what outside a ticket's own history. */
export class AuditLog {
  constructor(private readonly db: Db) {}
  add(at: number, actorId: number | null, action: string, subject: string | null, details: unknown = {}): void {
    this.db
      .prepare('INSERT INTO audit_log (at, actor_id, action, subject, details) VALUES (?, ?, ?, ?, ?)')
      .run(at, actorId, action, subject, JSON.stringify(details));
  }
  list(limit = 200): Array<{ id: number; at: number; actorId: number | null; action: string; subject: string | null; details: unknown }> {
    return (
      this.db
        .prepare('SELECT id, at, actor_id AS actorId, action, subject, details FROM audit_log ORDER BY id DESC LIMIT ?')
        .all(limit) as Array<{ id: number; at: number; actorId: number | null; action: string; subject: string | null; details: string }>
    ).map((r) => ({ ...r, details: JSON.parse(r.details) as unknown }));
  }
}
