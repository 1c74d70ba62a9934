/**
 * Foresight measured honestly: the last 91 days of a seeded history replayed
 * as if live, one step an hour. At each step the console's own forecast
 * (services/foresight.ts forecastOpen, core/sla/foresight.ts) sees only what
 * it would have seen then: the resolution clocks running at that instant, the
 * peers settled in the 183 days before it, and each assignee's open tickets
 * at that instant. A ticket counts once, at the step foresight first calls it
 * "likely to miss"; the outcome is whether its resolution then stopped after
 * its due time (or never stopped). The baseline flags a ticket at the first
 * step at or past 80 % of its limit while it still runs — the warning the
 * console already has. Printed: precision, recall and lead time before due of
 * each, and of foresight's flags raised before the 80 % mark (what Today
 * shows). Method and figures: docs/QC.md.
 *
 * Simplifications, said in docs/QC.md too: the due time and the assignee are
 * the clock's final ones (pauses that moved the due time are not replayed,
 * nor transfers); a ticket is in the replay when its resolution clock started
 * in the window and was due before its end, so every outcome is known.
 *
 *   npx tsx tests/bench/foresight-replay.bench.ts [--db /tmp/bench-quick.db] [--quick] [--days 91] [--step-min 60] [--no-queue]
 *
 * The step is an hour on databases up to 100,000 tickets and six hours above
 * (each step reads the 183 days of peers before it: on 1,000,000 tickets an
 * hourly replay would take the better part of an hour); --step-min overrides.
 * --quick replays the last 45 days instead of 91 (half the time; a coarser
 * step would miss the 80 % mark of short limits and flatter nothing).
 * Besides the table, `bench:` lines: foresight's precision, recall and lead
 * time, each against the 80 % baseline of the same replay.
 *
 * --no-queue replays the rule with every assignee's queue empty, to show what
 * the queue stretch adds or costs (nothing while FORESIGHT_RULE's queue weight
 * is 0, as now). The settings themselves are chosen by foresight-tune.bench.ts.
 *
 * Reads the file read-only; writes nothing.
 */
import { forecastOpen, type ForesightSource } from '../../src-main/services/foresight';
import type { OpenResolution } from '../../src-main/db/foresight-history';
import { figure, loadLine, median } from './lib/figures';
import { arg, missed, readReplayHistory, shareGroupsBetween, type ReplayClock as Clock } from './lib/replay-clocks';

const file = arg('db', '/tmp/bench-quick.db');
const days = Number(arg('days', process.argv.includes('--quick') ? '45' : '91'));
const noQueue = process.argv.includes('--no-queue');

const H = 3_600_000;
const DAY = 24 * H;

const history = readReplayHistory(file);
const { clocks, end, ticketCount } = history;
const stepMs = Number(arg('step-min', ticketCount > 100_000 ? '360' : '60')) * 60_000;

const start = end - days * DAY;
const replayed = clocks.filter((c) => c.startedAt >= start && c.dueAt <= end);

/** What the database would have answered at `now`: peers settled in the window, and open tickets per assignee at `now`. */
function sourceAt(now: number, running: readonly Clock[]): ForesightSource {
  return {
    settledPeerGroups: (from: number, to: number) => shareGroupsBetween(history, from, to),
    queues() {
      const q = new Map<number, number>();
      if (noQueue) return q;
      for (const c of running) if (c.assigneeId !== null) q.set(c.assigneeId, (q.get(c.assigneeId) ?? 0) + 1);
      return q;
    },
  };
}

