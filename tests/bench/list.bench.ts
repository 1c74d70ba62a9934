/**
 * The ticket list, the ticket page and the Today page through the API (the
 * same ApiServer the hosts run, a logged-in session, zod and all), each
 * against a hand-written indexed query for the same rows, measured in the same
 * run. Reads only, but for one figure: the Today figure after a write writes
 * to a TEMP table, which only moves the connection's change counter; the one
 * after a settled ticket changes moves one recently settled ticket to another
 * department and back, and commits each move (foresight keeps nothing inside
 * a transaction, so a rolled-back write would not measure what it does after
 * a real one). So it all runs on the run's scratch copy of the bench file
 * (lib/bench-db.ts scratchCopy), never on the shared seeded file, which the
 * harness watches for committed writes.
 *
 *   npx tsx tests/bench/list.bench.ts --db /tmp/bench-1m.db [--quick]
 */
import { openDatabase } from '../../src-main/db/open';
import { createContext } from '../../src-main/services/context';
import { createApiServer } from '../../src-main/api/server';
import type { SessionSlot } from '../../src-main/api/handlers';
import { benchOptions, figure, loadLine, ratioAtMost, timeMedian, under } from './lib/figures';
import { BENCH_USER, scratchCopy } from './lib/bench-db';
import { TODAY_CALLS } from './lib/today-calls';

const opts = benchOptions();
const scratch = scratchCopy(opts.db ?? '/tmp/bench-1m.db');
const file = scratch.file;
const runs = opts.quick ? 7 : 15;

const db = openDatabase(file, { integrity: 'skip' });
const newest = (db.prepare('SELECT max(received_at) AS t FROM tickets').get() as { t: number }).t;
const now = newest + 60_000;
const ctx = createContext(db, () => now);
const api = createApiServer(ctx, { log: () => {} });
const user = ctx.read.users.list().find((u) => u.username === BENCH_USER.username);
if (!user) throw new Error(`no ${BENCH_USER.username} in ${file}: run through npm run bench, which adds it`);
const token = api.sessions.open(user).token;
const slot: SessionSlot = { get: () => token, set: () => {} };

