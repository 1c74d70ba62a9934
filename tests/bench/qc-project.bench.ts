/**
 * Improvement-project chart benchmark: a project's page measures its KPI for
 * every period of its chart plus the baseline and the period since the start.
 * The two projects are written inside a transaction that is rolled back, so
 * the file given is left as it was (and a 1 GB file is not copied): 及时率 by month over 12 months (the report's fold per
 * period), and 工单堆积率 by month over 6 months (the QC measures per period,
 * which replay each day's open tickets), against one month report of the
 * newest month. It prints figures; it asserts nothing. 工单堆积率's page is
 * timed once (several seconds a month on 1,000,000 tickets), the others as
 * medians.
 *
 *   npx tsx tests/bench/qc-project.bench.ts [--db /tmp/bench-quick.db] [--quick]
 */
import fs from 'node:fs';
import { openDatabase } from '../../src-main/db/open';
import { createContext } from '../../src-main/services/context';
import { buildReport } from '../../src-main/services/reports/report';
import { createProject, getProject, type ProjectInput } from '../../src-main/services/qc-projects/projects';
import { addDays, monthRange } from '../../src-main/core/reports/period';
import { isoInZone } from '../../src-main/core/time';
import { figure, loadLine, timeMedian } from './lib/figures';

const arg = process.argv.indexOf('--db');
const source = arg > 0 ? process.argv[arg + 1]! : '/tmp/bench-quick.db';
if (!fs.existsSync(source)) throw new Error(`${source} is missing: run npm run bench -- --quick (it seeds it)`);
const db = openDatabase(source, { integrity: 'skip' });
db.exec('BEGIN');
try {
  const tickets = (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
  const at = (db.prepare('SELECT max(received_at) AS t FROM tickets').get() as { t: number }).t;
  const ctx = createContext(db, () => at);
  const admin = (db.prepare("SELECT id FROM users WHERE role = 'admin' LIMIT 1").get() as { id: number }).id;
  const user = ctx.read.users.get(admin)!;
  const today = isoInZone(at, 'Asia/Shanghai').slice(0, 10);
  const month = (back: number) => monthRange(new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1 - back, 1)).toISOString().slice(0, 7))!;
  const plan = (back: number, kpi: ProjectInput['kpi'], target: number): ProjectInput => ({
    title: `bench ${kpi}`,
    kpi,
    grain: 'month',
    baseline: { from: month(back).from, to: month(back - 2).to },
    startDay: addDays(month(back - 2).to, 1),
    deadline: month(1).to,
    target,
    rationale: '',
    survey: '',
    consolidation: '',
  });
  const timeliness = createProject(ctx, user, plan(11, 'timelinessRate', 0.925)).project.id;
  const backlog = createProject(ctx, user, plan(5, 'backlog', 0.03)).project.id;
  const reportMs = await timeMedian(5, () => buildReport(ctx, { range: month(0) }));
  const timelinessMs = await timeMedian(5, () => getProject(ctx, timeliness));
  const backlogMs = await timeMedian(1, () => getProject(ctx, backlog), 0);
  console.log(`database: ${source} (projects written in a transaction rolled back) — ${tickets.toLocaleString('en-US')} tickets; ${loadLine()}`);
  const baseline = { name: 'one month report of the newest month', value: reportMs };
  figure('qcProject.timeliness12Months', timelinessMs, 'ms', { baseline, note: '12 monthly periods + baseline + since the start' });
  figure('qcProject.backlog6Months', backlogMs, 'ms', { baseline, note: '6 monthly periods + baseline + since the start, each replaying its days; one run' });
} finally {
  db.exec('ROLLBACK');
  db.close();
}
