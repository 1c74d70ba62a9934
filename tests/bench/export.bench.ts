/**
 * Monthly export benchmark: the bundle of the last whole month of the bench
 * database (about 42,000 tickets on the 1,000,000-ticket one, ~1,250 with
 * --quick) — wall time, CPU time, each step's share, and peak memory of the
 * process (the rows are streamed: the month is never held in memory, so the
 * peak should stay near the baseline whatever the month's size).
 *
 * Baselines measured in the same run: reading the month's ticket rows with the
 * export's own query and nothing else (the floor any export stands on), and
 * the process's resident memory before the export.
 *
 * It writes nothing to the bench database: the export runs inside a
 * transaction that is rolled back (the history row and any key setting go
 * with it); the key and the bundle go to a temporary folder.
 *
 *   npx tsx tests/bench/export.bench.ts --db /tmp/bench-1m.db [--quick] [--month YYYY-MM]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src-main/db/open';
import { ExportReader } from '../../src-main/db/export-reader';
import { createContext } from '../../src-main/services/context';
import { exportMonthBundle } from '../../src-main/services/export/export-month';
import { exportMonth } from '../../src-main/core/export/revision';
import { benchOptions, figure, loadLine } from './lib/figures';
import { benchSize } from './lib/bench-db';

const opts = benchOptions({ month: { type: 'string' } });
const file = opts.db ?? benchSize(opts.quick).file;
if (!fs.existsSync(file)) {
  console.log(`no database at ${file}: run it through \`npm run bench${opts.quick ? ' -- --quick' : ''}\`, which seeds it`);
  process.exit(1);
}
const db = openDatabase(file, { integrity: 'skip' });
const last = (db.prepare('SELECT max(received_at) AS t FROM tickets').get() as { t: number }).t;
const now = last + 60_000;
const ctx = createContext(db, () => now);
// The last whole month before the newest ticket (China time).
const newest = new Date(last + 8 * 3_600_000);
const [y, m] = [newest.getUTCFullYear(), newest.getUTCMonth()];
const month = typeof opts.month === 'string' ? opts.month : m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
const span = exportMonth(month, 'Asia/Shanghai', now);
if (!span) throw new Error(`bad month ${month}`);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'export-bench-'));
const out = path.join(work, 'out');
fs.mkdirSync(out);
const MiB = 2 ** 20;
try {
  console.log(`${loadLine()}; month ${month}`);
  // Baseline 1: the month's ticket rows through the export's own query, nothing done with them.
  let t0 = performance.now();
  let rows = 0;
  for (const _ of new ExportReader(db).tickets(span.fromMs, span.toMs)) rows++;
  const readMs = performance.now() - t0;

  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const stepStart = new Map<string, number>();
  let reports = 0;
  const cpu0 = process.cpuUsage();
  t0 = performance.now();
  db.exec('BEGIN');
  let r;
  try {
    // A seeded database has no branch id, which the export refuses; set one inside the rolled-back transaction.
    if (!ctx.settings.get<{ branchId?: string }>('branch')?.branchId) ctx.settings.set('branch', { branchId: 'BENCH', branchName: '基准分公司', zone: 'Asia/Shanghai' }, now, null);
    r = await exportMonthBundle(ctx, {
      month,
      // A month already sent once (an export that was not rolled back, e.g. by hand) needs a reason to send again.
      reason: '基准测试',
      outDir: out,
      dataDir: work,
      onProgress: (_f, step) => {
        reports++;
        if (!stepStart.has(step)) stepStart.set(step, performance.now() - t0);
      },
    });
  } finally {
    db.exec('ROLLBACK');
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);

  const tickets = r.rowCounts['data/tickets.jsonl'] ?? 0;
  const at = (s: string) => stepStart.get(s) ?? ms;
  console.log(
    `month ${month}: ${tickets} tickets, ${r.rowCounts['data/refunds.jsonl']} refunds, ${r.rowCounts['data/breaches.jsonl']} breaches; ` +
      `bundle ${(fs.statSync(r.path).size / 1e6).toFixed(1)} MB; ${reports} progress reports`,
  );
  const read = { name: 'reading the month\'s ticket rows', value: readMs / 1000 };
  figure('export.read_rows', readMs, 'ms', { note: `${rows} rows, the export's query alone (baseline)` });
  figure('export.month', ms / 1000, 's', { baseline: read, note: `${tickets} tickets, wall time at ${loadLine()}` });
  figure('export.month_cpu', (cpu.user + cpu.system) / 1e6, 's', { note: 'user + system CPU of the process: steadier than wall time on a shared machine' });
  figure('export.step.data', (at('workbook') - at('data')) / 1000, 's', { note: 'machine files (JSON Lines) and the KPI report' });
  figure('export.step.workbook', (at('sign') - at('workbook')) / 1000, 's', { note: 'the XLSX from the machine files' });
  figure('export.step.sign_zip_save', (ms - at('sign')) / 1000, 's');
  figure('export.per_1k_tickets', ms / Math.max(1, tickets), 's', { note: 'wall time per 1,000 tickets' });
  figure('export.rss_peak', peak / MiB, 'MiB', { baseline: { name: 'resident memory before the export', value: rssBefore / MiB }, note: 'sampled every 20 ms' });
  figure('export.rss_growth', (peak - rssBefore) / MiB, 'MiB');
  figure('export.bundle_size', fs.statSync(r.path).size / 1e6, 'MB');
} finally {
  db.close();
  fs.rmSync(work, { recursive: true, force: true });
}
