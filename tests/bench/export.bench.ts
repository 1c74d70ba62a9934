/**
 * Monthly export benchmark: the bundle of one month (about 42,000 tickets)
 * from the 1,000,000-ticket database — time, and peak memory of the process
 * (the rows are streamed: the month is never held in memory, so the peak
 * should stay near the baseline whatever the month's size).
 * The key and the archive go to a temporary folder; the export history row
 * lands in the bench database (a second run finds the same data and rebuilds
 * the bundle without adding a row).
 *
 *   npx tsx tests/bench/export.bench.ts [--db /tmp/bench-1m.db] [--month YYYY-MM]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { openDatabase } from '../../src-main/db/open';
import { createContext } from '../../src-main/services/context';
import { exportMonthBundle } from '../../src-main/services/export/export-month';

const opt = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const file = opt('db', '/tmp/bench-1m.db');
if (!fs.existsSync(file)) {
  console.log(`seeding ${file} with 1,000,000 tickets over 24 months (a few minutes)…`);
  execFileSync('node', ['bin/complaint-desk.mjs', 'seed', '--tickets', '1000000', '--months', '24', '--db', file], { stdio: 'inherit' });
}
const db = openDatabase(file, { integrity: 'skip' });
const last = (db.prepare('SELECT max(received_at) AS t FROM tickets').get() as { t: number }).t;
const now = last + 60_000;
const ctx = createContext(db, () => now);
const lastMonth = new Date(last + 8 * 3_600_000);
const y = lastMonth.getUTCFullYear();
const m = lastMonth.getUTCMonth();
const month = opt('month', m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'export-bench-'));
const out = path.join(work, 'out');
fs.mkdirSync(out);
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
try {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const maxBefore = process.resourceUsage().maxRSS * 1024;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const steps: string[] = [];
  const r = await exportMonthBundle(ctx, { month, outDir: out, dataDir: work, onProgress: (_f, step) => steps.push(`${step} at ${((performance.now() - t0) / 1000).toFixed(1)} s`) });
  const ms = performance.now() - t0;
  clearInterval(sampler);
  const maxAfter = process.resourceUsage().maxRSS * 1024;
  console.log(`month ${month}: ${r.rowCounts['data/tickets.jsonl']} tickets, ${r.rowCounts['data/refunds.jsonl']} refunds, ${r.rowCounts['data/breaches.jsonl']} breaches; bundle ${(fs.statSync(r.path).size / 1e6).toFixed(1)} MB`);
  console.log(`steps: ${steps.join(', ')}`);
  console.log(`bench: export_month_time ${(ms / 1000).toFixed(2)} s`);
  console.log(`bench: export_month_tickets ${r.rowCounts['data/tickets.jsonl']} tickets`);
  console.log(`bench: export_rss_before ${mib(rssBefore)} MiB`);
  console.log(`bench: export_rss_peak_sampled ${mib(Math.max(peak, maxAfter > maxBefore ? maxAfter : 0))} MiB`);
  console.log(`bench: export_rss_growth ${mib(Math.max(peak, maxAfter > maxBefore ? maxAfter : 0) - rssBefore)} MiB`);
  console.log(`bench: export_bundle_size ${(fs.statSync(r.path).size / 1e6).toFixed(1)} MB`);
} finally {
  db.close();
  fs.rmSync(work, { recursive: true, force: true });
}
