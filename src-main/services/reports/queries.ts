/** A period's tickets, folded in one range scan of the covering index (db/report-fold.ts). */
import type { Db } from '../../db/open';
import type { ReportFilters } from '../../core/reports/model';
import { TicketFold } from '../../core/reports/fold';
import { runFold } from '../../db/report-fold';
import { keptCountsFold } from '../../db/kept-folds';
import { periodSource } from '../../db/report-filter-sql';

export interface Period {
  fromMs: number;
  toMs: number;
}

export class PeriodQueries {
  private readonly src;
  constructor(
    private readonly db: Db,
    filters: ReportFilters,
    private readonly now: number,
  ) {
    this.src = periodSource(filters);
  }

  /** Every count, the breaches per clock, the medians, the breakdowns and the arrival buckets. */
  detailed(p: Period): TicketFold {
    return this.fold(TicketFold.detailed(this.now, p), p);
  }

  /** Counts and breaches (no medians): what a period compared with needs. Kept while exact (db/kept-folds.ts). */
  counts(p: Period): TicketFold {
    const key = `${this.src.sql}|${JSON.stringify(this.src.params)}|${p.fromMs}|${p.toMs}`;
    return keptCountsFold(this.db, key, this.now, () => this.fold(TicketFold.counts(this.now), p));
  }

  private fold(fold: TicketFold, p: Period): TicketFold {
    return runFold(this.db, fold, this.src.sql, { ...this.src.params, from: p.fromMs, to: p.toMs });
  }
}
