/**
 * Dispatch proposals (智能派单), measured honestly with a time-based split:
 * the model learns the tickets settled in the year before the split and is
 * tested on the tickets received after it (the last three months), against
 * the majority-class baseline (always propose the most frequent labels of
 * the training set). Two histories:
 *
 * - `seeded`: the bench database (--db). Its text is one of a few fixed
 *   sentences per top-level category; its second level and its department
 *   are drawn independently of the text, so nothing can beat chance there —
 *   the figures show what the model does on such data, not what it can do.
 * - `variations`: 60,000 tickets (20,000 with --quick) whose text carries the second level and
 *   the responsible department with noise (tests/bench/lib/complaint-variations.ts).
 *
 * Also the training time (wall and CPU) and the proposal's latency. The bench
 * database is opened read-only, so it is not migrated.
 *
 *   npx tsx tests/bench/dispatch.bench.ts [--db /tmp/bench-1m.db] [--quick]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase, type Db } from '../../src-main/db/open';
import { createContext } from '../../src-main/services/context';
import { leafOf, trainDispatchModel, TRAINING_DAYS } from '../../src-main/services/dispatch-training';
import { guess } from '../../src-main/core/dispatch/model';
import { accuracy, emptyTally, majorityOrder, tally, type AccuracyTally } from '../../src-main/core/dispatch/evaluate';
import { figure, loadLine, median } from './lib/figures';
import { writeVariations } from './lib/complaint-variations';

const arg = process.argv.indexOf('--db');
const file = arg > 0 ? process.argv[arg + 1]! : '/tmp/bench-1m.db';
if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run bench (it seeds it)`);
const DAY = 86_400_000;
const TEST_DAYS = 91;
/** Test cases at most (every k-th ticket after the split), so the bench stays minutes, not hours. */
const quick = process.argv.includes('--quick');
const MAX_CASES = quick ? 5_000 : 20_000;
const VARIATIONS = quick ? 20_000 : 60_000;

const Row = (r: unknown) => r as { description: string; categoryId: number; department: string | null };

async function measure(name: string, db: Db): Promise<void> {
  const ctx = createContext(db, () => 0);
  const last = (db.prepare("SELECT max(received_at) AS t FROM tickets WHERE status IN ('resolved', 'closed')").get() as { t: number }).t;
  const split = last - TEST_DAYS * DAY;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const trained = await trainDispatchModel(ctx, { from: split - TRAINING_DAYS * DAY, to: split });
  const trainMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  figure(`dispatch.${name}.train`, trainMs / 1000, 's', {
    note: `${trained.tickets.toLocaleString('en-US')} settled tickets of the year before the split, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, ` +
      `${trained.model.category.vocabulary.size.toLocaleString('en-US')} n-grams, evidence weight category ${trained.evidence.category} department ${trained.evidence.department}, RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`,
  });

  const isLeaf = leafOf(ctx.categories.all());
  const total = (db.prepare("SELECT count(*) AS n FROM tickets WHERE received_at >= ? AND status IN ('resolved', 'closed')").get(split) as { n: number }).n;
  const every = Math.max(1, Math.ceil(total / MAX_CASES));
  const rows = db
    .prepare(
      `SELECT description, category_id AS categoryId, department FROM tickets
       WHERE received_at >= ? AND status IN ('resolved', 'closed') AND id % ? = 0`,
    )
    .all(split, every)
    .map(Row);
  const catBase = majorityOrder(new Map([...trained.model.category.labels].map(([l, c]) => [l, c.docs])));
  const depBase = majorityOrder(new Map([...trained.model.department.labels].map(([l, c]) => [l, c.docs])));
  const parentOf = new Map(ctx.categories.all().map((c) => [c.id, c.parentId ?? c.id]));
  const topOf = (id: number) => String(parentOf.get(id) ?? id);
  const t = { cat: emptyTally(), catBase: emptyTally(), top: emptyTally(), topBase: emptyTally(), dep: emptyTally(), depBase: emptyTally() };
  const latencies: number[] = [];
  for (const r of rows) {
    const s = performance.now();
    const g = guess(trained.model, r.description);
    latencies.push(performance.now() - s);
    if (isLeaf(r.categoryId)) {
      tally(t.cat, (g.category?.ranked ?? []).map((x) => String(x.value)), String(r.categoryId));
      tally(t.catBase, catBase, String(r.categoryId));
      // The first level alone: the top levels of the proposals, each once, in order.
      const tops = (ranked: readonly string[]) => [...new Set(ranked.map((id) => topOf(Number(id))))];
      tally(t.top, tops((g.category?.ranked ?? []).map((x) => String(x.value))), topOf(r.categoryId));
      tally(t.topBase, tops(catBase), topOf(r.categoryId));
    }
    if (r.department) {
      tally(t.dep, (g.department?.ranked ?? []).map((x) => x.value), r.department);
      tally(t.depBase, depBase, r.department);
    }
  }
  const print = (what: string, model: AccuracyTally, base: AccuracyTally) => {
    const m = accuracy(model);
    const b = accuracy(base);
    for (const k of ['top1', 'top3'] as const) {
      figure(`dispatch.${name}.${what}.${k}`, m[k] * 100, '%', {
        baseline: { name: 'majority class', value: b[k] * 100 },
        note: `${m.cases.toLocaleString('en-US')} tickets received in the ${TEST_DAYS} days after the split${every > 1 ? `, every ${every}th` : ''}`,
      });
    }
  };
  print('category', t.cat, t.catBase);
  print('category_first_level', t.top, t.topBase);
  print('department', t.dep, t.depBase);
  figure(`dispatch.${name}.propose`, median(latencies), 'ms', { note: `median of ${latencies.length.toLocaleString('en-US')}, model in memory` });
}

console.log(`${loadLine()}`);
const seeded = new Database(file, { readonly: true, fileMustExist: true });
console.log(`seeded history: ${file}, ${(seeded.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n.toLocaleString('en-US')} tickets`);
await measure('seeded', seeded);
seeded.close();

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-dispatch-bench-'));
try {
  const db = openDatabase(path.join(dir, 'variations.db'), { integrity: 'skip' });
  createContext(db).categories.seedDefaults();
  writeVariations(db, { count: VARIATIONS, months: 24, end: Date.parse('2026-10-31T16:00:00Z') });
  console.log(`variations: ${VARIATIONS.toLocaleString('en-US')} settled tickets over 24 months, text carrying second level and department with noise`);
  await measure('variations', db);
  db.close();
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
console.log(`${loadLine()} (end)`);
