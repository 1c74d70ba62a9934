/**
 * 导出 benchmark: the ticket list exported with a filter matching 200,000
 * tickets (the newest 200,000 of its own database; the newest 10,000 of
 * the quick bench database with --quick), as XLSX and as CSV — wall time, CPU time, the process's peak
 * resident memory against its memory before (rows are streamed a batch at a
 * time, so the peak should not grow with the row count), the longest the
 * event loop waited (how late a progress request would be answered) and how
 * many progress answers a page polling every 250 ms would get. Memory is
 * also printed over the course of the export (resident memory when a
 * quarter, half, three quarters and all of the rows were written: flat, not
 * growing with the rows), with how much of the file was on disk when the last
 * row was written (a file written as the rows come, not at the end).
 *
 * Baseline measured in the same run: reading the same rows through the
 * list's own service call (listTickets, a page at a time) and nothing else.
 *
 * It runs on a database of its own, seeded once with 200,000 tickets over
 * six months and reused (with --quick, the harness's quick database): the shared bench database is
 * written by other benchmarks meanwhile, and an export writes its audit row
 * at the end. Each export runs inside a transaction that is rolled back (the
 * audit row goes with it), and the file is removed.
 *
 *   npx tsx tests/bench/sheets.bench.ts [--quick] [--rows 200000] [--formats xlsx,csv]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src-main/db/open';
import { createContext } from '../../src-main/services/context';
import { listTickets } from '../../src-main/services/tickets';
import { exportSheet, sheetProgress } from '../../src-main/services/sheets/export-sheet';
import type { UserInfo } from '../../src-main/core/model';
import { benchOptions, figure, loadLine } from './lib/figures';
import { execFileSync } from 'node:child_process';

const opts = benchOptions({ rows: { type: 'string' }, formats: { type: 'string' } });
const formats = String(opts.formats ?? 'xlsx,csv').split(',').filter((f): f is 'xlsx' | 'csv' => f === 'xlsx' || f === 'csv');
const MiB = 2 ** 20;
const wanted = Number(opts.rows ?? (opts.quick ? 10_000 : 200_000));
// --quick exports the newest 10,000 tickets of the harness's own quick database (--db, 30,000 tickets; read
// through a link, written only inside the rolled-back transaction below) instead of seeding a file of its own.
const source = opts.quick && opts.db ? opts.db : `/tmp/bench-sheets-${wanted}.db`;
if (source !== opts.db && !fs.existsSync(`${source}.seeded`)) {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(source + suffix, { force: true });
  console.log(`seeding ${source}: ${wanted.toLocaleString('en-US')} tickets over 6 months…`);
  const t0 = performance.now();
  execFileSync(process.execPath, ['bin/complaint-desk.mjs', 'seed', '--tickets', String(wanted), '--months', '6', '--db', source], { stdio: 'inherit' });
  fs.writeFileSync(`${source}.seeded`, new Date().toISOString());
  figure('sheets.seed_time', (performance.now() - t0) / 1000, 's', { note: 'once; reused while the file is there' });
}
// The export writes its file beside the database (downloads/): work on a link in a folder of our own.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sheets-bench-'));
const file = path.join(work, 'desk.db');
fs.symlinkSync(path.resolve(source), file);
// SQLite follows the link to the real file (its WAL stays beside the real file); db.name is the link.
const db = openDatabase(file, { integrity: 'skip' });
const last = (db.prepare('SELECT max(received_at) AS t FROM tickets').get() as { t: number }).t;
const ctx = createContext(db, () => last + 60_000);
const sup = db.prepare(`SELECT id FROM users WHERE role IN ('supervisor','manager','admin') ORDER BY id LIMIT 1`).get() as { id: number } | undefined;
const viewer: UserInfo = { id: sup?.id ?? 1, username: 'bench', displayName: 'bench', role: 'supervisor', department: null, active: true };

const total = (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
const rows = Math.min(wanted, total);
const from = (db.prepare('SELECT received_at AS t FROM tickets ORDER BY received_at DESC LIMIT 1 OFFSET ?').get(rows - 1) as { t: number }).t;
const filter = { receivedFrom: from };

/** Size of the export's file while it is written (downloads/sheet-….part). */
function partSize(): number {
  const dir = path.join(work, 'downloads');
  const part = fs.existsSync(dir) ? fs.readdirSync(dir).find((f) => f.endsWith('.part')) : undefined;
  return part ? fs.statSync(path.join(dir, part)).size : 0;
}

