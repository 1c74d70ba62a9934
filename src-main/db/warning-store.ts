/**
 * Stored volume warnings and their append-only history (migration 0016).
 * The store writes what the service decided; it decides nothing.
 */
import type { Db } from './open';
import { z } from 'zod';
import { allRows, column, int, intOrNull, oneRow, text, textOrNull, value } from './rows';
import type { Assessment, OpenWarning, WarningLevel, WarningRecipient, WarningSource } from '../core/warnings';

const WARNING_EVENT_KINDS = ['raised', 'level_raised', 'reviewed', 'published', 'recovered', 'closed'] as const;
export type WarningEventKind = (typeof WARNING_EVENT_KINDS)[number];

const EventRow = z.object({ id: int, at: int, actor: textOrNull, kind: z.enum(WARNING_EVENT_KINDS), detail: text });
export type Recipient = WarningRecipient;

export interface StoredWarning extends OpenWarning {
  district: string | null;
  windowStart: number;
  windowEnd: number;
  count: number;
  baseline: number | null;
  threshold: number | null;
  protection: number;
  lastCount: number;
  lastCheckedAt: number;
  note: string | null;
  raisedAt: number;
  raisedBy: string | null;
  review: 'approved' | 'rejected' | null;
  reviewComment: string | null;
  reviewedAt: number | null;
  reviewedBy: string | null;
  publishedAt: number | null;
  publishedBy: string | null;
  publishedTo: Recipient[] | null;
  ended: 'recovered' | 'closed' | null;
  endedAt: number | null;
  endedBy: string | null;
  endReason: string | null;
}

export interface WarningEvent {
  id: number;
  at: number;
  actor: string | null;
  kind: WarningEventKind;
  detail: Record<string, unknown>;
}

export interface NewWarning {
  source: WarningSource;
  assessment: Assessment & { level: WarningLevel };
  periodKey: string;
  window: { start: number; end: number };
  note: string | null;
  at: number;
  by: number | null;
}

const SELECT = `
  SELECT w.id, w.source, w.category, w.scope, w.district, w.period, w.period_key AS periodKey,
         w.window_start AS windowStart, w.window_end AS windowEnd, w.level, w.count, w.baseline, w.threshold,
         w.protection, w.peak_count AS peakCount, w.last_count AS lastCount, w.last_checked_at AS lastCheckedAt,
         w.note, w.raised_at AS raisedAt, ru.display_name AS raisedBy, w.review, w.review_comment AS reviewComment,
         w.reviewed_at AS reviewedAt, vu.display_name AS reviewedBy, w.published_at AS publishedAt,
         pu.display_name AS publishedBy, w.published_to AS publishedTo, w.ended, w.ended_at AS endedAt,
         eu.display_name AS endedBy, w.end_reason AS endReason
    FROM warnings w
    LEFT JOIN users ru ON ru.id = w.raised_by
    LEFT JOIN users vu ON vu.id = w.reviewed_by
    LEFT JOIN users pu ON pu.id = w.published_by
    LEFT JOIN users eu ON eu.id = w.ended_by`;

const openFields = z.object({
  id: int,
  source: z.enum(['auto', 'manual']),
  category: text,
  scope: text,
  period: z.enum(['month', 'rolling7']),
  periodKey: text,
  level: z.enum(['yellow', 'orange', 'red']),
  peakCount: int,
});
const OpenRow: z.ZodType<OpenWarning> = openFields;

const num = z.number();
// A stored warning: an open one's fields and the rest of its record.
const Row = openFields.extend({
  district: textOrNull,
  windowStart: int,
  windowEnd: int,
  count: int,
  baseline: num.nullable(),
  threshold: num.nullable(),
  protection: num,
  lastCount: int,
  lastCheckedAt: int,
  note: textOrNull,
  raisedAt: int,
  raisedBy: textOrNull,
  review: z.enum(['approved', 'rejected']).nullable(),
  reviewComment: textOrNull,
  reviewedAt: intOrNull,
  reviewedBy: textOrNull,
  publishedAt: intOrNull,
  publishedBy: textOrNull,
  publishedTo: textOrNull,
  ended: z.enum(['recovered', 'closed']).nullable(),
  endedAt: intOrNull,
  endedBy: textOrNull,
  endReason: textOrNull,
});
type Row = z.infer<typeof Row>;

const KeyRow = z.object({ category: text, scope: text, period: z.enum(['month', 'rolling7']), k: text });
const toWarning = (r: Row): StoredWarning => ({ ...r, publishedTo: r.publishedTo === null ? null : (JSON.parse(r.publishedTo) as Recipient[]) });

export class WarningStore {
  constructor(private readonly db: Db) {}

  open(): OpenWarning[] {
    return allRows(OpenRow, this.db.prepare(`SELECT id, source, category, scope, period, period_key AS periodKey, level, peak_count AS peakCount FROM warnings WHERE ended IS NULL`));
  }

