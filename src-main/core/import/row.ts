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
import type { ListMatcher } from '../lists/rules';
import { parseChannel, parseLevel, parseSatisfaction, parseStatus } from './vocab';
import type { ImportField, ImportedTicket, Problem, SourceRow } from './types';

export interface RowRefs {
  header: HeaderMap;
  times: LocalTimeParser;
  categories: CategoryMatcher;
  assignees: AssigneeMatcher;
  /** Times later than this are refused as "in the future". */
  latest: number;
  /**
   * CSV: a filled cell past the header's last column means an unquoted comma
   * shifted the row, so the row is refused. A spreadsheet cannot shift; there
   * a cell under no header is just an unused column.
   */
  strictWidth?: boolean;
  /**
   * The branch's city and district lists. A value they do not know is held
   * for review (the ticket's field stays empty) rather than written as new.
   * Absent: the text is taken as written (tests of other rules, benchmarks).
   */
  places?: { city: ListMatcher; district: ListMatcher } | undefined;
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
  firstResponder: 100,
  description: 10_000,
};

const GARBLED = '\uFFFD';

export type RowResult = { ok: true; ticket: ImportedTicket } | { ok: false; problems: Problem[] };

/**
 * Reads rows one after another. One reader serves a whole file: the helpers
 * below are methods, not closures made afresh for each of a million rows.
 */
class RowReader {
  private cells: readonly string[] = [];
  private problems: Problem[] = [];

  constructor(private readonly refs: RowRefs) {}

