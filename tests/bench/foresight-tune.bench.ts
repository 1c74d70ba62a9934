/**
 * Choosing foresight's settings (core/sla/foresight.ts FORESIGHT_RULE) on a
 * replay of the past, honestly: the same hour-by-hour replay as
 * foresight-replay.bench.ts, run once, with every candidate rule forecasting
 * at every step. The replayed tickets are split by when their resolution
 * clock started: the first `--tune-days` of the window choose the rule, the
 * rest (the hold-out) only report it. A candidate is chosen on the tuning
 * days as the most precise of those whose median lead is longer than the 80 %
 * baseline's on the same days (ties: the smaller queue weight, then higher
 * recall); its hold-out figures are the ones to quote (docs/QC.md,
 * "Foresight").
 *
 * Candidates: the queue stretch per other open ticket (none, up to the 10 %
 * first shipped), counted on the whole queue or only on the part above the
 * branch's mean queue at that instant, and the share of comparable peers over
 * their limit that flags a ticket (the risk threshold).
 *
 *   npx tsx tests/bench/foresight-tune.bench.ts [--db /tmp/bench-quick.db] [--quick] [--days 91] [--tune-days 45] [--step-min 60]
 *
 * The step is an hour by default; three hours with --quick (npm run bench's
 * CI-sized set: 72 rules at every step cost about a minute hourly on a loaded
 * machine) and six hours above 100,000 tickets; --step-min overrides. The
 * figures to quote are the hourly ones. Besides the table, `bench:` lines: the
 * chosen rule's hold-out precision, recall and lead against the 80 % baseline's.
 *
 * Reads the file read-only; writes nothing.
 */
import { foreseeInGroup, peerGroup, type ForesightRule, type PeerGroup } from '../../src-main/core/sla/foresight';
import { peerKey } from '../../src-main/db/foresight-peers';
import { HISTORY_DAYS } from '../../src-main/services/foresight';
import { figure, loadLine, median } from './lib/figures';
import { arg, missed, readReplayHistory, shareGroupsBetween, type ReplayClock as Clock } from './lib/replay-clocks';

const file = arg('db', '/tmp/bench-quick.db');
const days = Number(arg('days', '91'));
const tuneDays = Number(arg('tune-days', '45'));

const H = 3_600_000;
const DAY = 24 * H;

const history = readReplayHistory(file);
const { clocks, end, ticketCount } = history;
const stepMs = Number(arg('step-min', ticketCount > 100_000 ? '360' : process.argv.includes('--quick') ? '180' : '60')) * 60_000;

const start = end - days * DAY;
const split = start + tuneDays * DAY;
const replayed = clocks.filter((c) => c.startedAt >= start && c.dueAt <= end);
const byId = new Map(replayed.map((c) => [c.ticketId, c]));
const live = clocks.filter((c) => c.startedAt < end && (c.stoppedAt ?? Infinity) > start);

/** The peer groups the console would have read at `now` (settled in the HISTORY_DAYS before it), as services/foresight.ts builds them. */
function groupsAt(now: number): Map<string, PeerGroup> {
  return new Map([...shareGroupsBetween(history, now - HISTORY_DAYS * DAY, now)].map(([k, v]) => [k, peerGroup(v)]));
}

