/**
 * A version-1 database with a few thousand tickets — every status, several
 * rules, pauses, a reopening, voidings — opened by today's console: every
 * migration runs in one go and the console works on the result.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase, integrityProblems, type Db } from '../../../src-main/db/open';
import { schemaVersion } from '../../../src-main/db/migrate';
import { LATEST_VERSION } from '../../../src-main/db/migrations';
import { createContext } from '../../../src-main/services/context';
import { listTickets } from '../../../src-main/services/tickets';
import { tempDir } from '../../helpers/temp-db';
import { ADMIN, CLOCKS_OF_EVERY_STATUS, EVERY_STATUS, H, OUTCOMES_OF_EVERY_STATUS, at, emptyAt, fillV1 } from './old-databases';

/** 4,000 tickets: EVERY_STATUS 400 times over, one arriving every quarter of an hour. */
const ROUNDS = 400;
const EVERY = 0.25;
const PATTERNS = EVERY_STATUS.length;

let dir: string;
let db: Db;
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('opens a version-1 database of 4,000 tickets at the latest version, every ticket clocked and its outcomes filled', () => {
  dir = tempDir();
  const old = emptyAt(dir, 1);
  fillV1(
    old,
    Array.from({ length: ROUNDS }, () => EVERY_STATUS).flat(),
    (i) => i * EVERY,
  );
  old.close();

  db = openDatabase(path.join(dir, 'desk.db'));
  expect(schemaVersion(db)).toBe(LATEST_VERSION);
  expect(integrityProblems(db)).toEqual([]);
  expect(db.prepare('SELECT count(*) AS n FROM tickets').get()).toEqual({ n: ROUNDS * PATTERNS });

  // Ticket k of each round has the clocks of EVERY_STATUS[k], moved to its own arrival.
  const clocks = db
    .prepare(`SELECT (t.id - 1) % ${PATTERNS} + 1 AS pattern, c.clock, c.rule_id AS rule, c.started_at - t.received_at AS started,
        c.limit_ms AS limitMs, c.stopped_at - t.received_at AS stopped, c.cancelled, c.due_at - t.received_at AS due,
        c.next_alert_at - t.received_at AS next, count(*) AS n
      FROM ticket_clocks c JOIN tickets t ON t.id = c.ticket_id
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9 ORDER BY 1, 4, c.clock = 'follow_up', 2`)
    .all() as Array<{
    pattern: number;
    clock: string;
    rule: string;
    started: number;
    limitMs: number;
    stopped: number | null;
    cancelled: number;
    due: number | null;
    next: number | null;
    n: number;
  }>;
  const hours = (ms: number | null) => (ms === null ? null : ms / H);
  expect(clocks.map((c) => [c.pattern, c.clock, c.rule, hours(c.started), hours(c.limitMs), hours(c.stopped), c.cancelled, hours(c.due), hours(c.next), c.n])).toEqual(
    CLOCKS_OF_EVERY_STATUS.map(([ticket, clock, rule, started, limit, , stopped, cancelled, due, , next]) => [
      ticket,
      clock,
      rule,
      started,
      limit,
      stopped,
      cancelled,
      due,
      next,
      ROUNDS,
    ]),
  );

  const outcomes = db
    .prepare(`SELECT (id - 1) % ${PATTERNS} AS k, fr_missed_at - received_at AS fr, res_missed_at - received_at AS res,
        res_met_at - received_at AS met, fu_missed_at - received_at AS fu, count(*) AS n FROM tickets GROUP BY 1, 2, 3, 4, 5 ORDER BY 1`)
    .all() as Array<Record<'fr' | 'res' | 'met' | 'fu', number | null> & { n: number }>;
  expect(outcomes.map((o) => [hours(o.fr), hours(o.res), hours(o.met), hours(o.fu), o.n])).toEqual(
    OUTCOMES_OF_EVERY_STATUS.map((o) => [...o, ROUNDS]),
  );

  // The console reads it: the newest ticket first, its deadline shown.
  const ctx = createContext(db, () => at(ROUNDS * PATTERNS * EVERY));
  const admin = ctx.read.users.get(ADMIN)!;
  const page = listTickets(ctx, admin, { offset: 0, limit: 3 });
  expect(page.total).toBe(ROUNDS * PATTERNS);
  expect(page.rows.map((r) => r.ticketNo)).toEqual(['GD-voided-resolved-4000', 'GD-voided-new-3999', 'GD-reopened-closed-3998']);
});
