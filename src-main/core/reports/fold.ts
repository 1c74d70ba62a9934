/**
 * What each ticket adds to a report, written once: its part of every count of
 * KpiCounts (definitions.ts turns the counts into KPIs), of the breaches per
 * clock, of the medians, and of the breakdowns and charts.
 *
 * SQLite reads a period's tickets from the covering index, filters them, and
 * hands each one to a fold as it passes (db/report-fold.ts): no row object is
 * built, and one pass gives what took SQL five passes, three of them sorted
 * for GROUP BY. Memory grows with the groups and with two durations per
 * ticket (for the medians), not with the rows.
 *
 * A clock's outcome is read from the ticket's outcome columns (migration
 * 0004) at the report's `now`: missed ⇔ *_missed_at ≤ now, met in time ⇔
 * res_met_at ≤ now.
 */
import type { Channel } from '../enums';
import type { BreachCounts, KpiCounts, KpiMedians } from './model';
import { BUCKET_MS, type BucketRow } from './buckets';
import { mean, rate } from './rates';
import { Samples } from './samples';

/** The fields a fold reads of a ticket, in the order `add` takes them (db/report-fold.ts maps each to its column). */
export const FOLD_FIELDS = [
  'receivedAt',
  'status',
  'level',
  'channel',
  'categoryId',
  'department',
  'isRepeat',
  'satisfaction',
  'firstResponseAt',
  'resolvedAt',
  'frMissedAt',
  'resMissedAt',
  'resMetAt',
  'fuMissedAt',
] as const;
export type FoldField = (typeof FOLD_FIELDS)[number];

export interface ChannelCategoryCount {
  channel: Channel;
  categoryId: number;
  count: number;
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

interface DepartmentAcc {
  count: number;
  resolved: number;
  breached: number;
  handlingSumMs: number;
  handling: Samples;
}

/**
 * The counts and medians of one period. `TicketFold.detailed` also keeps the
 * breakdowns and the 15-minute arrival buckets of the charts. The counts are
 * plain fields (not a KpiCounts object) and the durations typed arrays: `add`
 * runs once per ticket, and a month of tickets made the difference measurable.
 */
export class TicketFold {
  private total = 0;
  private resolved = 0;
  private dueCount = 0;
  private onTime = 0;
  private repeat = 0;
  private overlevel = 0;
  private rated = 0;
  private satisfied = 0;
  private responseSumMs = 0;
  private handlingSumMs = 0;
  private breached = 0;
  private missedFr = 0;
  private missedRes = 0;
  private missedFu = 0;
  private responded = 0;
  private handled = 0;
  private nextOutcome = Infinity;
  private readonly detail: Detail | null;

  private constructor(
    private readonly now: number,
    period: { fromMs: number; toMs: number } | null,
  ) {
    this.detail = period ? new Detail(period.fromMs, period.toMs) : null;
  }

  /** Whether this fold keeps the breakdowns, and so reads channel, category and department. */
  get detailed(): boolean {
    return this.detail !== null;
  }

  /** Counts and breaches per clock: what a compared period needs (its medians stay null). */
  static counts(now: number): TicketFold {
    return new TicketFold(now, null);
  }

  /** Everything, medians, breakdowns and buckets too, for the tickets received in [fromMs, toMs). */
  static detailed(now: number, period: { fromMs: number; toMs: number }): TicketFold {
    return new TicketFold(now, period);
  }

