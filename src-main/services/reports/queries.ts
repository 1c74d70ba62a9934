/** A period's tickets, folded in one range scan of the covering index (db/report-fold.ts), or kept from before while exact (db/kept-folds.ts). */
import type { Db } from '../../db/open';
import type { ReportFilters } from '../../core/reports/model';
import { TicketFold } from '../../core/reports/fold';
import { runFold } from '../../db/report-fold';
import { keptFold } from '../../db/kept-folds';
import { filterDependencies, periodSource } from '../../db/report-filter-sql';

export interface Period {
  fromMs: number;
  toMs: number;
}

export class PeriodQueries {
  private readonly src;
  private readonly dependencies;
  /** Made inside a caller's transaction (which may write, then roll back), nothing is kept from it. */
  private readonly mayKeep: boolean;
  constructor(
    private readonly db: Db,
    filters: ReportFilters,
    private readonly now: number,
  ) {
    this.src = periodSource(filters);
    this.dependencies = filterDependencies(db, filters);
    this.mayKeep = !db.inTransaction;
  }

  /** Every count, the breaches per clock, the medians, the breakdowns and the arrival buckets. */
  detailed(p: Period): TicketFold {
    return this.kept(p, true, () => this.fold(TicketFold.detailed(this.now, p), p));
  }

  /** Counts and breaches (no medians): what a period compared with needs. */
  counts(p: Period): TicketFold {
    return this.kept(p, false, () => this.fold(TicketFold.counts(this.now), p));
  }

  private kept(p: Period, detailed: boolean, fold: () => TicketFold): TicketFold {
    const key = `${this.src.sql}|${JSON.stringify(this.src.params)}|${p.fromMs}|${p.toMs}`;
    const request = { key, fromMs: p.fromMs, toMs: p.toMs, now: this.now, detailed, also: this.dependencies(), mayKeep: this.mayKeep };
    return keptFold(this.db, request, fold);
  }

  private fold(fold: TicketFold, p: Period): TicketFold {
    return runFold(this.db, fold, this.src.sql, { ...this.src.params, from: p.fromMs, to: p.toMs });
  }
}
