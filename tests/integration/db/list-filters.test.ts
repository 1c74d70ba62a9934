/**
 * The list's filters (status, channel, level, assignee or nobody, department,
 * district, category with its children, received range, repeat) give exactly
 * the tickets a plain reading of the table gives, alone and combined, whether
 * the page is planned on the filter's own index (few rows) or walked along the
 * sort column's (many rows, see IndexUse in ticket-reader.ts); and each filter
 * the list adds is served by an index, never a scan of the table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTickets } from '../../../src-main/services/seed';
import type { TicketFilter } from '../../../src-main/core/model';
import { TicketReader } from '../../../src-main/db/ticket-reader';
import { whereClause } from '../../../src-main/db/ticket-filter-sql';
import { tempDb, type TestDb } from '../../helpers/temp-db';

let t: TestDb;
interface Raw {
  id: number;
  status: string;
  channel: string;
  level: string;
  assignee_id: number | null;
  department: string | null;
  district: string | null;
  category_id: number;
  parent_id: number | null;
  received_at: number;
  is_repeat: number;
}
let all: Raw[] = [];
beforeAll(() => {
  t = tempDb();
  seedTickets(t.ctx, null, { tickets: 600, seed: 11, months: 3 });
  // A few tickets nobody holds.
  t.db.prepare('UPDATE tickets SET assignee_id = NULL WHERE id % 97 = 0').run();
  all = t.db
    .prepare(
      `SELECT t.id, t.status, t.channel, t.level, t.assignee_id, t.department, t.district, t.category_id, c.parent_id, t.received_at, t.is_repeat
       FROM tickets t JOIN categories c ON c.id = t.category_id ORDER BY t.received_at DESC, t.id DESC`,
    )
    .all() as Raw[];
});
afterAll(() => t.close());

/** The same filter read plainly, row by row. */
function expected(f: TicketFilter): number[] {
  return all
    .filter(
      (r) =>
        (!f.status || f.status.includes(r.status as never)) &&
        (!f.open || ['new', 'accepted', 'in_progress', 'pending_customer', 'responded'].includes(r.status)) &&
        (!f.channel || f.channel.includes(r.channel as never)) &&
        (!f.level || f.level.includes(r.level as never)) &&
        (f.assigneeId === undefined || r.assignee_id === f.assigneeId) &&
        (!f.unassigned || r.assignee_id === null) &&
        (!f.department || r.department === f.department) &&
        (!f.district || r.district === f.district) &&
        (f.categoryId === undefined || r.category_id === f.categoryId || r.parent_id === f.categoryId) &&
        (f.receivedFrom === undefined || r.received_at >= f.receivedFrom) &&
        (f.receivedTo === undefined || r.received_at < f.receivedTo) &&
        (f.repeat === undefined || r.is_repeat === (f.repeat ? 1 : 0)),
    )
    .map((r) => r.id);
}

const pageIds = (f: TicketFilter, offset = 0, limit = 1000) =>
  new TicketReader(t.db).page({ offset, limit, filter: f }, t.clock.now).rows.map((r) => r.id);