  // Positional, in FOLD_FIELDS order: SQLite calls this once per ticket, so no object is built for it.
  add(
    receivedAt: number,
    status: string,
    level: string,
    channel: Channel,
    categoryId: number,
    department: string | null,
    isRepeat: number,
    satisfaction: string | null,
    firstResponseAt: number | null,
    resolvedAt: number | null,
    frMissedAt: number | null,
    resMissedAt: number | null,
    resMetAt: number | null,
    fuMissedAt: number | null,
  ): void {
    const now = this.now;
    const resolved = status === 'resolved' || status === 'closed';
    const metInTime = resMetAt !== null && resMetAt <= now;
    const missedFr = frMissedAt !== null && frMissedAt <= now;
    const missedRes = resMissedAt !== null && resMissedAt <= now;
    const missedFu = fuMissedAt !== null && fuMissedAt <= now;
    const breached = missedFr || missedRes || missedFu;
    // The first outcome still to come: until then the fold's counts are the same at any later `now`.
    if (resMetAt !== null && resMetAt > now && resMetAt < this.nextOutcome) this.nextOutcome = resMetAt;
    if (frMissedAt !== null && frMissedAt > now && frMissedAt < this.nextOutcome) this.nextOutcome = frMissedAt;
    if (resMissedAt !== null && resMissedAt > now && resMissedAt < this.nextOutcome) this.nextOutcome = resMissedAt;
    if (fuMissedAt !== null && fuMissedAt > now && fuMissedAt < this.nextOutcome) this.nextOutcome = fuMissedAt;
    this.total++;
    if (resolved) this.resolved++;
    if (metInTime || missedRes) this.dueCount++;
    if (metInTime) this.onTime++;
    if (isRepeat) this.repeat++;
    if (level === 'overlevel') this.overlevel++;
    if (satisfaction !== null) {
      this.rated++;
      if (satisfaction === 'satisfied' || satisfaction === 'basically_satisfied') this.satisfied++;
    }
    // A response or resolution recorded before receipt (bad source data) counts as immediate.
    let responseMs = -1;
    if (firstResponseAt !== null) {
      responseMs = firstResponseAt > receivedAt ? firstResponseAt - receivedAt : 0;
      this.responded++;
      this.responseSumMs += responseMs;
    }
    let handlingMs = -1;
    if (resolvedAt !== null) {
      handlingMs = resolvedAt > receivedAt ? resolvedAt - receivedAt : 0;
      this.handled++;
      this.handlingSumMs += handlingMs;
    }
    if (breached) this.breached++;
    if (missedFr) this.missedFr++;
    if (missedRes) this.missedRes++;
    if (missedFu) this.missedFu++;
    if (this.detail) this.detail.add(receivedAt, channel, categoryId, department, resolved, responseMs, handlingMs, breached, missedFr, missedRes, missedFu);
  }

  /**
   * Add a fold of part of this one's period, taken as this one would take it
   * (the same kind; its counts the same at this fold's instant, see
   * `validity`): folding a period's parts in order and absorbing them gives
   * what one fold of the whole gives, breakdowns in the same order.
   */
  absorb(part: TicketFold): void {
    if ((part.detail === null) !== (this.detail === null)) throw new Error('TicketFold.absorb: a fold of another kind');
    this.total += part.total;
    this.resolved += part.resolved;
    this.dueCount += part.dueCount;
    this.onTime += part.onTime;
    this.repeat += part.repeat;
    this.overlevel += part.overlevel;
    this.rated += part.rated;
    this.satisfied += part.satisfied;
    this.responseSumMs += part.responseSumMs;
    this.handlingSumMs += part.handlingSumMs;
    this.breached += part.breached;
    this.missedFr += part.missedFr;
    this.missedRes += part.missedRes;
    this.missedFu += part.missedFu;
    this.responded += part.responded;
    this.handled += part.handled;
    if (part.nextOutcome < this.nextOutcome) this.nextOutcome = part.nextOutcome;
    if (this.detail && part.detail) this.detail.absorb(part.detail);
  }

  get counts(): KpiCounts {
    return {
      total: this.total,
      resolved: this.resolved,
      dueCount: this.dueCount,
      onTime: this.onTime,
      repeat: this.repeat,
      overlevel: this.overlevel,
      rated: this.rated,
      satisfied: this.satisfied,
      responded: this.responded,
      responseSumMs: this.responseSumMs,
      handled: this.handled,
      handlingSumMs: this.handlingSumMs,
      breached: this.breached,
    };
  }

  /**
   * The instant the counts were taken at, and the first outcome after it (Infinity: none):
   * with the same tickets, a fold taken at any instant in [at, nextChange) counts the same.
   */
  get validity(): { at: number; nextChange: number } {
    return { at: this.now, nextChange: this.nextOutcome };
  }

  /** Tickets that missed each of their clocks. */
  get missed(): BreachCounts {
    return { first_response: this.missedFr, resolution: this.missedRes, follow_up: this.missedFu };
  }

  /** Call once: selecting the middle reorders the kept durations. Null for a fold of counts alone. */
  medians(): KpiMedians {
    return this.detail?.medians() ?? { responseMedianMs: null, handlingMedianMs: null };
  }

  /** Counts per channel × category as recorded (rollup.ts makes the channel mix and the categories' Pareto). */
  byChannelCategory(): ChannelCategoryCount[] {
    return this.detail?.byChannelCategory() ?? [];
  }

  /** Per department, largest first. */
  byDepartment(): DepartmentRow[] {
    return this.detail?.byDepartment() ?? [];
  }

  /** Arrivals and missed clocks per 15-minute bucket that had any (buckets.ts makes local days and hours of them). */
  buckets(): BucketRow[] {
    return this.detail?.buckets() ?? [];
  }
}

/** The breakdowns of one period; the buckets are arrays indexed from the period's first 15 minutes. */
class Detail {
  private readonly firstBucket: number;
  private readonly arrivals: Uint32Array;
  private readonly missedFr: Uint32Array;
  private readonly missedRes: Uint32Array;
  private readonly missedFu: Uint32Array;
  private readonly channels = new Map<Channel, Map<number, number>>();
  private readonly departments = new Map<string | null, DepartmentAcc>();
  // Handling times are kept per department only: the branch's median is taken over all of them together.
  private readonly response = new Samples();