  read(row: SourceRow): RowResult {
    this.cells = row.cells;
    this.problems = [];
    const { refs } = this;

    const ticketNo = this.required('ticketNo');
    const channelText = this.required('channel');
    const channel = channelText === null ? null : parseChannel(channelText);
    if (channelText !== null && channel === null) this.problem('channel', 'unknown_channel');
    const receivedAt = this.time('receivedAt', true);
    const phoneText = this.required('phone');
    const phone = phoneText === null ? null : normalizePhone(phoneText);
    if (phoneText !== null && phone === null) this.problem('phone', 'invalid_phone');
    const customerName = this.text('customerName');
    const [city, heldCity] = this.place('city');
    const [district, heldDistrict] = this.place('district');
    const categoryText = this.required('category');
    const categoryId = categoryText === null ? null : refs.categories.match(categoryText);
    if (categoryText !== null && categoryId === null) this.problem('category', 'unknown_category');
    const description = this.required('description');
    const levelText = this.text('level');
    const level = levelText === null ? null : parseLevel(levelText);
    if (levelText !== null && level === null) this.problem('level', 'unknown_level');
    const statusText = this.text('status');
    const status = statusText === null ? null : parseStatus(statusText);
    if (statusText !== null && status === null) this.problem('status', 'unknown_status');
    const assigneeText = this.text('assignee');
    const assignee = assigneeText === null ? null : refs.assignees.match(assigneeText);
    const responderText = this.text('firstResponder');
    const responder = responderText === null ? null : refs.assignees.match(responderText);
    const firstResponseAt = this.time('firstResponseAt', false);
    const resolvedAt = this.time('resolvedAt', false);
    const closedAt = this.time('closedAt', false);
    const satisfactionText = this.text('satisfaction');
    const satisfaction = satisfactionText === null ? null : parseSatisfaction(satisfactionText);
    if (satisfactionText !== null && satisfaction === null) this.problem('satisfaction', 'unknown_satisfaction');

    // Order of events: nothing happens to a complaint before it was received, nor is it closed before it is resolved.
    if (receivedAt !== null) {
      if (firstResponseAt !== null && firstResponseAt < receivedAt) this.problem('firstResponseAt', 'before_received');
      if (resolvedAt !== null && resolvedAt < receivedAt) this.problem('resolvedAt', 'before_received');
      if (closedAt !== null && closedAt < receivedAt) this.problem('closedAt', 'before_received');
    }
    if (resolvedAt !== null && closedAt !== null && closedAt < resolvedAt) this.problem('closedAt', 'closed_before_resolved');
    // A resolved ticket without its resolution time would make every timeliness figure wrong.
    if ((status === 'resolved' || status === 'closed') && resolvedAt === null && !this.has('resolvedAt')) {
      this.problem('resolvedAt', 'resolved_time_required');
    }
    const width = refs.header.columns.length;
    if (refs.strictWidth !== false && row.cells.length > width) {
      const spill = row.cells.slice(width).find((c) => c.trim() !== '');
      if (spill !== undefined) {
        this.problems.push({ field: null, value: spill, code: 'extra_cells', params: { count: row.cells.length, expected: width } });
      }
    }

    if (this.problems.length > 0) return { ok: false, problems: orderByColumn(this.problems, refs.header) };
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
        firstResponderId: responder?.assigneeId ?? null,
        firstResponderName: responder && responder.assigneeId === null ? responder.assigneeName : null,
        firstResponseAt,
        resolvedAt,
        closedAt,
        satisfaction,
        heldCity,
        heldDistrict,
      },
    };
  }

  /** A city or district: [the list's value, null] or [null, the text held for review]. */
  private place(field: 'city' | 'district'): [string | null, string | null] {
    const value = this.text(field);
    const matcher = this.refs.places?.[field];
    if (value === null || !matcher) return [value, null];
    const choice = matcher.match(value);
    return 'value' in choice ? [choice.value, null] : [null, choice.held];
  }

  private raw(field: ImportField): string {
    const i = this.refs.header.index[field];
    return i === undefined ? '' : (this.cells[i] ?? '');
  }

  private has(field: ImportField): boolean {
    return this.problems.some((p) => p.field === field);
  }

  private problem(field: ImportField, code: Problem['code'], params?: Problem['params'], value = this.raw(field)): void {
    this.problems.push(params ? { field, value, code, params } : { field, value, code });
  }

  /** The trimmed text of a field, or null when blank; reports garbled and over-long cells. */
  private text(field: ImportField): string | null {
    const value = this.raw(field);
    const trimmed = value.trim();
    if (!trimmed) return null;
    if (trimmed.includes(GARBLED)) {
      this.problem(field, 'garbled');
      return null;
    }
    const max = MAX_LENGTH[field];
    if (max !== undefined && trimmed.length > max) {
      this.problem(field, 'too_long', { max }, value.length > 200 ? `${value.slice(0, 200)}…` : value);
      return null;
    }
    return trimmed;
  }

  private required(field: ImportField): string | null {
    const value = this.text(field);
    if (value === null && !this.has(field)) this.problem(field, 'required');
    return value;
  }

  private time(field: ImportField, need: boolean): number | null {
    const value = need ? this.required(field) : this.text(field);
    if (value === null) return null;
    const at = this.refs.times.parse(value);
    if (at === null) this.problem(field, 'bad_time');
    else if (at > this.refs.latest) this.problem(field, 'in_future');
    else return at;
    return null;
  }
}

const readers = new WeakMap<RowRefs, RowReader>();

/** One data row → its ticket fields, or every reason it is refused. */
export function normalizeRow(row: SourceRow, refs: RowRefs): RowResult {
  let reader = readers.get(refs);
  if (!reader) readers.set(refs, (reader = new RowReader(refs)));
  return reader.read(row);
}

/** Report problems left to right as the file shows them; row-level ones last. */
function orderByColumn(problems: Problem[], header: HeaderMap): Problem[] {
  const at = (p: Problem) => (p.field === null ? Number.MAX_SAFE_INTEGER : (header.index[p.field] ?? Number.MAX_SAFE_INTEGER - 1));
  return problems.map((p, i) => ({ p, i })).sort((a, b) => at(a.p) - at(b.p) || a.i - b.i).map(({ p }) => p);
}
