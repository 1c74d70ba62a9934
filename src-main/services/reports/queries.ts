/**
 * A period's tickets, folded in range scans of the covering index
 * (db/report-fold.ts), or kept from before while exact (db/kept-folds.ts).
 * A period longer than a day is folded a day at a time and the days
 * absorbed in order (TicketFold.absorb gives what one fold of the whole
 * gives): each day is kept on its own, so after a write only the written
 * days are read again, and the whole is kept on top for a report asked again.
 */
import type { Db } from '../../db/open';
import type { ReportFilters } from '../../core/reports/model';
import { TicketFold } from '../../core/reports/fold';
import { runFold } from '../../db/report-fold';
import { keptFold, type FoldKind } from '../../db/kept-folds';
import { filterDependencies, periodSource } from '../../db/report-filter-sql';

export interface Period {
  fromMs: number;
  toMs: number;
}

const DAY_MS = 86_400_000;

/** [fromMs, toMs) cut every 24 h from its start: the parts tile it exactly, whatever the zone. */
export function dayParts(p: Period): Period[] {
  const parts: Period[] = [];
  for (let from = p.fromMs; from < p.toMs; from += DAY_MS) parts.push({ fromMs: from, toMs: Math.min(from + DAY_MS, p.toMs) });
  return parts;
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
    return this.whole(p, true);
  }

  /** Counts and breaches (no medians): what a period compared with needs. */
  counts(p: Period): TicketFold {
    return this.whole(p, false);
  }

  private whole(p: Period, detailed: boolean): TicketFold {
    const empty = (q: Period) => (detailed ? TicketFold.detailed(this.now, q) : TicketFold.counts(this.now));
    return this.kept(p, detailed ? 'detailed' : 'counts', () => {
      const parts = dayParts(p);
      if (parts.length <= 1) return this.fold(empty(p), p);
      const whole = empty(p);
      for (const part of parts) whole.absorb(this.kept(part, detailed ? 'dayDetailed' : 'dayCounts', () => this.fold(empty(part), part)));
      return whole;
    });
  }

  private kept(p: Period, kind: FoldKind, fold: () => TicketFold): TicketFold {
    const key = `${this.src.sql}|${JSON.stringify(this.src.params)}|${p.fromMs}|${p.toMs}`;
    const request = { key, fromMs: p.fromMs, toMs: p.toMs, now: this.now, kind, also: this.dependencies(), mayKeep: this.mayKeep };
    return keptFold(this.db, request, fold);
  }

  private fold(fold: TicketFold, p: Period): TicketFold {
    return runFold(this.db, fold, this.src.sql, { ...this.src.params, from: p.fromMs, to: p.toMs });
  }
}
