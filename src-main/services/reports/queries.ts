/** The report's SQL passes over one period, each one range scan of the covering index. */
import type { Db } from '../../db/open';
import type { Channel } from '../../core/enums';
import type { BreachCounts, KpiCounts, KpiMedians, ReportFilters } from '../../core/reports/model';
import { BUCKET_MS, type BucketRow } from '../../core/reports/buckets';
import { EMPTY_COUNTS } from '../../core/reports/definitions';
import { rate } from '../../core/reports/rates';
import { COUNT_SQL, DEPARTMENT_SQL, MEDIAN_SQL, MISSED_SQL, periodSource, select } from './sql';

export interface Period {
  fromMs: number;
  toMs: number;
}

export interface PeriodTotals {
  counts: KpiCounts;
  medians: KpiMedians;
  missed: BreachCounts;
}

export interface DepartmentRow {
  /** null: not yet with a department. */
  department: string | null;
  count: number;
  resolved: number;
  handled: number;
  handlingMeanMs: number | null;
  handlingMedianMs: number | null;
  breached: number;
  breachedShare: number | null;
}

type Row = Record<string, number | string | null>;
const num = (v: number | string | null | undefined) => Number(v ?? 0);
const numOrNull = (v: number | string | null | undefined) => (v === null || v === undefined ? null : Number(v));

const COUNTS_SQL = select(COUNT_SQL);
const TOTALS_SQL = [COUNTS_SQL, select(MEDIAN_SQL), select(MISSED_SQL, 'missed_')].join(', ');

export interface ChannelCategoryCount {
  channel: Channel;
  categoryId: number;
  count: number;
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

  private all(sql: string, p: Period): Row[] {
    return this.db.prepare(sql).all({ ...this.src.params, from: p.fromMs, to: p.toMs, now: this.now }) as Row[];
  }

  /** Every KPI count, both medians and the missed clocks of the period: one pass. */
  totals(p: Period): PeriodTotals {
    return this.readTotals(p, TOTALS_SQL);
  }

  /** The counts alone (for the periods compared with): medians stay null, the lighter pass. */
  countsOnly(p: Period): PeriodTotals {
    return this.readTotals(p, COUNTS_SQL);
  }

  private readTotals(p: Period, columns: string): PeriodTotals {
    const r = this.all(`SELECT ${columns} ${this.src.sql}`, p)[0] ?? {};
    const counts = { ...EMPTY_COUNTS };
    for (const k of Object.keys(counts) as Array<keyof KpiCounts>) counts[k] = num(r[k]);
    return {
      counts,
      medians: { responseMedianMs: numOrNull(r.responseMedianMs), handlingMedianMs: numOrNull(r.handlingMedianMs) },
      missed: { first_response: num(r.missed_first_response), resolution: num(r.missed_resolution), follow_up: num(r.missed_follow_up) },
    };
  }

  /** Counts per channel × category as recorded (core/reports/rollup.ts makes the channel mix and the categories' Pareto). */
  byChannelCategory(p: Period): ChannelCategoryCount[] {
    return this.all(
      `SELECT t.channel AS channel, t.category_id AS categoryId, count(*) AS count ${this.src.sql} GROUP BY t.channel, t.category_id`,
      p,
    ) as never;
  }

  byDepartment(p: Period): DepartmentRow[] {
    const rows = this.all(`SELECT t.department AS department, ${select(DEPARTMENT_SQL)} ${this.src.sql} GROUP BY t.department`, p);
    return rows
      .map((r) => ({
        department: (r.department as string | null) ?? null,
        count: num(r.count),
        resolved: num(r.resolved),
        handled: num(r.handled),
        handlingMeanMs: numOrNull(r.handlingMeanMs),
        handlingMedianMs: numOrNull(r.handlingMedianMs),
        breached: num(r.breached),
        breachedShare: rate(num(r.breached), num(r.count)),
      }))
      .sort((a, b) => b.count - a.count);
  }

  /** Arrivals and missed clocks per 15-minute bucket (core/reports/buckets.ts makes local days and hours of them). */
  buckets(p: Period): BucketRow[] {
    return this.all(`SELECT t.received_at / ${BUCKET_MS} AS q, count(*) AS n, ${select(MISSED_SQL)} ${this.src.sql} GROUP BY q`, p) as never;
  }
}