try {
  console.log(`${loadLine()}; ${total.toLocaleString('en-US')} tickets, exporting those received since ${new Date(from).toISOString()}`);
  // Baseline: the same rows through the list's own call, a page at a time.
  let t0 = performance.now();
  let read = 0;
  for (let offset = 0; ; offset += 500) {
    const page = listTickets(ctx, viewer, { offset, limit: 500, filter });
    read += page.rows.length;
    if (page.rows.length < 500) break;
  }
  const readMs = performance.now() - t0;
  figure('sheets.read_rows', readMs / 1000, 's', { note: `${read.toLocaleString('en-US')} rows through listTickets (baseline)` });

  for (const format of formats) {
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    let peak = rssBefore;
    let lastTick = performance.now();
    let maxGap = 0;
    let answers = 0;
    const jobId = `bench-${format}-0001`;
    // Where the longest wait fell: rows done by then, as the progress bar last saw them.
    let lastDone = 0;
    let maxGapAt = 0;
    // The same once rows are being written: the first export of a process first loads exceljs (once).
    let maxGapWriting = 0;
    const sampler = setInterval(() => {
      const now = performance.now();
      if (now - lastTick - 20 > maxGap) maxGapAt = lastDone;
      maxGap = Math.max(maxGap, now - lastTick - 20);
      if (lastDone > 0) maxGapWriting = Math.max(maxGapWriting, now - lastTick - 20);
      lastTick = now;
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    // Resident memory as the rows go: at each quarter of them, and the file on disk once all are written.
    const quarters: number[] = [];
    let onDiskAtLastRow: number | null = null;
    const poller = setInterval(() => {
      const p = sheetProgress(viewer, jobId);
      if (!p) return;
      answers++;
      lastDone = p.done;
      while (quarters.length < 4 && p.done >= ((quarters.length + 1) / 4) * p.total) quarters.push(process.memoryUsage().rss);
      if (p.done === p.total && onDiskAtLastRow === null) onDiskAtLastRow = partSize();
    }, 250);
    const cpu0 = process.cpuUsage();
    t0 = performance.now();
    db.exec('BEGIN');
    let out;
    try {
      out = await exportSheet(ctx, viewer, { jobId, format, locale: 'zh-CN', request: { kind: 'tickets', filter } });
    } finally {
      db.exec('ROLLBACK');
    }
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    clearInterval(sampler);
    clearInterval(poller);
    peak = Math.max(peak, process.memoryUsage().rss);
    fs.rmSync(path.join(work, 'downloads'), { recursive: true, force: true });
    const n = out.rows.toLocaleString('en-US');
    figure(`sheets.${format}.time`, ms / 1000, 's', { baseline: { name: 'reading the rows', value: readMs / 1000 }, note: `${n} rows, wall time at ${loadLine()}` });
    figure(`sheets.${format}.cpu`, (cpu.user + cpu.system) / 1e6, 's', { note: 'user + system CPU of the process' });
    figure(`sheets.${format}.rows_per_s`, out.rows / (ms / 1000), 'rows/s');
    figure(`sheets.${format}.rss_peak`, peak / MiB, 'MiB', { baseline: { name: 'resident memory before', value: rssBefore / MiB }, note: 'sampled every 20 ms' });
    figure(`sheets.${format}.rss_growth`, (peak - rssBefore) / MiB, 'MiB');
    const growth = quarters.map((q) => ((q - rssBefore) / MiB).toFixed(0)).join(' / ');
    figure(`sheets.${format}.rss_growth_at_last_quarter`, ((quarters.at(-1) ?? rssBefore) - rssBefore) / MiB, 'MiB', { note: `growth when 25 / 50 / 75 / 100 % of the rows were written: ${growth} MiB` });
    if (onDiskAtLastRow !== null) figure(`sheets.${format}.on_disk_at_last_row`, (100 * onDiskAtLastRow) / out.bytes, '%', { note: 'of the finished file, when the last row was written' });
    figure(`sheets.${format}.event_loop_max_gap`, maxGap, 'ms', { note: `longest a request (the progress bar’s) waited for the event loop; after row ${maxGapAt.toLocaleString('en-US')}` });
    figure(`sheets.${format}.event_loop_max_gap_writing`, maxGapWriting, 'ms', { note: 'the same, from the first rows written to the end' });
    figure(`sheets.${format}.progress_answers`, answers, 'answers', { note: 'a page polling every 250 ms' });
    figure(`sheets.${format}.file_size`, out.bytes / 1e6, 'MB');
  }
} finally {
  db.close();
  fs.rmSync(work, { recursive: true, force: true });
}
