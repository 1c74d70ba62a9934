/**
 * The ticket list's WHERE clause: every filter of the list (and the search
 * box, phone numbers included) as SQL over indexed columns, with its
 * parameters. Split from ticket-reader.ts, which runs the pages it builds.
 */
import type { TicketFilter } from '../core/model';
import { OPEN_STATUSES } from '../core/enums';
import { phoneIndexMatch, phoneQuery } from '../core/phone-search';
import { reportDrill } from './report-drill';
import { notDemo } from './demo-sql';

/** The list's "open" chip: the statuses in which a ticket is still being worked (core/enums.ts). */
export const OPEN_SQL = `t.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(',')})`;

/**
 * How the search box matches phone numbers (core/phone-search.ts): `any`
 * for people who see whole numbers (any part of a number), `masked` for
 * those who see them masked (the whole number or its last four digits only).
 */
export type PhoneMatch = 'any' | 'masked';

/** The phone half of the search box's condition, or '' (see core/phone-search.ts). */
function phoneCondition(q: string, sees: PhoneMatch, params: Record<string, unknown>, walk: boolean): string {
  const pq = phoneQuery(q, sees === 'any' ? 'whole' : 'masked');
  switch (pq.kind) {
    case 'none':
      return '';
    case 'exact':
      params.phone = pq.phone;
      return 't.phone = @phone';
    case 'part':
    case 'tail': {
      // Walking the sort column's index (many matches: 1391 is in one number of seven) the row itself says whether
      // it matches, and a page is found in a few hundred rows.
      if (walk) {
        params.phoneDigits = pq.digits;
        return pq.kind === 'part'
          ? `instr(replace(t.phone, '-', ''), @phoneDigits) > 0`
          : `substr(replace(t.phone, '-', ''), -${pq.digits.length}) = @phoneDigits`;
      }
      // Otherwise the trigram index (migration 0017) names exactly the matching tickets.
      params.phoneFts = phoneIndexMatch(pq);
      return `t.id IN (SELECT rowid FROM ticket_phone_search WHERE ticket_phone_search MATCH @phoneFts)`;
    }
  }
}

/** The search box's matches as one list of ids: the same tickets as the `plan` condition, each named by an index. */
function searchMembers(q: string, upper: string, sees: PhoneMatch, params: Record<string, unknown>): string {
  const sets = ['SELECT id FROM tickets WHERE ticket_no >= @q AND ticket_no < @qEnd'];
  if (upper !== q) sets.push('SELECT id FROM tickets WHERE ticket_no >= @qUpper AND ticket_no < @qUpperEnd');
  const pq = phoneQuery(q, sees === 'any' ? 'whole' : 'masked');
  if (pq.kind === 'exact') {
    params.phone = pq.phone;
    sets.push('SELECT id FROM tickets WHERE phone = @phone');
  } else if (pq.kind !== 'none') {
    params.phoneFts = phoneIndexMatch(pq);
    sets.push('SELECT rowid FROM ticket_phone_search WHERE ticket_phone_search MATCH @phoneFts');
  }
  return sets.join(' UNION ALL ');
}

/**
 * Which index a filtered page should use. `plan`: SQLite's choice (one filter's index, then a sort
 * of what it found — right when the filter keeps few rows). `walk`: the sort column's own index,
 * testing each row — right when the filter keeps many (a department of 200,000 tickets sorted from
 * a temp B-tree costs 0.6 s; walking received_at finds 100 of them after a few hundred rows). The
 * page decides from the filter's total, which it counts first anyway. A unary + on a column keeps
 * SQLite off that column's index. `members`: as `plan`, but the search box's matches are one set of
 * ids (ticket numbers, phone numbers) for a walk along received_at to test each index entry against,
 * without reading the row (see TicketReader.page).
 */
export type IndexUse = 'plan' | 'walk' | 'members';

