import { z } from 'zod';
import type { Db } from './open';
import { allRows, column, eachRow, int, intOrNull, json, text, textOrNull, value } from './rows';

export interface AuditRow {
  id: number;
  at: number;
  actorId: number | null;
  action: string;
  subject: string | null;
  details: unknown;
}

/** Which entries an administrator is looking at. `from`/`to` are instants, `to` exclusive. */
export interface AuditFilter {
  actorId?: number | undefined;
  /** An exact action (`auth.login_failed`) or an area ending in a dot (`auth.`). */
  action?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
}

const SELECT = 'SELECT id, at, actor_id AS actorId, action, subject, details FROM audit_log';
const Row: z.ZodType<AuditRow> = z.object({ id: int, at: int, actorId: intOrNull, action: text, subject: textOrNull, details: json });

function where(f: AuditFilter): { sql: string; params: Array<string | number> } {
  const parts: string[] = [];
  const params: Array<string | number> = [];
  if (f.actorId !== undefined) {
    parts.push('actor_id = ?');
    params.push(f.actorId);
  }
  if (f.action !== undefined) {
    if (f.action.endsWith('.')) {
      // A prefix match that LIKE's wildcards in the text cannot widen.
      parts.push('substr(action, 1, ?) = ?');
      params.push(f.action.length, f.action);
    } else {
      parts.push('action = ?');
      params.push(f.action);
    }
  }
  if (f.from !== undefined) {
    parts.push('at >= ?');
    params.push(f.from);
  }
  if (f.to !== undefined) {
    parts.push('at < ?');
    params.push(f.to);
  }
  return { sql: parts.length ? ` WHERE ${parts.join(' AND ')}` : '', params };
}

/** Append-only record of who did what outside a ticket's own history. */
export class AuditLog {
  constructor(private readonly db: Db) {}
  add(at: number, actorId: number | null, action: string, subject: string | null, details: unknown = {}): void {
    this.db
      .prepare('INSERT INTO audit_log (at, actor_id, action, subject, details) VALUES (?, ?, ?, ?, ?)')
      .run(at, actorId, action, subject, JSON.stringify(details));
  }
  list(limit = 200): AuditRow[] {
    return allRows(Row, this.db.prepare(`${SELECT} ORDER BY id DESC LIMIT ?`), limit);
  }

  /** One page of the filtered entries, newest first. */
  page(filter: AuditFilter, offset: number, limit: number): AuditRow[] {
    const w = where(filter);
    return allRows(Row, this.db.prepare(`${SELECT}${w.sql} ORDER BY id DESC LIMIT ? OFFSET ?`), ...w.params, limit, offset);
  }

  count(filter: AuditFilter): number {
    const w = where(filter);
    return value(int, this.db.prepare(`SELECT count(*) AS n FROM audit_log${w.sql}`), ...w.params) ?? 0;
  }

  /** The filtered entries one by one, newest first (an export never holds them all as objects). */
  *iterate(filter: AuditFilter): Generator<AuditRow> {
    const w = where(filter);
    yield* eachRow(Row, this.db.prepare(`${SELECT}${w.sql} ORDER BY id DESC`), ...w.params);
  }

  /** Every action that occurs, for the filter's choices. */
  actions(): string[] {
    return column(text, this.db.prepare('SELECT DISTINCT action FROM audit_log ORDER BY action'));
  }
}
