/**
 * The ticket list's filter lives in the URL (#/tickets?status=new&dept=网络部…),
 * and only there: a Today tile, a report chart, a chip and the filter bar all
 * write the hash, and the list reads its whole SQL filter from it on every
 * change. Nothing is read "once at mount", so following a link while the list
 * is already open filters it just the same.
 *
 * Params: status, channel, level (comma lists), assignee (user id, or "none"),
 * dept, district, cat (category id), rf/rt (received from/to, epoch ms,
 * [rf, rt)), repeat (1 or 0), plus the quick chips, the search (q), the
 * deadline views and a report's missed clock, weekday×hour slot or breach
 * cause (cause=backlog: the tickets whose recorded breach cause it is).
 */
import type { Channel, Level, Status, TicketFilter } from '../api/types';
import { CHANNELS, LEVELS, STATUSES } from '../../src-main/core/enums';
import { ticketsHref } from '../state/route';
import { chipFilter, parseChips } from './QuickFilters';
import { drillFilter } from './reportDrill';

/** The params the filter bar sets, each shown as one removable chip. */
export const FILTER_PARAMS = ['status', 'channel', 'level', 'assignee', 'dept', 'district', 'cat', 'range', 'repeat', 'missed', 'slot', 'cause'] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

const DEADLINES = ['within2h', 'approaching'] as const;
export type DeadlineParam = (typeof DEADLINES)[number];

function codeList<T extends string>(value: string | null, codes: readonly T[]): T[] {
  const wanted = new Set((value ?? '').split(','));
  return codes.filter((c) => wanted.has(c));
}

export const statusParam = (p: URLSearchParams): Status[] => codeList(p.get('status'), STATUSES);
export const channelParam = (p: URLSearchParams): Channel[] => codeList(p.get('channel'), CHANNELS);
export const levelParam = (p: URLSearchParams): Level[] => codeList(p.get('level'), LEVELS);
export const deadlineParam = (p: URLSearchParams): DeadlineParam | null => DEADLINES.find((d) => d === p.get('deadline')) ?? null;

/** The whole SQL filter the URL asks for; `userId` is whoever "my tickets" means. */
export function listFilter(params: URLSearchParams, zone: string, userId: number): TicketFilter {
  const f: TicketFilter = { ...chipFilter(parseChips(params.get('chips')), userId), ...drillFilter(params, zone) };
  if (params.get('assignee') === 'none') {
    delete f.assigneeId;
    f.unassigned = true;
  }
  const status = statusParam(params);
  if (status.length) f.status = status;
  const channel = channelParam(params);
  if (channel.length) f.channel = channel;
  // An explicit level narrows the 重大/越级 chip rather than widening it.
  const level = levelParam(params);
  if (level.length) f.level = f.level ? f.level.filter((l) => level.includes(l)) : level;
  if (f.level && f.level.length === 0) f.level = level;
  const repeat = params.get('repeat');
  if (repeat === '1' || repeat === '0') f.repeat = repeat === '1';
  const q = params.get('q')?.trim();
  if (q) f.q = q;
  const deadline = deadlineParam(params);
  if (deadline && !f.deadline) f.deadline = deadline;
  return f;
}

/** Which URL keys a chip stands for (the date range is two). */
export function paramKeys(param: FilterParam): string[] {
  return param === 'range' ? ['rf', 'rt'] : [param];
}

/** The filter params present in the URL, in the bar's order. */
export function activeParams(params: URLSearchParams): FilterParam[] {
  return FILTER_PARAMS.filter((p) => paramKeys(p).some((k) => params.get(k)));
}

/** The same list with some params changed (undefined or '' removes one). */
export function withParams(params: URLSearchParams, changes: Record<string, string | undefined>): string {
  const next: Record<string, string | undefined> = Object.fromEntries(params.entries());
  for (const [k, v] of Object.entries(changes)) next[k] = v || undefined;
  return ticketsHref(next);
}

/** The list without one filter chip. */
export function withoutParam(params: URLSearchParams, param: FilterParam): string {
  return withParams(params, Object.fromEntries(paramKeys(param).map((k) => [k, undefined])));
}

/** A value added to a comma list param (status, channel, level), in the codes' order. */
export function addCode<T extends string>(current: readonly T[], code: T, codes: readonly T[]): string {
  return codes.filter((c) => c === code || current.includes(c)).join(',');
}