export function whereClause(
  f: TicketFilter | undefined,
  now: number,
  phoneMatch: PhoneMatch = 'any',
  use: IndexUse = 'plan',
): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  if (f?.deadline) {
    params.now = now;
    if (f.deadline === 'breached') parts.push('t.due_at <= @now');
    else if (f.deadline === 'within2h') {
      // Any running clock due in the next 2 h, not only the ticket's worst: the ones that can still be saved.
      parts.push(`t.id IN (SELECT ticket_id FROM ticket_clocks WHERE stopped_at IS NULL AND cancelled = 0 AND due_at > @now AND due_at <= @soon)`);
      params.soon = now + 2 * 3_600_000;
    } else parts.push('t.due_at > @now AND t.warn_at <= @now');
  }
  if (!f) return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
  const inList = (column: string, key: string, values: readonly string[] | undefined) => {
    if (!values || values.length === 0) return;
    const names = values.map((v, i) => {
      params[`${key}${i}`] = v;
      return `@${key}${i}`;
    });
    parts.push(`${column} IN (${names.join(',')})`);
  };
  // Open tickets are a few thousand of a million, a level, channel, district or department hundreds of
  // thousands; without statistics SQLite may walk the wider index and test each row's status. With an
  // open-status filter the unary + keeps it on the status index (the Today page's 重大未结 counter:
  // 3.8 s → under 5 ms; 新建 of one department: 6 s → under 1 ms).
  const narrowStatus = f.open === true || ((f.status?.length ?? 0) > 0 && f.status!.every((st) => OPEN_STATUSES.includes(st)));
  const walk = use === 'walk';
  const col = (name: string) => `${walk || narrowStatus ? '+' : ''}t.${name}`;
  inList(walk ? '+t.status' : 't.status', 'st', f.status);
  inList(col('channel'), 'ch', f.channel);
  inList(col('level'), 'lv', f.level);
  if (f.open) parts.push(walk ? OPEN_SQL.replace('t.status', '+t.status') : OPEN_SQL);
  if (f.categoryId !== undefined) {
    // One IN over the category and its children: a single index search per id (an OR of the two took a multi-index pass).
    parts.push(`${col('category_id')} IN (SELECT id FROM categories WHERE id = @cat OR parent_id = @cat)`);
    params.cat = f.categoryId;
  }
  if (f.district) {
    parts.push(`${col('district')} = @district`);
    params.district = f.district;
  }
  if (f.department) {
    parts.push(`${col('department')} = @department`);
    params.department = f.department;
  }
  if (f.assigneeId !== undefined) {
    parts.push(`${col('assignee_id')} = @assignee`);
    params.assignee = f.assigneeId;
  }
  if (f.unassigned) parts.push(`${col('assignee_id')} IS NULL`);
  if (f.q && f.q.trim()) {
    const q = f.q.trim();
    // Ticket numbers are upper case (GD…, CD…); a supervisor types them either way.
    const upper = q.toUpperCase();
    params.q = q;
    params.qEnd = q + '\uffff';
    if (upper !== q) {
      params.qUpper = upper;
      params.qUpperEnd = upper + '\uffff';
    }
    if (use === 'members') parts.push(`t.id IN (${searchMembers(q, upper, phoneMatch, params)})`);
    else {
      // Prefix ranges use the (channel, ticket_no) and phone indexes, unlike LIKE.
      const byUpper = upper === q ? '' : ' OR (t.ticket_no >= @qUpper AND t.ticket_no < @qUpperEnd)';
      const phone = phoneCondition(q, phoneMatch, params, walk);
      const byPhone = phone ? ` OR ${phone}` : '';
      parts.push(`((t.ticket_no >= @q AND t.ticket_no < @qEnd)${byUpper}${byPhone})`);
    }
  }
  if (f.receivedFrom !== undefined) {
    parts.push('t.received_at >= @from');
    params.from = f.receivedFrom;
  }
  if (f.receivedTo !== undefined) {
    parts.push('t.received_at < @to');
    params.to = f.receivedTo;
  }
  reportDrill(f, parts, params, now);
  if (f.breachCause) {
    parts.push('t.id IN (SELECT ticket_id FROM ticket_breach_causes WHERE cause = @breachCause)');
    params.breachCause = f.breachCause;
  }
  if (f.notDemo) parts.push(notDemo('t'));
  if (f.repeat !== undefined) {
    // A literal, so the partial index of repeat complaints (migration 0014) can serve it.
    parts.push(`${col('is_repeat')} = ${f.repeat ? 1 : 0}`);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