  constructor(fromMs: number, toMs: number) {
    this.firstBucket = Math.floor(fromMs / BUCKET_MS);
    const n = Math.max(Math.ceil(toMs / BUCKET_MS) - this.firstBucket, 0);
    this.arrivals = new Uint32Array(n);
    this.missedFr = new Uint32Array(n);
    this.missedRes = new Uint32Array(n);
    this.missedFu = new Uint32Array(n);
  }

  add(
    receivedAt: number,
    channel: Channel,
    categoryId: number,
    department: string | null,
    resolved: boolean,
    responseMs: number,
    handlingMs: number,
    breached: boolean,
    missedFr: boolean,
    missedRes: boolean,
    missedFu: boolean,
  ): void {
    if (responseMs >= 0) this.response.push(responseMs);
    const b = Math.floor(receivedAt / BUCKET_MS) - this.firstBucket;
    this.arrivals[b]!++;
    if (missedFr) this.missedFr[b]!++;
    if (missedRes) this.missedRes[b]!++;
    if (missedFu) this.missedFu[b]!++;

    let categories = this.channels.get(channel);
    if (!categories) this.channels.set(channel, (categories = new Map()));
    categories.set(categoryId, (categories.get(categoryId) ?? 0) + 1);

    let d = this.departments.get(department);
    if (!d) this.departments.set(department, (d = { count: 0, resolved: 0, breached: 0, handlingSumMs: 0, handling: new Samples() }));
    d.count++;
    if (resolved) d.resolved++;
    if (breached) d.breached++;
    if (handlingMs >= 0) {
      d.handlingSumMs += handlingMs;
      d.handling.push(handlingMs);
    }
  }

  absorb(part: Detail): void {
    const offset = part.firstBucket - this.firstBucket;
    if (offset < 0 || offset + part.arrivals.length > this.arrivals.length) throw new Error('TicketFold.absorb: a part outside the period');
    for (let i = 0; i < part.arrivals.length; i++) {
      this.arrivals[offset + i]! += part.arrivals[i]!;
      this.missedFr[offset + i]! += part.missedFr[i]!;
      this.missedRes[offset + i]! += part.missedRes[i]!;
      this.missedFu[offset + i]! += part.missedFu[i]!;
    }
    for (const [channel, partCategories] of part.channels) {
      let categories = this.channels.get(channel);
      if (!categories) this.channels.set(channel, (categories = new Map()));
      for (const [categoryId, n] of partCategories) categories.set(categoryId, (categories.get(categoryId) ?? 0) + n);
    }
    for (const [department, p] of part.departments) {
      let d = this.departments.get(department);
      if (!d) this.departments.set(department, (d = { count: 0, resolved: 0, breached: 0, handlingSumMs: 0, handling: new Samples() }));
      d.count += p.count;
      d.resolved += p.resolved;
      d.breached += p.breached;
      d.handlingSumMs += p.handlingSumMs;
      d.handling.append(p.handling);
    }
    this.response.append(part.response);
  }

  medians(): KpiMedians {
    const handling = Samples.concat([...this.departments.values()].map((d) => d.handling));
    return { responseMedianMs: this.response.median(), handlingMedianMs: handling.median() };
  }

  byChannelCategory(): ChannelCategoryCount[] {
    const rows: ChannelCategoryCount[] = [];
    for (const [channel, categories] of this.channels) for (const [categoryId, count] of categories) rows.push({ channel, categoryId, count });
    return rows;
  }

  byDepartment(): DepartmentRow[] {
    return [...this.departments]
      .map(([department, d]) => ({
        department,
        count: d.count,
        resolved: d.resolved,
        handled: d.handling.length,
        handlingMeanMs: mean(d.handlingSumMs, d.handling.length),
        handlingMedianMs: d.handling.median(),
        breached: d.breached,
        breachedShare: rate(d.breached, d.count),
      }))
      .sort((a, b) => b.count - a.count);
  }

  buckets(): BucketRow[] {
    const rows: BucketRow[] = [];
    for (let i = 0; i < this.arrivals.length; i++) {
      const n = this.arrivals[i]!;
      if (n > 0) rows.push({ q: this.firstBucket + i, n, first_response: this.missedFr[i]!, resolution: this.missedRes[i]!, follow_up: this.missedFu[i]! });
    }
    return rows;
  }
}
