/**
 * What the 预警 page reads: the warnings (current and past, filtered), one
 * warning with its history and the customers' numbers involved, the analysis
 * report, and each monitored category's last 12 months against its threshold.
 * Customers' numbers are masked for agents.
 */
import type { ServiceContext } from './context';
import type { UserInfo } from '../core/model';
import { DomainError } from '../core/errors';
import { maskPhone } from '../core/phone';
import { WarningStore, type StoredWarning, type WarningEvent } from '../db/warning-store';
import { WarningCountReader } from '../db/warning-counts';
import { warningSettings } from './warnings';
import { branchSettings } from './settings';
import { monitoredCategories, warningWindows, BASELINE_MONTHS, type WarningLevel, type WarningPeriod, type WarningSource } from '../core/warnings';
import { zonedInstant } from '../core/time';
import { warningState, type WarningState } from '../core/warnings';

export interface WarningRow extends StoredWarning {
  state: WarningState;
  /** The category's id for the ticket list's filter (it counts the category's children too); null if it left the tree. */
  categoryId: number | null;
}

export interface WarningFilter {
  from: number;
  to: number;
  level?: WarningLevel[] | undefined;
  category?: string | undefined;
  district?: string | undefined;
  state?: WarningState[] | undefined;
  source?: WarningSource | undefined;
  period?: WarningPeriod | undefined;
}

export interface WarningDetail {
  warning: WarningRow;
  events: WarningEvent[];
  /** Customers' numbers among the tickets it counts (masked for agents), at most PHONES_SHOWN. */
  phones: string[];
  phonesTotal: number;
}

const PHONES_SHOWN = 200;

/** Whether the viewer sees customers' numbers in full: supervisors and above do, agents see them masked. */
const seesPhones = (viewer: UserInfo) => viewer.role !== 'agent';

function categoryIdOf(ctx: ServiceContext, label: string): number[] | null {
  try {
    return monitoredCategories(ctx.categories.list(), { ...warningSettings(ctx), categories: [label] })[0]!.ids;
  } catch {
    return null;
  }
}

export function withState(ctx: ServiceContext, rows: StoredWarning[]): WarningRow[] {
  const ids = new Map<string, number | null>();
  return rows.map((w) => {
    if (!ids.has(w.category)) ids.set(w.category, categoryIdOf(ctx, w.category)?.[0] ?? null);
    return { ...w, state: warningState(w), categoryId: ids.get(w.category)! };
  });
}

export function listWarnings(ctx: ServiceContext, f: WarningFilter): WarningRow[] {
  const rows = withState(ctx, new WarningStore(ctx.db).raisedBetween(f.from, f.to));
  return rows.filter(
    (w) =>
      (!f.level?.length || f.level.includes(w.level)) &&
      (!f.category || w.category === f.category || w.category.startsWith(`${f.category}/`)) &&
      (!f.district || w.district === f.district) &&
      (!f.state?.length || f.state.includes(w.state)) &&
      (!f.source || w.source === f.source) &&
      (!f.period || w.period === f.period),
  );
}

export function warningDetail(ctx: ServiceContext, viewer: UserInfo, id: number): WarningDetail {
  const store = new WarningStore(ctx.db);
  const w = store.byId(id);
  if (!w) throw new DomainError('not_found', { what: '预警', id });
  const ids = categoryIdOf(ctx, w.category) ?? [];
  const phones = store.phones(ids, w.district, w.windowStart, w.windowEnd, PHONES_SHOWN + 1);
  const shown = phones.slice(0, PHONES_SHOWN).map((p) => (seesPhones(viewer) ? p : maskPhone(p)));
  return { warning: withState(ctx, [w])[0]!, events: store.events(id), phones: shown, phonesTotal: phones.length };
}

export function unreviewedWarnings(ctx: ServiceContext): number {
  return new WarningStore(ctx.db).unreviewed();
}

export interface CountBy {
  key: string;
  count: number;
}

export interface WarningReport {
  total: number;
  byReview: CountBy[];
  bySource: CountBy[];
  byMonth: CountBy[];
  byDistrict: CountBy[];
  byCategory: CountBy[];
  byLevel: CountBy[];
  recovered: number;
  /** Per warning: the customers' numbers involved (masked for agents), for the 手机号 column of the report. */
  phones: Array<{ id: number; category: string; scope: string; phones: string[]; total: number }>;
}

