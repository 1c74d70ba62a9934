/**
 * `report (--month YYYY-MM | --from D --to D) [filters] [--json]`: the KPIs of
 * docs/REQUIREMENTS.md §5 over the tickets received in the range. Days are local days in the
 * branch's zone and --to is included. Rates are fractions 0–1, null when
 * undefined; durations are milliseconds; instants are ISO-8601 with offset.
 */
import { CHANNELS, type Channel } from '../../core/enums';
import { matchCategory } from '../../core/categories';
import { DomainError } from '../../core/errors';
import type { DayRange, ReportFilters } from '../../core/reports/model';
import { monthRange, rangeProblem } from '../../core/reports/period';
import { isoInZone } from '../../core/time';
import type { ServiceContext } from '../../services/context';
import { buildReport, type Report } from '../../services/reports/report';
import { UsageError, type Command, type CommandEnv } from '../command';
import { withContext } from '../open-context';

const many = { type: 'string', multiple: true } as const;

function rangeOf(env: CommandEnv): DayRange {
  const { month, from, to } = env.values as Record<string, string | undefined>;
  if (month !== undefined && (from !== undefined || to !== undefined)) throw new UsageError('give either --month or --from/--to, not both');
  if (month !== undefined) {
    const r = monthRange(month);
    if (!r) throw new UsageError(`--month needs YYYY-MM, got "${month}"`);
    return r;
  }
  if (from === undefined || to === undefined) throw new UsageError('give --month YYYY-MM, or both --from YYYY-MM-DD and --to YYYY-MM-DD');
  const r = { from, to };
  const problem = rangeProblem(r);
  if (problem === 'bad_day') throw new UsageError(`--from and --to need real days as YYYY-MM-DD, got "${from}" and "${to}"`);
  if (problem === 'reversed') throw new UsageError(`--to (${to}) is before --from (${from})`);
  if (problem === 'too_long') throw new UsageError('the range is too long (at most about three years)');
  return r;
}

const list = (env: CommandEnv, name: string): string[] | undefined => {
  const v = (env.values as Record<string, unknown>)[name];
  return Array.isArray(v) && v.length > 0 ? (v as string[]) : undefined;
};

function filtersOf(env: CommandEnv, ctx: ServiceContext): ReportFilters {
  const channel = list(env, 'channel');
  const bad = channel?.find((c) => !CHANNELS.includes(c as Channel));
  if (bad) throw new UsageError(`--channel must be one of ${CHANNELS.join(', ')}; got "${bad}"`);
  const nodes = ctx.categories.list();
  const categoryId = list(env, 'category')?.map((c) => {
    const node = /^\d+$/.test(c) ? nodes.find((n) => n.id === Number(c)) : matchCategory(c, nodes);
    if (!node) throw new DomainError('unknown_category', { value: c });
    return node.id;
  });
  const assigneeId = list(env, 'assignee')?.map((a) => {
    const user = /^\d+$/.test(a) ? ctx.read.users.get(Number(a)) : (ctx.read.users.credentials(a)?.user ?? null);
    if (!user) throw new DomainError('not_found', { what: 'user', id: a });
    return user.id;
  });
  return { district: list(env, 'district'), channel: channel as Channel[] | undefined, categoryId, department: list(env, 'department'), assigneeId };
}

type ReportJson = Omit<Report, 'at' | 'fromMs' | 'toMs'> & { at: string; start: string; end: string };

export const report: Command = {
  name: 'report',
  summary: 'KPIs of the tickets received in a month or a range of days',
  usage: 'report (--month YYYY-MM | --from YYYY-MM-DD --to YYYY-MM-DD) [--district D …] [--channel C …] [--category C …] [--department D …] [--assignee U …]',
  options: {
    month: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    district: many,
    channel: many,
    category: many,
    department: many,
    assignee: many,
  },
  run: (env) => {
    const range = rangeOf(env);
    return withContext(env, (ctx): ReportJson => {
      const { at, fromMs, toMs, ...rest } = buildReport(ctx, { range, filters: filtersOf(env, ctx) });
      return { ...rest, at: isoInZone(at, rest.zone), start: isoInZone(fromMs, rest.zone), end: isoInZone(toMs, rest.zone) };
    });
  },
  human: (r: ReportJson) => {
    const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
    const hours = (v: number | null) => (v === null ? '—' : `${(v / 3_600_000).toFixed(1)} h`);
    return [
      `${r.range.from} … ${r.range.to} (${r.zone})`,
      `received ${r.total}, resolved ${r.resolved} (${pct(r.resolutionRate)})`,
      `timeliness ${pct(r.timelinessRate)} (${r.onTime} of ${r.dueCount} due)`,
      `repeat ${pct(r.repeatRate)}, over-level ${pct(r.overlevelRate)}, satisfaction ${pct(r.satisfactionRate)}`,
      `first response mean ${hours(r.responseMeanMs)}, median ${hours(r.responseMedianMs)}`,
      `handling mean ${hours(r.handlingMeanMs)}, median ${hours(r.handlingMedianMs)}`,
      ...r.byCategory.map((c) => `  ${c.name}\t${c.count}\t${pct(c.share)}`),
    ].join('\n');
  },
};
