/**
 * Reports benchmark (issue 6). On a 1,000,000-ticket database seeded across
 * 24 months it measures the full monthly report — what the Reports page asks
 * for: every KPI of the month, of the month before and of the same month last
 * year, the breakdowns and the charts — against a single hand-written
 * aggregate SQL query over the same month, measured in the same run.
 *
 * Three such queries are measured:
 *   A. six of the month's numbers as one would write them over the clock rows
 *      (tickets ⋈ ticket_clocks);
 *   B. the same six numbers from the clock outcomes that migration 0004 keeps
 *      on the ticket row, over the covering index;
 *   C. the month's whole KPI block — every count, the missed clocks and the
 *      two medians — in one query over the covering index
 *      (tests/helpers/kpi-sql.ts). This is the like-for-like baseline: the
 *      one query one would write for the month's figures; the report gives
 *      those same figures (checked below) and then the comparisons, the
 *      breakdowns and the charts on top.
 * It prints figures (medians of several runs); it asserts nothing, and the writes it
 * makes (to time a report right after one) are rolled back.
 *
 *   npx tsx tests/bench/report.bench.ts [--db /tmp/bench-1m.db] [--runs 9]
 *   (creates the database with `complaint-desk seed` if it is missing; an
 *   older database is migrated first, which on a million tickets takes minutes)
 */
import fs from 'node:fs';
import os from 'node:os';
import { execFileSync } from 'node:child_process';
import { openDatabase } from '../../src-main/db/open';
import { createContext } from '../../src-main/services/context';
import { buildDashboard, buildReport } from '../../src-main/services/reports/report';
import { monthRange, previousPeriod, rangeInstants, sameTimeLastYear } from '../../src-main/core/reports/period';
import { MONTH_KPIS_SQL, monthKpis } from '../helpers/kpi-sql';
import { figure, ratioAtMost, under } from './lib/figures';

const opt = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const file = opt('db', '/tmp/bench-1m.db');
const runs = Number(opt('runs', process.argv.includes('--quick') ? '5' : '9'));
if (!fs.existsSync(file)) {
  console.log(`seeding ${file} with 1,000,000 tickets over 24 months (a few minutes)…`);
  execFileSync('node', ['bin/complaint-desk.mjs', 'seed', '--tickets', '1000000', '--months', '24', '--db', file], { stdio: 'inherit' });
}

