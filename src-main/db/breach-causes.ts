/**
 * Breach causes (migration 0018): the branch's list, the cause recorded on a
 * ticket settled after a missed clock (one per ticket, the latest settling's),
 * and the causes recorded on a period's tickets for the Pareto.
 */
import { z } from 'zod';
import type { Db } from './open';
import type { BreachCauseOption } from '../core/breach-causes';
import type { ReportFilters } from '../core/reports/model';
import { filterSql } from './report-filter-sql';
import { notDemo } from './demo-sql';
import { allRows, flag, int, text } from './rows';

const OptionRow: z.ZodType<BreachCauseOption> = z.object({ code: text, nameZh: text, nameEn: text, needsText: flag, active: flag });
const RecordedRow = z.object({ cause: text, id: int });

export interface RecordedCause {
  ticketId: number;
  cause: string;
  detail: string | null;
  at: number;
  by: number;
}

export class BreachCauseStore {
  constructor(private readonly db: Db) {}

  /** The whole list, retired causes too, in the branch's order (其他 last, after any the branch added). */
  options(): BreachCauseOption[] {
    return allRows(
      OptionRow,
      this.db.prepare(
        "SELECT code, name_zh AS nameZh, name_en AS nameEn, needs_text AS needsText, active FROM breach_causes ORDER BY code = 'other', sort, code",
      ),
    );
  }

  /** A cause the branch adds, after the others. */
  add(o: BreachCauseOption): void {
    this.db
      .prepare(
        `INSERT INTO breach_causes (code, name_zh, name_en, needs_text, active, sort)
         VALUES (?, ?, ?, ?, ?, (SELECT coalesce(max(sort), 0) + 1 FROM breach_causes))`,
      )
      .run(o.code, o.nameZh, o.nameEn, o.needsText ? 1 : 0, o.active ? 1 : 0);
  }

  /** A cause renamed, retired or brought back (its code stays). */
  update(o: BreachCauseOption): void {
    this.db
      .prepare('UPDATE breach_causes SET name_zh = ?, name_en = ?, needs_text = ?, active = ? WHERE code = ?')
      .run(o.nameZh, o.nameEn, o.needsText ? 1 : 0, o.active ? 1 : 0, o.code);
  }

  /** Records the ticket's cause, replacing the one an earlier settling recorded. */
  record(r: RecordedCause): void {
    this.db
      .prepare(
        `INSERT INTO ticket_breach_causes (ticket_id, cause, detail, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (ticket_id) DO UPDATE SET cause = excluded.cause, detail = excluded.detail,
           recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by`,
      )
      .run(r.ticketId, r.cause, r.detail, r.at, r.by);
  }

  /** The cause of each ticket received in [from, to) that passes the filters (voided ones out), by arrival. */
  recordedOn(fromMs: number, toMs: number, filters: ReportFilters): Array<{ cause: string; id: number }> {
    const f = filterSql(filters);
    return allRows(
      RecordedRow,
      this.db.prepare(
        `SELECT b.cause, t.id FROM ticket_breach_causes b JOIN tickets t ON t.id = b.ticket_id
          WHERE t.received_at >= @from AND t.received_at < @to AND t.status <> 'voided' AND ${notDemo('t')}${f.sql} ORDER BY t.received_at, t.id`,
      ),
      { ...f.params, from: fromMs, to: toMs },
    );
  }
}