function countBy(rows: WarningRow[], key: (w: WarningRow) => string): CountBy[] {
  const m = new Map<string, number>();
  for (const w of rows) m.set(key(w), (m.get(key(w)) ?? 0) + 1);
  return [...m].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key, 'zh-CN'));
}

/** 分析报表: the warnings raised in a period, counted by review result, source, month, district, category and level. */
export function warningReport(ctx: ServiceContext, viewer: UserInfo, f: WarningFilter): WarningReport {
  const rows = listWarnings(ctx, f);
  const zone = branchSettings(ctx).zone;
  const monthOf = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit' });
  const store = new WarningStore(ctx.db);
  return {
    total: rows.length,
    byReview: countBy(rows, (w) => w.review ?? 'pending'),
    bySource: countBy(rows, (w) => w.source),
    byMonth: countBy(rows, (w) => monthOf.format(new Date(w.raisedAt)).slice(0, 7)).sort((a, b) => a.key.localeCompare(b.key)),
    byDistrict: countBy(rows, (w) => w.district ?? 'branch'),
    byCategory: countBy(rows, (w) => w.category),
    byLevel: countBy(rows, (w) => w.level),
    recovered: rows.filter((w) => w.ended === 'recovered').length,
    phones: rows.slice(0, 50).map((w) => {
      const found = store.phones(categoryIdOf(ctx, w.category) ?? [], w.district, w.windowStart, w.windowEnd, 21);
      return {
        id: w.id,
        category: w.category,
        scope: w.scope,
        phones: found.slice(0, 20).map((p) => (seesPhones(viewer) ? p : maskPhone(p))),
        total: found.length,
      };
    }),
  };
}

export interface CategorySeries {
  category: string;
  /** "2025-12" … "2026-11", oldest first; the last is the current month so far. */
  months: string[];
  counts: number[];
  /** The threshold each month was checked against (null: less than 6 months of history then). */
  thresholds: Array<number | null>;
  protection: number;
}

const CHART_MONTHS = 12;

/** Each monitored category's branch-wide count per month over the last 12 months, with that month's threshold. */
export function warningChart(ctx: ServiceContext): CategorySeries[] {
  const settings = warningSettings(ctx);
  const zone = branchSettings(ctx).zone;
  const now = ctx.now();
  const monitored = monitoredCategories(ctx.categories.list(), settings);
  const reader = new WarningCountReader(ctx.db);
  const current = warningWindows(now, zone);
  const [cy, cm] = current.monthLabel.split('-').map(Number) as [number, number];
  // Months from 17 back (the oldest chart month's baseline) to the current one.
  const span = CHART_MONTHS + BASELINE_MONTHS;
  const starts: number[] = [];
  const labels: string[] = [];
  for (let back = span - 1; back >= -1; back--) {
    const index = cy * 12 + (cm - 1) - back;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    starts.push(zonedInstant(zone, y, m, 1));
    labels.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return ctx.db.transaction(() => {
    const perMonth = starts.slice(0, span).map((start, i) => reader.counts(start, i === span - 1 ? now + 1 : starts[i + 1]!));
    return monitored.map((cat) => {
      const ids = new Set(cat.ids);
      const counts = perMonth.map((rows) => rows.reduce((s, r) => (ids.has(r.categoryId) ? s + r.n : s), 0));
      const shown = counts.slice(BASELINE_MONTHS);
      const thresholds = shown.map((_, i) => {
        const monthIndex = i + BASELINE_MONTHS;
        // Enough history: a ticket before the end of this month's oldest baseline month.
        if (!reader.hasTicketBefore(cat.ids, starts[monthIndex - BASELINE_MONTHS + 1]!)) return null;
        const total = counts.slice(monthIndex - BASELINE_MONTHS, monthIndex).reduce((a, b) => a + b, 0);
        return (total / BASELINE_MONTHS) * settings.coefficient;
      });
      return { category: cat.label, months: labels.slice(BASELINE_MONTHS, span), counts: shown, thresholds, protection: settings.protection };
    });
  }).deferred();
}