  /** "category scope period periodKey" of every warning raised in these periods, ended or not. */
  raisedKeys(periodKeys: readonly string[]): Set<string> {
    const rows = allRows(
      KeyRow,
      this.db.prepare(`SELECT category, scope, period, period_key AS k FROM warnings WHERE period_key IN (SELECT value FROM json_each(?))`),
      JSON.stringify(periodKeys),
    );
    return new Set(rows.map((r) => `${r.category}\u0000${r.scope}\u0000${r.period}\u0000${r.k}`));
  }

  insert(w: NewWarning): number {
    const a = w.assessment;
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO warnings (source, category, scope, district, period, period_key, window_start, window_end, level, count,
             baseline, threshold, protection, peak_count, last_count, last_checked_at, note, raised_at, raised_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(w.source, a.category, a.scope, a.district, a.period, w.periodKey, w.window.start, w.window.end, a.level, a.count,
          a.baseline, a.threshold, a.protection, a.count, a.count, w.at, w.note, w.at, w.by).lastInsertRowid,
    );
    this.event(id, w.at, w.by, 'raised', { source: w.source, level: a.level, count: a.count, baseline: a.baseline, threshold: a.threshold, note: w.note });
    return id;
  }

  /** The latest count a check saw; the level only ever goes up. */
  seen(id: number, count: number, at: number, level?: WarningLevel): void {
    this.db
      .prepare(
        `UPDATE warnings SET last_count = ?, peak_count = max(peak_count, ?), last_checked_at = ?, level = coalesce(?, level),
           count = CASE WHEN ? IS NULL THEN count ELSE ? END WHERE id = ?`,
      )
      .run(count, count, at, level ?? null, level ?? null, count, id);
  }

  review(id: number, result: 'approved' | 'rejected' | null, comment: string | null, at: number | null, by: number | null): void {
    this.db.prepare('UPDATE warnings SET review = ?, review_comment = ?, reviewed_at = ?, reviewed_by = ? WHERE id = ?').run(result, comment, at, by, id);
  }

  publish(id: number, recipients: readonly Recipient[], at: number, by: number): void {
    this.db.prepare('UPDATE warnings SET published_at = ?, published_by = ?, published_to = ? WHERE id = ?').run(at, by, JSON.stringify(recipients), id);
  }

  end(id: number, how: 'recovered' | 'closed', at: number, by: number | null, reason: string): void {
    this.db.prepare('UPDATE warnings SET ended = ?, ended_at = ?, ended_by = ?, end_reason = ? WHERE id = ?').run(how, at, by, reason, id);
  }

  event(warningId: number, at: number, actor: number | null, kind: WarningEventKind, detail: Record<string, unknown>): void {
    this.db.prepare('INSERT INTO warning_events (warning_id, at, actor_id, kind, detail) VALUES (?, ?, ?, ?, ?)').run(warningId, at, actor, kind, JSON.stringify(detail));
  }

  byId(id: number): StoredWarning | null {
    const r = oneRow(Row, this.db.prepare(`${SELECT} WHERE w.id = ?`), id);
    return r ? toWarning(r) : null;
  }

  byIds(ids: readonly number[]): StoredWarning[] {
    return allRows(Row, this.db.prepare(`${SELECT} WHERE w.id IN (SELECT value FROM json_each(?)) ORDER BY w.id`), JSON.stringify(ids)).map(toWarning);
  }

  /** Every warning raised in [from, to), newest first (the page filters them; a branch raises a few a month). */
  raisedBetween(from: number, to: number): StoredWarning[] {
    return allRows(Row, this.db.prepare(`${SELECT} WHERE w.raised_at >= ? AND w.raised_at < ? ORDER BY w.raised_at DESC, w.id DESC`), from, to).map(toWarning);
  }

  events(warningId: number): WarningEvent[] {
    const rows = allRows(
      EventRow,
      this.db.prepare(
        `SELECT e.id, e.at, u.display_name AS actor, e.kind, e.detail FROM warning_events e LEFT JOIN users u ON u.id = e.actor_id
          WHERE e.warning_id = ? ORDER BY e.id`,
      ),
      warningId,
    );
    return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
  }

  /** Open warnings nobody has reviewed yet (the bell and Today's 新预警). */
  unreviewed(): number {
    return value(int, this.db.prepare('SELECT count(*) AS n FROM warnings WHERE ended IS NULL AND review IS NULL')) ?? 0;
  }

  /** Customers' numbers among the tickets a warning counts: its categories, district and window. */
  phones(categoryIds: readonly number[], district: string | null, start: number, end: number, limit: number): string[] {
    return column(
      text,
      this.db.prepare(
        `SELECT DISTINCT phone FROM tickets
          WHERE category_id IN (SELECT value FROM json_each(?)) AND received_at >= ? AND received_at < ? AND status <> 'voided'
            AND (? IS NULL OR district = ?)
          ORDER BY phone LIMIT ?`,
      ),
      JSON.stringify(categoryIds),
      start,
      end,
      district,
      district,
      limit,
    );
  }
}