describe('ticket list filters', () => {
  it('each filter alone and in combination gives exactly the matching tickets, newest first', () => {
    const pick = <K extends keyof Raw>(k: K) => all.find((r) => r[k] !== null)![k];
    const topCategory = all.find((r) => r.parent_id !== null)!.parent_id!;
    const mid = all[Math.floor(all.length / 2)]!.received_at;
    const filters: TicketFilter[] = [
      { status: ['new', 'accepted'] },
      { channel: ['10086'] },
      { level: ['major'] },
      { assigneeId: pick('assignee_id')! },
      { unassigned: true },
      { department: pick('department')! },
      { district: pick('district')! },
      { categoryId: topCategory },
      { receivedFrom: mid, receivedTo: mid + 10 * 86_400_000 },
      { repeat: true },
      { repeat: false },
      // A narrow and a wide filter, two wide ones, an open status with a wide one.
      { department: pick('department')!, repeat: true },
      { district: pick('district')!, level: ['normal'] },
      { open: true, department: pick('department')! },
      { status: ['closed'], assigneeId: pick('assignee_id')!, categoryId: topCategory },
    ];
    for (const f of filters) {
      const want = expected(f);
      expect(want.length, JSON.stringify(f)).toBeGreaterThan(0);
      expect(pageIds(f), JSON.stringify(f)).toEqual(want);
      expect(new TicketReader(t.db).page({ offset: 0, limit: 1, filter: f }, t.clock.now).total).toBe(want.length);
    }
  });

  it('a wide filter paged along received_at gives the same rows at every depth as the plain reading', () => {
    const f: TicketFilter = { department: all.find((r) => r.department)!.department! };
    const want = expected(f);
    expect(want.length * 50).toBeGreaterThan(all.length);
    for (const offset of [0, 17, 100, want.length - 3]) expect(pageIds(f, offset, 20)).toEqual(want.slice(offset, offset + 20));
  });

  it('a run of digits or a last four finds exactly the numbers holding it, from the phone index or walking the list', () => {
    const phones = t.db.prepare('SELECT id, phone FROM tickets ORDER BY received_at DESC, id DESC').all() as Array<{ id: number; phone: string }>;
    const digits = (p: string) => p.replace(/\D/g, '');
    const someone = phones[123]!.phone;
    // Narrow (a run of seven: from the index) and wide (a common run of four: walking received_at), anywhere and at the end.
    const cases: Array<[string, 'any' | 'masked', (p: string) => boolean]> = [
      [digits(someone).slice(2, 9), 'any', (p) => digits(p).includes(digits(someone).slice(2, 9))],
      [digits(someone).slice(-4), 'any', (p) => digits(p).includes(digits(someone).slice(-4))],
      [digits(someone).slice(-4), 'masked', (p) => digits(p).endsWith(digits(someone).slice(-4))],
      ['1380', 'any', (p) => digits(p).includes('1380')],
      ['0000', 'masked', (p) => digits(p).endsWith('0000')],
    ];
    for (const [q, who, matches] of cases) {
      const want = phones.filter((r) => matches(r.phone) || r.phone === q).map((r) => r.id);
      const got = new TicketReader(t.db).page({ offset: 0, limit: 1000, filter: { q } }, t.clock.now, who);
      expect(got.rows.map((r) => r.id), `${q} ${who}`).toEqual(want);
      expect(got.total).toBe(want.length);
    }
  });

  it('a search read as one set of matching ids (IndexUse members) gives the same tickets as the plain condition, alone and with other filters', () => {
    const phones = t.db.prepare('SELECT phone, ticket_no FROM tickets ORDER BY id').all() as Array<{ phone: string; ticket_no: string }>;
    const someone = phones[200]!;
    const digits = someone.phone.replace(/\D/g, '');
    const cases: Array<[TicketFilter, 'any' | 'masked']> = [
      [{ q: digits.slice(2, 6) }, 'any'], // a run of four anywhere: from the phone index
      [{ q: digits.slice(-4) }, 'masked'], // the last four, for someone who sees numbers masked
      [{ q: someone.phone }, 'masked'], // the whole number
      [{ q: someone.ticket_no.slice(0, -2) }, 'any'], // a ticket number's start…
      [{ q: someone.ticket_no.slice(0, -2).toLowerCase() }, 'any'], // …typed in lower case
      [{ q: digits.slice(2, 6), status: ['closed'] }, 'any'],
    ];
    const ids = (f: TicketFilter, who: 'any' | 'masked', use: 'plan' | 'members') => {
      const w = whereClause(f, t.clock.now, who, use);
      const from = use === 'members' ? 'tickets t INDEXED BY tickets_received' : 'tickets t';
      return (t.db.prepare(`SELECT t.id FROM ${from} ${w.sql} ORDER BY t.received_at DESC, t.id DESC`).all(w.params) as Array<{ id: number }>).map((r) => r.id);
    };
    for (const [f, who] of cases) {
      const plain = ids(f, who, 'plan');
      expect(plain.length, JSON.stringify(f)).toBeGreaterThan(0);
      expect(ids(f, who, 'members'), JSON.stringify(f)).toEqual(plain);
    }
  });

  it('a search of a handful of tickets, paged one row at a time (the members walk), gives each row once, newest first', () => {
    const numbers = all.map((r) => (t.db.prepare('SELECT ticket_no FROM tickets WHERE id = ?').get(r.id) as { ticket_no: string }).ticket_no);
    // A ticket number's start shared by 4–11 tickets: few enough to be planned, enough for the walk to pay with one row a page.
    let prefix = '';
    for (const no of numbers) {
      for (let n = no.length - 1; n > 2 && !prefix; n--) {
        const count = numbers.filter((x) => x.startsWith(no.slice(0, n))).length;
        if (count >= 4 && count <= 11) prefix = no.slice(0, n);
        if (count > 11) break;
      }
      if (prefix) break;
    }
    expect(prefix).not.toBe('');
    const want = all.filter((_, i) => numbers[i]!.startsWith(prefix)).map((r) => r.id);
    const got = want.map((_, offset) => pageIds({ q: prefix }, offset, 1)[0]);
    expect(got).toEqual(want);
  });

  it('assignee, department and repeat filters are index searches, not table scans', () => {
    const plan = (where: string) =>
      (t.db.prepare(`EXPLAIN QUERY PLAN SELECT count(*) FROM tickets t WHERE ${where}`).all() as Array<{ detail: string }>).map((r) => r.detail).join(' | ');
    expect(plan("t.department = '网络部'")).toMatch(/USING (COVERING )?INDEX tickets_department/);
    expect(plan('t.assignee_id = 3')).toMatch(/USING (COVERING )?INDEX tickets_assignee/);
    expect(plan('t.is_repeat = 1')).toMatch(/USING (COVERING )?INDEX tickets_repeat/);
    expect(plan('t.assignee_id IS NULL')).toMatch(/USING (COVERING )?INDEX tickets_assignee/);
  });
});