async function call(method: string, input: unknown): Promise<unknown> {
  const r = await api.call(method, input, slot, 'zh-CN');
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

const tickets = (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
const district = (db.prepare('SELECT district AS d FROM tickets WHERE district IS NOT NULL GROUP BY district ORDER BY count(*) DESC LIMIT 1').get() as { d: string }).d;
const department = (db.prepare("SELECT department AS d FROM tickets WHERE department IS NOT NULL AND department <> '客服中心' LIMIT 1").get() as { d: string }).d;
// One customer's number from the middle of the table: seven digits of it, and its last four.
const somePhone = (db.prepare('SELECT phone FROM tickets WHERE id = (SELECT max(id) / 2 FROM tickets)').get() as { phone: string }).phone.replace(/\D/g, '');
const middle = somePhone.slice(2, 9);
const tail = somePhone.slice(-4);
// Every column the page returns (the list's 21: names of the category path, assignee and first responder
// joined), written out by hand. Until the fifth round the hand query read 13 of them: reading the other eight
// costs about 1.5× by itself on 1,000,000 tickets, which the ratio then charged to the API.
const COLS = `t.id, t.ticket_no, t.channel, t.received_at, t.phone, t.customer_name, t.district,
  coalesce(p.name || '/' || c.name, c.name) AS category_path, t.level, t.status,
  coalesce(a.display_name, t.assignee_name) AS assignee_name, coalesce(f.display_name, t.first_responder_name) AS first_responder_name,
  t.department, t.satisfaction, t.is_repeat, t.is_collective, t.is_demo, t.due_at, t.due_clock, t.warn_at, t.version`;
const JOINS = `JOIN categories c ON c.id = t.category_id LEFT JOIN categories p ON p.id = c.parent_id
  LEFT JOIN users a ON a.id = t.assignee_id LEFT JOIN users f ON f.id = t.first_responder_id`;
/**
 * The hand-written query for the same rows: the page's ids along the index
 * named, then the page's columns and names for those ids — what one would
 * write for one page, without the API's validation, session, count or mapping.
 */
const hand = (index: string, where: string, order: string, offset = 0) => {
  const ids = db.prepare(`SELECT t.id FROM tickets t INDEXED BY ${index} ${where} ORDER BY ${order} LIMIT 100 OFFSET ${offset}`).pluck();
  return {
    all(params: Record<string, unknown> = {}) {
      const page = ids.all(params) as number[];
      return db.prepare(`SELECT ${COLS} FROM tickets t ${JOINS} WHERE t.id IN (${page.map(() => '?').join(',')})`).all(...page);
    },
  };
};
const DESC = 't.received_at DESC, t.id DESC';
const offsetDeep = Math.floor(tickets / 2);

interface Case {
  name: string;
  input: Record<string, unknown>;
  baseline: () => unknown;
}
const cases: Case[] = [
  { name: 'list.first_page', input: { offset: 0, limit: 100 }, baseline: () => hand('tickets_received', '', DESC).all() },
  {
    name: 'list.sorted_ticket_no',
    input: { offset: 0, limit: 100, sort: { field: 'ticketNo', dir: 'asc' } },
    baseline: () => hand('tickets_no', '', 't.ticket_no ASC, t.received_at ASC, t.id ASC').all(),
  },
  {
    name: 'list.filter_breached',
    input: { offset: 0, limit: 100, filter: { deadline: 'breached' } },
    baseline: () => hand('tickets_due', 'WHERE t.due_at <= @now', DESC).all({ now }),
  },
  {
    name: 'list.filter_status',
    input: { offset: 0, limit: 100, filter: { status: ['in_progress'] } },
    baseline: () => hand('tickets_status', "WHERE t.status = 'in_progress'", DESC).all(),
  },
  {
    name: 'list.filter_district',
    input: { offset: 0, limit: 100, filter: { district } },
    baseline: () => hand('tickets_district', 'WHERE t.district = @d', DESC).all({ d: district }),
  },
  {
    // The list's filter bar (a department and a date range), and a department alone: a wide filter paged along received_at.
    name: 'list.filter_department_range',
    input: { offset: 0, limit: 100, filter: { department: department, receivedFrom: newest - 60 * 86_400_000, receivedTo: newest - 30 * 86_400_000 } },
    baseline: () =>
      hand('tickets_department', 'WHERE t.department = @d AND t.received_at >= @f AND t.received_at < @t', DESC).all({
        d: department,
        f: newest - 60 * 86_400_000,
        t: newest - 30 * 86_400_000,
      }),
  },
  {
    name: 'list.filter_department',
    input: { offset: 0, limit: 100, filter: { department } },
    baseline: () => hand('tickets_received', 'WHERE +t.department = @d', DESC).all({ d: department }),
  },
  {
    // Four digits typed in the search box find every number holding them (core/phone-search.ts), a start among
    // them: the same rows by hand are the trigram index's matches, newest first — walked along received_at, the
    // quicker of the two plans here (reading and sorting all the matches took 36 ms). The numbers that start
    // with 1391 alone, fewer rows, are timed once below.
    name: 'list.filter_phone_prefix',
    input: { offset: 0, limit: 100, filter: { q: '1391' } },
    baseline: () => hand('tickets_received', 'WHERE t.id IN (SELECT rowid FROM ticket_phone_search WHERE ticket_phone_search MATCH @m)', DESC).all({ m: '"1391"' }),
  },
  {
    // Any part of a number (the middle seven digits of one customer's) and the last four digits (尾号), against the
    // same rows asked of the trigram index by hand (a LIKE scan of every row is timed once, below: it is no index).
    name: 'list.filter_phone_part',
    input: { offset: 0, limit: 100, filter: { q: middle } },
    baseline: () => hand('tickets_received', 'WHERE t.id IN (SELECT rowid FROM ticket_phone_search WHERE ticket_phone_search MATCH @m)', DESC).all({ m: `"${middle}"` }),
  },
  {
    name: 'list.filter_phone_tail',
    input: { offset: 0, limit: 100, filter: { q: tail } },
    baseline: () => hand('tickets_received', 'WHERE t.id IN (SELECT rowid FROM ticket_phone_search WHERE ticket_phone_search MATCH @m)', DESC).all({ m: `"${tail}."` }),
  },
  {
    name: `list.offset_${offsetDeep}`,
    input: { offset: offsetDeep, limit: 100 },
    baseline: () => hand('tickets_received', '', DESC, offsetDeep).all(),
  },
];

console.log(`database: ${file}, ${tickets.toLocaleString('en-US')} tickets; ${runs} runs each, medians; ${loadLine()}`);
for (const c of cases) {
  const apiMs = await timeMedian(runs, () => call('tickets/list', c.input));
  const baseMs = await timeMedian(runs, c.baseline);
  figure(c.name, apiMs, 'ms', {
    baseline: { name: 'hand-written indexed query', value: baseMs },
    targets: [under(apiMs, 50, 'ms'), ratioAtMost(apiMs, baseMs, 2, 'baseline')],
  });
}

// The narrower reading of "a phone prefix": the numbers that start with 1391, from the phone index, once.
{
  const t0 = performance.now();
  hand('tickets_phone', "WHERE t.phone >= '1391' AND t.phone < '1392'", DESC).all();
  figure('list.filter_phone_prefix.starts_only', performance.now() - t0, 'ms', { note: 'one run: the numbers starting with 1391 only, a range of the phone index — fewer rows than the search box finds' });
}

// What the index saves: the middle-digits search as a LIKE over every row, once (it reads the whole table).
{
  const t0 = performance.now();
  hand('tickets_received', "WHERE t.phone LIKE '%' || @p || '%'", DESC).all({ p: middle });
  const likeMs = performance.now() - t0;
  figure('list.filter_phone_part.like_scan', likeMs, 'ms', { note: 'one run, no index: what the trigram index replaces' });
}

// The ticket page: the ticket with the longest history among recent ones, its events and clocks.
const busy = (db.prepare(`SELECT ticket_id AS id FROM ticket_events WHERE ticket_id > (SELECT max(id) - 5000 FROM tickets)
  GROUP BY ticket_id ORDER BY count(*) DESC LIMIT 1`).get() as { id: number }).id;
const ticketMs = await timeMedian(runs, () => call('tickets/get', { id: busy }));
const ticketBase = await timeMedian(runs, () => {
  db.prepare(`SELECT t.*, c.name FROM tickets t ${JOINS} WHERE t.id = ?`).get(busy);
  db.prepare('SELECT * FROM ticket_events WHERE ticket_id = ? ORDER BY id DESC').all(busy);
  db.prepare('SELECT * FROM ticket_clocks WHERE ticket_id = ?').all(busy);
});
figure('ticket.page', ticketMs, 'ms', {
  baseline: { name: 'three indexed reads (ticket, events, clocks)', value: ticketBase },
  targets: [under(ticketMs, 20, 'ms')],
});

const todayCalls = TODAY_CALLS;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const openToday = async () => {
  for (const [m, i] of todayCalls) await call(m, i);
};
// Counts are kept until the data changes: a row written to a TEMP table moves the connection's
// total_changes() as any write would, without touching the file, so every count is taken afresh.
db.exec('CREATE TEMP TABLE bench_poke (x)');
const poke = db.prepare('INSERT INTO temp.bench_poke VALUES (1)');
// A ticket settled in the last month, moved between its department and another at each open: foresight's peer groups change.
const settledOne = db
  .prepare(`SELECT t.id, t.department FROM ticket_clocks c JOIN tickets t ON t.id = c.ticket_id
    WHERE c.clock = 'resolution' AND c.subject_id = 0 AND c.cancelled = 0 AND c.stopped_at > ? AND t.status <> 'voided' AND t.department IS NOT NULL LIMIT 1`)
  .get(now - 30 * 86_400_000) as { id: number; department: string };
const moveDepartment = db.prepare('UPDATE tickets SET department = ? WHERE id = ?');
let moved = false;
const flipSettled = () => {
  moved = !moved;
  moveDepartment.run(moved ? `${settledOne.department}（基准）` : settledOne.department, settledOne.id);
};
// After a write every count is taken afresh (seconds per open on 1,000,000 tickets at load): fewer runs there.
for (const [name, before, n] of [
  ['today.numbers', () => {}, runs],
  ['today.numbers_after_write', () => poke.run(), opts.quick ? runs : 5],
  ['today.numbers_after_settled_change', flipSettled, opts.quick ? runs : 5],
] as const) {
  const c0 = cpuMs();
  const ms = await timeMedian(n, async () => {
    before();
    await openToday();
  });
  const cpuPerOpen = (cpuMs() - c0) / (n + 2);
  const perCall: string[] = [];
  for (const [m, i] of todayCalls)
    perCall.push(
      `${m} ${(await timeMedian(3, async () => {
        before();
        await call(m, i);
      }, 1)).toFixed(1)}`,
    );
  figure(name, ms, 'ms', {
    targets: [under(ms, 50, 'ms')],
    note: `${todayCalls.length} calls, ${cpuPerOpen.toFixed(1)} ms of CPU per open: ${perCall.join(', ')}`,
  });
}
moveDepartment.run(settledOne.department, settledOne.id);
db.close();
scratch.dispose();
