/**
 * One data row of a CRM file → the ticket it describes, or every reason it
 * cannot be imported (all of them at once, so the CRM team fixes a row in one
 * go). Pure: the caller passes the branch's zone, categories, users and `now`.
 */
import { normalizePhone } from '../phone';
import type { HeaderMap } from './headers';
import type { CategoryMatcher } from './category-match';
import type { AssigneeMatcher } from './people';
import type { LocalTimeParser } from './times';
import { parseChannel, parseLevel, parseSatisfaction, parseStatus } from './vocab';
import type { ImportField, ImportedTicket, Problem, SourceRow } from './types';

export interface RowRefs {
  header: HeaderMap;
  times: LocalTimeParser;
  categories: CategoryMatcher;
  assignees: AssigneeMatcher;
  /** Times later than this are refused as "in the future". */
  latest: number;
}

/** A CRM's clock and the branch's may disagree by a few minutes; more than this is a wrong time. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Length limits that catch a broken file (a stray quote swallowing rows) rather than a long complaint. */
export const MAX_LENGTH: Partial<Record<ImportField, number>> = {
  ticketNo: 64,
  customerName: 100,
  city: 100,
  district: 100,
  assignee: 100,
  description: 10_000,
};

const GARBLED = '\uFFFD';

export type RowResult = { ok: true; ticket: ImportedTicket } | { ok: false; problems: Problem[] };

export function normalizeRow(row: SourceRow, refs: RowRefs): RowResult {
  const problems: Problem[] = [];
  const { index } = refs.header;
  const raw = (field: ImportField): string => {
    const i = index[field];
    return i === undefined ? '' : (row.cells[i] ?? '');
  };
  const problem = (field: ImportField | null, value: string, code: Problem['code'], params?: Problem['params']) => {
    problems.push(params ? { field, value, code, params } : { field, value, code });
  };
  /** The trimmed text of a field, or null when blank; reports garbled and over-long cells. */
  const text = (field: ImportField): string | null => {
    const value = raw(field);
    const trimmed = value.trim();
    if (!trimmed) return null;
    if (trimmed.includes(GARBLED)) {
      problem(field, value, 'garbled');
      return null;
    }
    const max = MAX_LENGTH[field];
    if (max !== undefined && trimmed.length > max) {
      problem(field, value.length > 200 ? `${value.slice(0, 200)}…` : value, 'too_long', { max });
      return null;
    }
    return trimmed;
  };
  const required = (field: ImportField): string | null => {
    const value = text(field);
    if (value === null && !problems.some((p) => p.field === field)) problem(field, raw(field), 'required');
    return value;
  };
  const time = (field: ImportField, need: boolean): number | null => {
    const value = need ? required(field) : text(field);
    if (value === null) return null;
    const at = refs.times.parse(value);
    if (at === null) problem(field, raw(field), 'bad_time');
    else if (at > refs.latest) problem(field, raw(field), 'in_future');
    else return at;
    return null;
  };

  const ticketNo = required('ticketNo');
  const channelText = required('channel');
  const channel = channelText === null ? null : parseChannel(channelText);
  if (channelText !== null && channel === null) problem('channel', raw('channel'), 'unknown_channel');
  const receivedAt = time('receivedAt', true);
  const phoneText = required('phone');
  const phone = phoneText === null ? null : normalizePhone(phoneText);
  if (phoneText !== null && phone === null) problem('phone', raw('phone'), 'invalid_phone');
  const customerName = text('customerName');
  const city = text('city');
  const district = text('district');
  const categoryText = required('category');
  const categoryId = categoryText === null ? null : refs.categories.match(categoryText);
  if (categoryText !== null && categoryId === null) problem('category', raw('category'), 'unknown_category');
  const description = required('description');
  const levelText = text('level');
  const level = levelText === null ? null : parseLevel(levelText);
  if (levelText !== null && level === null) problem('level', raw('level'), 'unknown_level');
  const statusText = text('status');
  const status = statusText === null ? null : parseStatus(statusText);
  if (statusText !== null && status === null) problem('status', raw('status'), 'unknown_status');
  const assigneeText = text('assignee');
  const assignee = assigneeText === null ? null : refs.assignees.match(assigneeText);
  const firstResponseAt = time('firstResponseAt', false);
  const resolvedAt = time('resolvedAt', false);
  const closedAt = time('closedAt', false);
  const satisfactionText = text('satisfaction');
  const satisfaction = satisfactionText === null ? null : parseSatisfaction(satisfactionText);
  if (satisfactionText !== null && satisfaction === null) problem('satisfaction', raw('satisfaction'), 'unknown_satisfaction');

  // Order of events: nothing happens to a complaint before it was received, nor is it closed before it is resolved.
  if (receivedAt !== null) {
    for (const [field, at] of [['firstResponseAt', firstResponseAt], ['resolvedAt', resolvedAt], ['closedAt', closedAt]] as const) {
      if (at !== null && at < receivedAt) problem(field, raw(field), 'before_received');
    }
  }
  if (resolvedAt !== null && closedAt !== null && closedAt < resolvedAt) problem('closedAt', raw('closedAt'), 'closed_before_resolved');
  // A resolved ticket without its resolution time would make every timeliness figure wrong.
  if ((status === 'resolved' || status === 'closed') && resolvedAt === null && !problems.some((p) => p.field === 'resolvedAt')) {
    problem('resolvedAt', raw('resolvedAt'), 'resolved_time_required');
  }
  const width = refs.header.columns.length;
  if (row.cells.length > width && row.cells.slice(width).some((c) => c.trim() !== '')) {
    problem(null, row.cells.slice(width).find((c) => c.trim() !== '') ?? '', 'extra_cells', { count: row.cells.length, expected: width });
  }

  if (problems.length > 0) return { ok: false, problems: orderByColumn(problems, refs.header) };
  return {
    ok: true,
    ticket: {
      ticketNo: ticketNo!,
      channel: channel!,
      receivedAt: receivedAt!,
      phone: phone!,
      customerName,
      city,
      district,
      categoryId: categoryId!,
      description: description!,
      level,
      status,
      assigneeId: assignee?.assigneeId ?? null,
      assigneeName: assignee?.assigneeName ?? null,
      firstResponseAt,
      resolvedAt,
      closedAt,
      satisfaction,
    },
  };
}

/** Report problems left to right as the file shows them; row-level ones last. */
function orderByColumn(problems: Problem[], header: HeaderMap): Problem[] {
  const at = (p: Problem) => (p.field === null ? Number.MAX_SAFE_INTEGER : (header.index[p.field] ?? Number.MAX_SAFE_INTEGER - 1));
  return problems.map((p, i) => ({ p, i })).sort((a, b) => at(a.p) - at(b.p) || a.i - b.i).map(({ p }) => p);
}
