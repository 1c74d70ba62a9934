/**
 * The dispatch model's training reads settled tickets a page at a time on the
 * console's only thread. Each page must walk the table in id order from where
 * the last one stopped; through the status index it read every settled ticket
 * and sorted them for each page (on 1,000,000 tickets the web host stopped
 * answering for minutes once the training began after start-up).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { tempDb, type TestDb } from '../../helpers/temp-db';
import { SETTLED_PAGE_SQL } from '../../../src-main/db/dispatch-store';

let t: TestDb;
afterEach(() => t.close());

describe("the dispatch training's page of settled tickets", () => {
  it('walks the table by id from the last page, with no sort and not through the status index', () => {
    t = tempDb();
    const plan = (t.db.prepare(`EXPLAIN QUERY PLAN ${SETTLED_PAGE_SQL}`).all(0, 0, 1, 500) as Array<{ detail: string }>).map((r) => r.detail);
    expect(plan).toEqual(['SEARCH tickets USING INTEGER PRIMARY KEY (rowid>?)']);
  });
});
