/**
 * Ticket counts for the volume-warning check: voided tickets never count.
 * Each window is one range walk of tickets_warning_counts (migration 0016),
 * a partial index of the tickets that count holding only received_at,
 * category_id and district, so no table row is read and few pages are.
 */
import { notDemo } from './demo-sql';
import type { Db } from './open';
import type { CountRow } from '../core/warnings';
import { z } from 'zod';
import { allRows, int, textOrNull } from './rows';

const CountShape: z.ZodType<CountRow> = z.object({ categoryId: int, district: textOrNull, n: int });

export class WarningCountReader {
  constructor(private readonly db: Db) {}

  /** Tickets received in [start, end), per category and district. */
  counts(start: number, end: number): CountRow[] {
    return allRows(
      CountShape,
      this.db.prepare(
        `SELECT category_id AS categoryId, district, count(*) AS n
           FROM tickets INDEXED BY tickets_warning_counts
          WHERE received_at >= ? AND received_at < ? AND status <> 'voided' AND ${notDemo('tickets')}
          GROUP BY category_id, district`,
      ),
      start,
      end,
    );
  }

  /** Whether any of these categories has a ticket received before the instant (one tickets_category probe per id). */
  hasTicketBefore(categoryIds: readonly number[], before: number): boolean {
    const probe = this.db.prepare(
      `SELECT 1 FROM tickets INDEXED BY tickets_category
        WHERE category_id = ? AND received_at < ? AND status <> 'voided' AND ${notDemo('tickets')} LIMIT 1`,
    );
    return categoryIds.some((id) => probe.get(id, before) !== undefined);
  }
}
