/**
 * Timeout monitor benchmark (issue 3). On a 1,000,000-ticket database it
 * measures (1) finding the monitor's next wake-up and (2) one catch-up round
 * after the console was closed for three days, each against a plain indexed
 * `SELECT … ORDER BY due_at LIMIT 1` measured in the same run. It prints
 * figures; it asserts nothing. Everything it writes is rolled back.
 *
 *   npx tsx tests/bench/sla.bench.ts [--db /tmp/bench-1m.db]
 *   (creates the database with `complaint-desk seed` if it is missing)
 */
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { openDatabase } from '../../src-main/db/open';
import { createContext } from '../../src-main/services/context';
import { ClockStore } from '../../src-main/db/clock-store';
import { DeadlineMonitor } from '../../src-main/services/monitor';
import { figure, loadLine } from './lib/figures';

const arg = process.argv.indexOf('--db');
const file = arg > 0 ? process.argv[arg + 1]! : '/tmp/bench-1m.db';
if (!fs.existsSync(file)) {
  console.log(`seeding ${file} with 1,000,000 tickets (a few minutes)…`);
  execFileSync('node', ['bin/complaint-desk.mjs', 'seed', '--tickets', '1000000', '--months', '24', '--db', file], { stdio: 'inherit' });
}

const db = openDatabase(file, { integrity: 'skip' });
const tickets = (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
const clocks = (db.prepare('SELECT count(*) AS n FROM ticket_clocks').get() as { n: number }).n;
const lastReceived = (db.prepare('SELECT max(received_at) AS t FROM tickets').get() as { t: number }).t;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function timeEach(n: number, fn: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
  return median(samples);
}

const baselineStmt = db.prepare(
  'SELECT ticket_id, clock, due_at FROM ticket_clocks WHERE stopped_at IS NULL AND cancelled = 0 AND due_at IS NOT NULL ORDER BY due_at LIMIT 1',
);
const store = new ClockStore(db);
for (let i = 0; i < 200; i++) {
  baselineStmt.get();
  store.nextAlertAt();
}
const baselineUs = timeEach(20_000, () => baselineStmt.get());
const nextWakeUs = timeEach(20_000, () => store.nextAlertAt());

// The console was last open when the newest ticket arrived; it is opened again three days later.
let now = lastReceived;
const ctx = createContext(db, () => now);
const quiet = { setTimer: () => null, clearTimer: () => {} };
db.exec('BEGIN');
try {
  const before = new DeadlineMonitor(ctx, quiet);
  before.start(); // everything due before the close was raised while it was open
  before.stop();
  now = lastReceived + 3 * 24 * 3_600_000;
  const monitor = new DeadlineMonitor(ctx, quiet);
  const t0 = process.hrtime.bigint();
  const batch = monitor.start();
  const catchUpMs = Number(process.hrtime.bigint() - t0) / 1e6;
  monitor.stop();

  console.log(`database: ${file} — ${tickets.toLocaleString()} tickets, ${clocks.toLocaleString()} clocks; ${loadLine()}`);
  const baseline = { name: 'SELECT … ORDER BY due_at LIMIT 1 (indexed)', value: baselineUs };
  figure('monitor.next_wakeup', nextWakeUs, 'µs', { baseline, note: 'min(next_alert_at) on the partial index; median of 20,000' });
  figure('monitor.catch_up', catchUpMs * 1000, 'µs', {
    baseline,
    note: `after 3 days closed: ${batch.alerts.length} alerts ${JSON.stringify(batch.counts)}, ${((catchUpMs * 1000) / Math.max(1, batch.alerts.length)).toFixed(1)} µs per alert`,
  });
} finally {
  db.exec('ROLLBACK');
  db.close();
}