let t0 = performance.now();
const db = openDatabase(file, { integrity: 'skip' });
const openMs = performance.now() - t0;
const tickets = (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
const last = (db.prepare('SELECT max(received_at) AS t FROM tickets').get() as { t: number }).t;
const now = last + 60_000;
const ctx = createContext(db, () => now);
const zone = 'Asia/Shanghai';
// The last whole month before the newest ticket: it has a month before it and a year before it.
const lastMonth = new Date(last + 8 * 3_600_000);
const y = lastMonth.getUTCFullYear();
const m = lastMonth.getUTCMonth(); // 0-based: the month before the newest ticket's, 1-based
const month = m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
const range = monthRange(month)!;
const { fromMs, toMs } = rangeInstants(range, zone);

const overClocks = db.prepare(`SELECT count(*) AS total, sum(t.status IN ('resolved', 'closed')) AS resolved,
    sum(k.stopped_at <= @now OR k.due_at <= @now) AS dueCount, sum(k.stopped_at <= @now AND k.stopped_at <= k.due_at) AS onTime,
    sum(t.is_repeat) AS repeat, sum(t.level = 'overlevel') AS overlevel
  FROM tickets t LEFT JOIN ticket_clocks k ON k.ticket_id = t.id AND k.clock = 'resolution' AND k.subject_id = 0
  WHERE t.received_at >= @from AND t.received_at < @to AND t.status <> 'voided'`);
const overOutcomes = db.prepare(`SELECT count(*) AS total, sum(t.status IN ('resolved', 'closed')) AS resolved,
    sum(t.res_met_at <= @now OR t.res_missed_at <= @now) AS dueCount, sum(t.res_met_at <= @now) AS onTime,
    sum(t.is_repeat) AS repeat, sum(t.level = 'overlevel') AS overlevel
  FROM tickets t WHERE t.received_at >= @from AND t.received_at < @to AND t.status <> 'voided'`);
const params = { from: fromMs, to: toMs, now };
const wholeBlock = db.prepare(MONTH_KPIS_SQL);
const district = db
  .prepare(`SELECT district AS name, count(*) AS n FROM tickets WHERE received_at >= @from AND received_at < @to AND district IS NOT NULL
    GROUP BY district ORDER BY n DESC LIMIT 1`)
  .get({ from: fromMs, to: toMs }) as { name: string; n: number };

// Not a baseline: what the two exact medians of the month alone cost as SQL — why six sums (B) is not like-for-like.
const mediansOnly = db.prepare(`SELECT median(max(t.first_response_at - t.received_at, 0)), median(max(t.resolved_at - t.received_at, 0))
  FROM tickets t INDEXED BY tickets_report WHERE t.received_at >= @from AND t.received_at < @to AND t.status <> 'voided'`);
const bounds = { from: fromMs, to: toMs };

const cases: Record<string, () => unknown> = {
  "the month's two medians alone, one query": () => mediansOnly.get(bounds),
  'baseline A: one aggregate, tickets ⋈ ticket_clocks': () => overClocks.get(params),
  'baseline B: one aggregate, outcome columns': () => overOutcomes.get(params),
  "baseline C: one aggregate, the month's KPI block": () => wholeBlock.get(params),
  'report: KPIs + comparisons + breakdowns': () => buildReport(ctx, { range }),
  'full monthly report (dashboard: report + charts)': () => buildDashboard(ctx, { range }),
  // For scale: the busiest district's dashboard, the filter applied in the same scan.
  [`the same, filtered to ${district.name} (${district.n.toLocaleString()} tickets)`]: () => buildDashboard(ctx, { range, filters: { district: [district.name] } }),
};
const samples: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (const fn of Object.values(cases)) fn(); // warm the page cache
// A and B read the table rows (seconds each on 1,000,000 tickets): shown for scale, timed once.
const timedOnce = new Set(['baseline A: one aggregate, tickets ⋈ ticket_clocks', 'baseline B: one aggregate, outcome columns']);
// Right after a write: a period's days are kept until a ticket of the day is written (db/kept-folds.ts, migration 0024). Each write
// below is made in a transaction, the report taken inside it (it sees the write), then rolled back, so the file stays as it was.
const prevInstants = rangeInstants(previousPeriod(range), zone);
const yearInstants = rangeInstants(sameTimeLastYear(range), zone);
const oneTicket = db.prepare('SELECT id FROM tickets WHERE received_at >= @from AND received_at < @to LIMIT 1').pluck();
const ticketOf = (p: { fromMs: number; toMs: number }) => oneTicket.get({ from: p.fromMs, to: p.toMs }) as number;
const newest = db.prepare('SELECT id FROM tickets ORDER BY received_at DESC LIMIT 1').pluck().get() as number;
const touch = db.prepare('UPDATE tickets SET is_repeat = 1 - is_repeat WHERE id = ?');
const afterWritesTo = (ids: number[]) => () => {
  db.exec('BEGIN');
  try {
    for (const id of ids) touch.run(id);
    return buildDashboard(ctx, { range });
  } finally {
    db.exec('ROLLBACK');
  }
};
const AFTER = {
  month: 'report right after a write to its month',
  before: 'report right after a write to the month before',
  elsewhere: "report right after a write to today's ticket",
  all: 'report right after a write to each of its 3 periods',
};
cases[AFTER.month] = afterWritesTo([ticketOf({ fromMs, toMs })]);
cases[AFTER.before] = afterWritesTo([ticketOf(prevInstants)]);
cases[AFTER.elsewhere] = afterWritesTo([newest]);
cases[AFTER.all] = afterWritesTo([ticketOf({ fromMs, toMs }), ticketOf(prevInstants), ticketOf(yearInstants)]);
for (const name of Object.values(AFTER)) samples[name] = [];
for (let i = 0; i < runs; i++) {
  for (const [name, fn] of Object.entries(cases)) {
    if (i > 0 && timedOnce.has(name)) continue;
    t0 = performance.now();
    fn();
    samples[name]!.push(performance.now() - t0);
  }
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h]! : (s[h - 1]! + s[h]!) / 2;
};
const med = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)]));
const check = overClocks.get(params) as Record<string, number>;
const same = JSON.stringify(check) === JSON.stringify(overOutcomes.get(params));