type QueueForm = 'whole' | 'above-mean';
interface Candidate {
  name: string;
  rule: ForesightRule;
  queue: QueueForm;
  flaggedAt: Map<number, number>;
}
const candidates: Candidate[] = [];
for (const queueWeight of [0, 0.01, 0.02, 0.05, 0.1])
  for (const queue of (queueWeight === 0 ? ['whole'] : ['whole', 'above-mean']) as QueueForm[])
    for (const riskThreshold of [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
      candidates.push({
        name: `queue ${(queueWeight * 100).toFixed(0)} %${queueWeight ? ` (${queue})` : ''}, risk ≥ ${(riskThreshold * 100).toFixed(0)} %`,
        rule: { queueWeight, riskThreshold },
        queue,
        flaggedAt: new Map(),
      });
const baselineAt = new Map<number, number>();

const t0 = performance.now();
let steps = 0;
for (let now = start; now < end; now += stepMs) {
  steps++;
  const running = live.filter((c) => c.startedAt <= now && (c.stoppedAt ?? Infinity) > now);
  const open = running.filter((c) => byId.has(c.ticketId) && c.dueAt > now);
  if (open.length === 0) continue;
  const queues = new Map<number, number>();
  for (const c of running) if (c.assigneeId !== null) queues.set(c.assigneeId, (queues.get(c.assigneeId) ?? 0) + 1);
  const meanQueue = queues.size ? [...queues.values()].reduce((a, b) => a + b, 0) / queues.size : 0;
  const groups = groupsAt(now);
  const none = peerGroup([]);
  for (const c of open) {
    if (!baselineAt.has(c.ticketId) && now >= c.startedAt + 0.8 * (c.dueAt - c.startedAt)) baselineAt.set(c.ticketId, now);
    const peers = groups.get(peerKey(c.categoryId, c.department)) ?? none;
    const queue = c.assigneeId === null ? 0 : (queues.get(c.assigneeId) ?? 1);
    const ahead = { whole: Math.max(0, queue - 1), 'above-mean': Math.max(0, queue - meanQueue) };
    for (const k of candidates) {
      if (k.flaggedAt.has(c.ticketId)) continue;
      const f = foreseeInGroup({ now, startedAt: c.startedAt, dueAt: c.dueAt, peers, queueAhead: ahead[k.queue] }, k.rule);
      if (f.kind === 'estimate' && f.likelyToMiss) k.flaggedAt.set(c.ticketId, now);
    }
  }
}
const seconds = (performance.now() - t0) / 1000;

interface Score {
  flagged: number;
  hit: number;
  precision: number;
  recall: number;
  lead: number;
}
function score(flags: ReadonlyMap<number, number>, part: (c: Clock) => boolean): Score {
  const misses = replayed.filter((c) => part(c) && missed(c)).length;
  let flagged = 0;
  const leads: number[] = [];
  for (const [id, at] of flags) {
    const c = byId.get(id)!;
    if (!part(c)) continue;
    flagged++;
    if (missed(c)) leads.push((c.dueAt - at) / H);
  }
  return { flagged, hit: leads.length, precision: flagged ? leads.length / flagged : NaN, recall: misses ? leads.length / misses : NaN, lead: leads.length ? median(leads) : NaN };
}
const tuning = (c: Clock) => c.startedAt < split;
const holdout = (c: Clock) => c.startedAt >= split;
const pct = (x: number) => (Number.isNaN(x) ? '—' : `${(x * 100).toFixed(1)} %`);
const line = (s: Score) =>
  `flagged ${String(s.flagged).padStart(5)}  missed ${String(s.hit).padStart(4)}  precision ${pct(s.precision).padStart(7)}  recall ${pct(s.recall).padStart(7)}  lead ${Number.isNaN(s.lead) ? '—' : s.lead.toFixed(1)} h`;
const count = (part: (c: Clock) => boolean) => {
  const n = replayed.filter(part).length;
  const m = replayed.filter((c) => part(c) && missed(c)).length;
  return `${n} tickets, ${m} missed (${((m / n) * 100).toFixed(1)} %)`;
};

console.log(`database: ${file} — ${clocks.length.toLocaleString('en-US')} resolution clocks; ${loadLine()}`);
console.log(`replay: ${new Date(start).toISOString().slice(0, 10)} → ${new Date(end).toISOString().slice(0, 10)}, ${steps} steps of ${stepMs / 60_000} min, ${candidates.length} candidates, ${seconds.toFixed(1)} s`);
console.log(`tuning days: clocks started ${new Date(start).toISOString().slice(0, 10)} → ${new Date(split).toISOString().slice(0, 10)}: ${count(tuning)}`);
console.log(`hold-out days: clocks started ${new Date(split).toISOString().slice(0, 10)} → ${new Date(end).toISOString().slice(0, 10)}: ${count(holdout)}`);
const base = score(baselineAt, tuning);
console.log(`\ntuning days — baseline 80 %:`.padEnd(48) + line(base));
for (const k of candidates) console.log(`  ${k.name}`.padEnd(47) + line(score(k.flaggedAt, tuning)));

const eligible = candidates
  .map((k) => ({ k, s: score(k.flaggedAt, tuning) }))
  .filter(({ s }) => s.lead > base.lead)
  .sort((a, b) => b.s.precision - a.s.precision || a.k.rule.queueWeight - b.k.rule.queueWeight || b.s.recall - a.s.recall);
const chosen = eligible[0];
console.log(`\nchosen on the tuning days (most precise with a longer median lead than the baseline's): ${chosen ? chosen.k.name : 'none warns earlier'}`);
console.log(`hold-out days — baseline 80 %:`.padEnd(47) + line(score(baselineAt, holdout)));
if (chosen) {
  const before = new Map([...chosen.k.flaggedAt].filter(([id, at]) => at < byId.get(id)!.startedAt + 0.8 * (byId.get(id)!.dueAt - byId.get(id)!.startedAt)));
  const either = new Map(baselineAt);
  for (const [id, at] of before) either.set(id, Math.min(at, either.get(id) ?? Infinity));
  console.log(`hold-out days — ${chosen.k.name}:`.padEnd(47) + line(score(chosen.k.flaggedAt, holdout)));
  console.log(`  of which raised before the 80 % mark:`.padEnd(47) + line(score(before, holdout)));
  console.log(`  either (those, or 80 %):`.padEnd(47) + line(score(either, holdout)));
}
const baseHold = score(baselineAt, holdout);
const chosenHold = chosen ? score(chosen.k.flaggedAt, holdout) : { precision: NaN, recall: NaN, lead: NaN, flagged: 0, hit: 0 };
const vs80 = (value: number) => ({ name: 'flagging at 80 % of the limit, hold-out days', value });
const rule = chosen ? chosen.k.name : 'no rule warns earlier';
figure('foresight.tune.holdout.precision', chosenHold.precision * 100, '%', { baseline: vs80(baseHold.precision * 100), note: `${rule}; ${chosenHold.flagged} flagged, ${chosenHold.hit} missed` });
figure('foresight.tune.holdout.recall', chosenHold.recall * 100, '%', { baseline: vs80(baseHold.recall * 100) });
figure('foresight.tune.holdout.lead', chosenHold.lead, 'h', { baseline: vs80(baseHold.lead), note: 'median time before due of a right flag' });
figure('foresight.tune.time', seconds, 's', { note: `${steps} steps of ${stepMs / 60_000} min, ${candidates.length} candidate rules` });
