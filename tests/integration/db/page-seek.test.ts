/**
 * Deep pages of the ticket list start from remembered sort keys (keyset) and
 * totals are kept until the data changes: the pages must be exactly what
 * LIMIT/OFFSET gives, in every seekable sort and direction, with a filter, and
 * right again after a write.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PageSeek } from '../../../src-main/db/page-seek';
import { seedTickets } from '../../../src-main/services/seed';
import { tempDb, type TestDb } from '../../helpers/temp-db';

let t: TestDb;
beforeEach(() => {
  t = tempDb();
  seedTickets(t.ctx, null, { tickets: 400, seed: 7, months: 2 });
});
afterEach(() => t.close());

const STEP = 37;
const offsetIds = (where: string, params: Record<string, unknown>, column: string, dir: string, offset: number, limit: number) =>
  t.db
    .prepare(`SELECT t.id FROM tickets t ${where} ORDER BY ${column} ${dir}, t.received_at ${dir}, t.id ${dir} LIMIT ${limit} OFFSET ${offset}`)
    .pluck()
    .all(params) as number[];

describe('PageSeek', () => {
  const sorts = ['t.received_at', 't.ticket_no', 't.status', 't.level', 't.channel', 't.category_id'];
  for (const column of sorts) {
    for (const dir of ['ASC', 'DESC'] as const) {
      it(`pages by ${column} ${dir} exactly as OFFSET does, at every depth`, () => {
        const seek = new PageSeek(t.db, (sql) => t.db.prepare(sql), STEP);
        const q = { key: `${column}${dir}`, where: '', params: {}, column, dir };
        for (const offset of [0, 36, 37, 38, 100, 111, 250, 370, 399, 420]) {
          expect(seek.ids(q, offset, 25), `offset ${offset}`).toEqual(offsetIds('', {}, column, dir, offset, 25));
        }
        // Out of order too: a jump deep first, then shallower.
        expect(seek.ids(q, 300, 10)).toEqual(offsetIds('', {}, column, dir, 300, 10));
        expect(seek.ids(q, 80, 10)).toEqual(offsetIds('', {}, column, dir, 80, 10));
      });
    }
  }

  it('pages a filtered list the same way, and forgets its marks and totals when a ticket changes', () => {
    const seek = new PageSeek(t.db, (sql) => t.db.prepare(sql), 11);
    const where = "WHERE t.status = 'closed'";
    const q = { key: 'closed', where, params: {}, column: 't.received_at', dir: 'DESC' as const };
    const count = () => (t.db.prepare(`SELECT count(*) AS n FROM tickets t ${where}`).get() as { n: number }).n;
    const before = seek.total('closed', count);
    expect(seek.ids(q, 120, 15)).toEqual(offsetIds(where, {}, 't.received_at', 'DESC', 120, 15));
    // A ticket deep in the list closes: every row after it moves by one, and the total grows.
    const open = t.db.prepare("SELECT id FROM tickets WHERE status <> 'closed' ORDER BY received_at DESC LIMIT 1 OFFSET 5").pluck().get() as number;
    t.db.prepare("UPDATE tickets SET status = 'closed' WHERE id = ?").run(open);
    expect(seek.total('closed', count)).toBe(before + 1);
    expect(seek.ids(q, 120, 15)).toEqual(offsetIds(where, {}, 't.received_at', 'DESC', 120, 15));
  });
});
