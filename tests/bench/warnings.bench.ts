/**
 * Volume-warning check benchmark: the whole check (every monitored category ×
 * scope × period: 6 baseline months, the month so far, the rolling 7 days, the
 * history probes) at the newest ticket's instant, against a bare indexed
 * count of the same 7 months of tickets measured in the same run. Target:
 * well under a second on 1,000,000 tickets. It prints figures; it asserts
 * nothing and writes nothing but the migrations an older file needs.
 *
 *   npx tsx tests/bench/warnings.bench.ts [--db /tmp/bench-1m.db]
 */
import fs from 'node:fs';
import { openDatabase } from '../../src-main/db/open';
import { createContext } from '../../src-main/services/context';
import { checkWarnings } from '../../src-main/services/warnings';
import { warningWindows } from '../../src-main/core/warnings';
import { branchSettings } from '../../src-main/services/settings';
import { figure, loadLine, timeMedian, under } from './lib/figures';

const arg = process.argv.indexOf('--db');
const file = arg > 0 ? process.argv[arg + 1]! : '/tmp/bench-1m.db';
if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run bench (it seeds it)`);

const db = openDatabase(file, { integrity: 'skip' });
const tickets = (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
const at = (db.prepare('SELECT max(received_at) AS t FROM tickets').get() as { t: number }).t;
const ctx = createContext(db, () => at);
const w = warningWindows(at, branchSettings(ctx).zone);
const from = w.baselineMonths[0]!.start;
const bare = db.prepare('SELECT count(*) AS n FROM tickets WHERE received_at >= ? AND received_at < ?');
const counted = (bare.get(from, at + 1) as { n: number }).n;

const bareMs = await timeMedian(7, () => bare.get(from, at + 1));
let assessments = 0;
const checkMs = await timeMedian(7, () => {
  assessments = checkWarnings(ctx, at).assessments.length;
});
console.log(`database: ${file} — ${tickets.toLocaleString('en-US')} tickets, ${counted.toLocaleString('en-US')} in the 7 months counted; ${loadLine()}`);
figure('warnings.check', checkMs, 'ms', {
  baseline: { name: 'bare indexed count of the same 7 months', value: bareMs },
  targets: [under(checkMs, 1000, 'ms')],
  note: `${assessments} category × scope × period assessments; median of 7`,
});
db.close();