console.log(`database: ${file} — ${tickets.toLocaleString()} tickets (opened and migrated in ${(openMs / 1000).toFixed(1)} s)`);
console.log(`month: ${month} (${zone}), ${check.total!.toLocaleString()} tickets received; now = newest ticket + 1 min`);
console.log(`load average: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores; ${runs} runs each, median:`);
for (const [name, ms] of Object.entries(med)) console.log(`  ${name.padEnd(50)} ${ms.toFixed(1).padStart(8)} ms   (runs: ${samples[name]!.map((x) => x.toFixed(0)).join(' ')})`);
const full = med['full monthly report (dashboard: report + charts)']!;
const ratio = (name: string) => `${(full / med[name]!).toFixed(2)}×`;
console.log(
  `full report ÷ baseline A: ${ratio('baseline A: one aggregate, tickets ⋈ ticket_clocks')}   ÷ B: ${ratio('baseline B: one aggregate, outcome columns')}   ÷ C: ${ratio("baseline C: one aggregate, the month's KPI block")}   (target: < 300 ms, ≤ 3× C)`,
);
const c = med["baseline C: one aggregate, the month's KPI block"]!;
figure('report.monthly', full, 'ms', {
  baseline: { name: "the month's KPI block as one query", value: c },
  targets: [under(full, 300, 'ms'), ratioAtMost(full, c, 3, 'KPI block')],
  note: 'dashboard: KPIs, comparisons, breakdowns, charts',
});
const afterWrite = med[AFTER.month]!;
figure('report.monthly_after_write', afterWrite, 'ms', {
  baseline: { name: "the month's KPI block as one query", value: c },
  targets: [under(afterWrite, 300, 'ms'), ratioAtMost(afterWrite, c, 3, 'KPI block')],
  note: 'a ticket of the month written: its day folded afresh, the rest of the month, the month before and last year kept',
});
const others: Array<[string, string, string]> = [
  ['report.monthly_after_write_before', AFTER.before, 'a ticket of the month before written: its day folded afresh (counts only)'],
  ['report.monthly_after_write_elsewhere', AFTER.elsewhere, 'a ticket of another month written: every fold kept'],
  ['report.monthly_after_write_all', AFTER.all, 'a ticket of each period written: three days folded afresh'],
];
for (const [name, key, note] of others) {
  figure(name, med[key]!, 'ms', { baseline: { name: "the month's KPI block as one query", value: c }, targets: [ratioAtMost(med[key]!, c, 3, 'KPI block')], note });
}
figure('report.kpis', med['report: KPIs + comparisons + breakdowns']!, 'ms', { baseline: { name: "the month's KPI block as one query", value: c } });
console.log(
  `the two medians alone take ${(med["the month's two medians alone, one query"]! / med['baseline B: one aggregate, outcome columns']!).toFixed(2)}× B (B is six sums; the report also takes the month's other counts, two more periods, the breakdowns and the charts)`,
);
console.log(`baselines A and B give the same numbers: ${same ? 'yes' : 'NO'}`);
const report = buildReport(ctx, { range });
const block = monthKpis(db, fromMs, toMs, now);
const fromReport = { ...Object.fromEntries(Object.keys(block).map((k) => [k, (report as unknown as Record<string, unknown>)[k]])), ...report.breaches };
console.log(`the report's month equals baseline C's block: ${JSON.stringify(fromReport) === JSON.stringify(block) ? 'yes' : `NO\n  report ${JSON.stringify(fromReport)}\n  C      ${JSON.stringify(block)}`}`);
db.close();
