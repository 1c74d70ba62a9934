/**
 * Improvement-project chart benchmark: a project's page measures its KPI for
 * every period of its chart plus the baseline and the period since the start.
 * Read only: the database is opened read-only and the charts are measured for
 * plans that are never written (nothing is copied, nothing migrated).
 *
 * - 及时率 by month over 12 months (the report's fold per period);
 * - 工单堆积率 by month over 6 months (the QC measures' rows read once for the
 *   chart, each range cut from them: core/qc-projects/qc-span.ts);
 * - the baseline, in the same run: one QC-measures report (reports/qc) of the
 *   newest month, and with --old the way the chart was measured before, one
 *   QC-measures report per range.
 *
 * It prints figures, wall and CPU; it asserts nothing. Each is the median of
 * five runs after one unmeasured warm-up (a warm cache). With --cold, first
 * the backlog chart and then the month report are each timed once right
 * after the file's pages were dropped from the OS cache (GNU dd's nocache) —
 * use it on your own copy: it slows whoever else reads the file.
 *
 *   npx tsx tests/bench/qc-project.bench.ts [--db /tmp/bench-quick.db] [--quick] [--old] [--cold]
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { Db } from '../../src-main/db/open';
import { createContext } from '../../src-main/services/context';
import { projectChart } from '../../src-main/services/qc-projects/chart';
import { qcReport } from '../../src-main/services/reports/qc';
import type { ProjectPlan } from '../../src-main/core/qc-projects/rules';
import { chartPeriods, checkRange } from '../../src-main/core/qc-projects/series';
import { addDays, monthRange } from '../../src-main/core/reports/period';
import { isoInZone } from '../../src-main/core/time';
import { benchOptions, figure, loadLine, under } from './lib/figures';
import { dropFromPageCache } from './lib/host';

const opts = benchOptions({ old: { type: 'boolean', default: false }, cold: { type: 'boolean', default: false } });
const source = opts.db ?? '/tmp/bench-quick.db';
if (!fs.existsSync(source)) throw new Error(`${source} is missing: run npm run bench -- --quick (it seeds it)`);

/** Wall and CPU (user + system) of one call, in ms. */
function timed(fn: () => unknown): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}
/** The median run by wall time of `runs`, after one unmeasured warm-up. */
function medianOf(runs: number, fn: () => unknown): { wall: number; cpu: number } {
  fn();
  const xs = Array.from({ length: runs }, () => timed(fn)).sort((a, b) => a.wall - b.wall);
  return xs[xs.length >> 1]!;
}

const db = new Database(source, { readonly: true, fileMustExist: true }) as unknown as Db;
try {
  const tickets = (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
  const at = (db.prepare('SELECT max(received_at) AS t FROM tickets').get() as { t: number }).t;
  const ctx = createContext(db, () => at);
  const today = isoInZone(at, 'Asia/Shanghai').slice(0, 10);
  const month = (back: number) => monthRange(new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 - back, 1)).toISOString().slice(0, 7))!;
  const plan = (back: number, kpi: ProjectPlan['kpi'], target: number): ProjectPlan => ({
    title: `bench ${kpi}`,
    kpi,
    grain: 'month',
    baseline: { from: month(back).from, to: month(back - 2).to },
    startDay: addDays(month(back - 2).to, 1),
    deadline: month(1).to,
    target,
  });
  const timeliness = plan(11, 'timelinessRate', 0.925);
  const backlog = plan(5, 'backlog', 0.03);
  console.log(`database: ${source} (read-only) — ${tickets.toLocaleString('en-US')} tickets; ${loadLine()}`);
  if (opts.cold) {
    dropFromPageCache(source);
    const c = timed(() => projectChart(ctx, backlog));
    figure('qcProject.backlog6Months.cold', c.wall, 'ms', { note: `the file's pages dropped from the OS cache first; one run; CPU ${c.cpu.toFixed(0)} ms` });
    dropFromPageCache(source);
    const m = timed(() => qcReport(ctx, { range: month(0) }));
    figure('qcProject.qcReportMonth.cold', m.wall, 'ms', { note: `the file's pages dropped from the OS cache first; one run; CPU ${m.cpu.toFixed(0)} ms` });
  }
  const oneMonth = medianOf(5, () => qcReport(ctx, { range: month(0) }));
  figure('qcProject.qcReportMonth', oneMonth.wall, 'ms', { targets: [under(oneMonth.wall, 1000, 'ms')], note: `one QC-measures report (reports/qc) of the newest month; CPU ${oneMonth.cpu.toFixed(0)} ms` });
  const baseline = { name: 'one QC-measures report of the newest month', value: oneMonth.wall };
  const t = medianOf(5, () => projectChart(ctx, timeliness));
  figure('qcProject.timeliness12Months', t.wall, 'ms', { baseline, note: `12 monthly periods + baseline + since the start; CPU ${t.cpu.toFixed(0)} ms` });
  const b = medianOf(5, () => projectChart(ctx, backlog));
  figure('qcProject.backlog6Months', b.wall, 'ms', { baseline, targets: [under(b.wall, 1000, 'ms')], note: `6 monthly periods + baseline + since the start, read once; CPU ${b.cpu.toFixed(0)} ms` });
  if (opts.old) {
    // What the chart cost before: one QC-measures report per range it shows.
    const ranges = [backlog.baseline, checkRange(backlog, today)!, ...chartPeriods(backlog, 'month', today).filter((p) => p.begun).map((p) => p.range)];
    const o = timed(() => ranges.forEach((range) => qcReport(ctx, { range })));
    figure('qcProject.backlog6Months.perRange', o.wall, 'ms', { baseline, note: `${ranges.length} QC-measures reports, as before; CPU ${o.cpu.toFixed(0)} ms; new way ${(o.wall / b.wall).toFixed(1)}× faster` });
  }
} finally {
  db.close();
}