// Every clock that runs at some step of the window (for the queues), by start.
const live = clocks.filter((c) => c.startedAt < end && (c.stoppedAt ?? Infinity) > start);
const inReplay = new Set(replayed.map((c) => c.ticketId));
const flaggedAt = new Map<number, number>();
const baselineAt = new Map<number, number>();
const t0 = performance.now();
let steps = 0;
for (let now = start; now < end; now += stepMs) {
  steps++;
  const running = live.filter((c) => c.startedAt <= now && (c.stoppedAt ?? Infinity) > now);
  const open: OpenResolution[] = [];
  for (const c of running) {
    if (!inReplay.has(c.ticketId) || c.dueAt <= now) continue;
    if (!baselineAt.has(c.ticketId) && now >= c.startedAt + 0.8 * (c.dueAt - c.startedAt)) baselineAt.set(c.ticketId, now);
    if (!flaggedAt.has(c.ticketId)) {
      open.push({ ticketId: c.ticketId, ticketNo: c.ticketNo, categoryId: c.categoryId, department: c.department, assigneeId: c.assigneeId, startedAt: c.startedAt, dueAt: c.dueAt, warnAt: null });
    }
  }
  if (open.length === 0) continue;
  for (const f of forecastOpen(sourceAt(now, running), now, open, 'zh-CN')) if (f.likelyToMiss) flaggedAt.set(f.ticketId, now);
}
const seconds = (performance.now() - t0) / 1000;

const byId = new Map(replayed.map((c) => [c.ticketId, c]));
const misses = replayed.filter(missed).length;

interface Score {
  flagged: number;
  hit: number;
  precision: number;
  recall: number;
  leadH: number;
}

function score(name: string, flags: ReadonlyMap<number, number>): Score {
  let hit = 0;
  const leads: number[] = [];
  for (const [id, at] of flags) {
    const c = byId.get(id)!;
    if (missed(c)) {
      hit++;
      leads.push((c.dueAt - at) / H);
    }
  }
  const precision = flags.size ? hit / flags.size : NaN;
  const recall = misses ? hit / misses : NaN;
  const pct = (x: number) => (Number.isNaN(x) ? '—' : `${(x * 100).toFixed(1)} %`);
  console.log(
    `${name.padEnd(44)} flagged ${String(flags.size).padStart(5)}  missed among them ${String(hit).padStart(5)}  precision ${pct(precision).padStart(7)}  recall ${pct(recall).padStart(7)}  median lead before due ${leads.length ? median(leads).toFixed(1) : '—'} h`,
  );
  return { flagged: flags.size, hit, precision, recall, leadH: leads.length ? median(leads) : NaN };
}

const beforeWarning = new Map([...flaggedAt].filter(([id, at]) => {
  const c = byId.get(id)!;
  return at < c.startedAt + 0.8 * (c.dueAt - c.startedAt);
}));
const either = new Map(baselineAt);
for (const [id, at] of beforeWarning) either.set(id, Math.min(at, either.get(id) ?? Infinity));

console.log(`database: ${file} — ${clocks.length.toLocaleString('en-US')} resolution clocks; ${loadLine()}`);
console.log(
  `replay: ${new Date(start).toISOString().slice(0, 10)} → ${new Date(end).toISOString().slice(0, 10)} (${days} days), step ${stepMs / 60_000} min${noQueue ? ', queue term off' : ''}, ${steps} steps in ${seconds.toFixed(1)} s`,
);
console.log(`tickets replayed: ${replayed.length} (started in the window, due before its end); missed their resolution limit: ${misses} (${((misses / replayed.length) * 100).toFixed(1)} %)`);
const base = score('baseline: 80 % of the limit elapsed', baselineAt);
const fore = score('foresight: first "likely to miss"', flaggedAt);
const early = score('foresight, flags raised before the 80 % mark', beforeWarning);
score('either (foresight before 80 %, or 80 %)', either);

const vs80 = (value: number) => ({ name: 'flagging at 80 % of the limit', value });
const note = (s: Score) => `${s.flagged} flagged, ${s.hit} of them missed; ${replayed.length} tickets replayed, ${misses} missed`;
figure('foresight.replay.precision', fore.precision * 100, '%', { baseline: vs80(base.precision * 100), note: note(fore) });
figure('foresight.replay.recall', fore.recall * 100, '%', { baseline: vs80(base.recall * 100) });
figure('foresight.replay.lead', fore.leadH, 'h', { baseline: vs80(base.leadH), note: 'median time before due of a right flag' });
figure('foresight.replay.before_80.precision', early.precision * 100, '%', { baseline: vs80(base.precision * 100), note: `what Today adds: ${note(early)}` });
figure('foresight.replay.time', seconds, 's', { note: `${steps} steps of ${stepMs / 60_000} min over ${days} days` });
