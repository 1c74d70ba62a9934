/**
 * The harness's own decisions, kept free of I/O so tests/unit/bench-harness.test.ts
 * can check them: what `npm run bench` was asked to do, whether the seeded
 * database on disk can be reused, which benchmark files run, how long each may
 * take, and what a figure line looks like (written by lib/figures.ts, read back
 * by run.ts for its summary).
 */
import { parseArgs } from 'node:util';

export interface RunArgs {
  quick: boolean;
  /** Substrings of benchmark file names to run (none: all of them). */
  only: string[];
  /** Substrings of benchmark file names to leave out. */
  skip: string[];
  /** A database to run on instead of the shared one (your own copy, when your branch migrates or a bench writes). */
  db: string | null;
  /** Seconds one benchmark may take before it is stopped and counted as failed. */
  limitS: number;
}

/** Per-benchmark time limits: the quick set is meant to take under 3 minutes in all. */
export const LIMIT_S = { quick: 180, full: 1800 } as const;

const list = (v: string | string[] | undefined): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** `npm run bench -- [--quick] [--only a,b] [--skip c] [--db FILE] [--limit-s N]`; an unknown option is refused. */
export function parseRunArgs(argv: readonly string[]): RunArgs {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string', multiple: true },
      skip: { type: 'string', multiple: true },
      db: { type: 'string' },
      'limit-s': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const quick = values.quick ?? false;
  const limitText = values['limit-s'];
  const limitS = limitText === undefined ? (quick ? LIMIT_S.quick : LIMIT_S.full) : Number(limitText);
  if (!Number.isFinite(limitS) || limitS <= 0) throw new Error(`--limit-s takes a number of seconds above 0, not "${limitText}"`);
  return { quick, only: list(values.only), skip: list(values.skip), db: values.db ?? null, limitS };
}

/**
 * The order benchmarks run in: the console's own figures (list, start-up, report, monitor, scroll)
 * first, so a full run cut short still has them, the longest last; any benchmark not named here
 * runs before the import, in name order.
 */
export const BENCH_ORDER = [
  'list',
  'startup',
  'report',
  'sla',
  'scroll',
  'export',
  'warnings',
  'qc-project',
  'foresight-replay',
  'foresight-tune',
  'knowledge-search',
  'workbook-readers',
  'dispatch',
  'sheets',
  'hq-ingest',
  // Last: on 1,000,000 tickets its three rounds of 100,000 rows and its memory runs (one of 1,000,000 rows) take longest.
  'import',
] as const;

/** The benchmark files to run: every `*.bench.ts`, narrowed by --only and --skip, in BENCH_ORDER. */
export function selectBenches(files: readonly string[], args: Pick<RunArgs, 'only' | 'skip'>): string[] {
  const last = BENCH_ORDER.length - 1;
  const rank = (f: string) => {
    const i = BENCH_ORDER.indexOf(f.replace(/\.bench\.ts$/, '') as (typeof BENCH_ORDER)[number]);
    return i < 0 ? last - 0.5 : i;
  };
  return files
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => args.only.length === 0 || args.only.some((o) => f.includes(o)))
    .filter((f) => !args.skip.some((s) => f.includes(s)))
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** What the marker file beside a seeded database (<db>.seed.json) records. */
export interface SeedMarker {
  seedVersion: number;
  tickets: number;
  months: number;
  seedMs: number;
  seededAt: string;
}

export type SeedDecision = { reuse: true; marker: SeedMarker } | { reuse: false; reason: string };

/**
 * Reuse the database on disk when it is there and its marker says it was
 * seeded with this seed version and this size; otherwise say why it is seeded
 * again. `markerText` is the marker file's text, or null when there is none.
 */
export function seedDecision(
  markerText: string | null,
  fileExists: boolean,
  wanted: { seedVersion: number; tickets: number; months: number },
): SeedDecision {
  if (!fileExists) return { reuse: false, reason: 'no database file' };
  if (markerText === null) return { reuse: false, reason: 'no seed marker beside it' };
  let m: unknown;
  try {
    m = JSON.parse(markerText);
  } catch {
    return { reuse: false, reason: 'its seed marker is not JSON' };
  }
  const r = m as Partial<Record<keyof SeedMarker, unknown>> | null;
  if (
    r === null ||
    typeof r !== 'object' ||
    typeof r.seedVersion !== 'number' ||
    typeof r.tickets !== 'number' ||
    typeof r.months !== 'number' ||
    typeof r.seedMs !== 'number' ||
    typeof r.seededAt !== 'string'
  ) {
    return { reuse: false, reason: 'its seed marker lacks seedVersion, tickets, months, seedMs or seededAt' };
  }
  if (r.seedVersion !== wanted.seedVersion) return { reuse: false, reason: `seeded with seed version ${r.seedVersion}, this is ${wanted.seedVersion}` };
  if (r.tickets !== wanted.tickets || r.months !== wanted.months) {
    return { reuse: false, reason: `seeded with ${r.tickets} tickets over ${r.months} months, ${wanted.tickets} over ${wanted.months} wanted` };
  }
  return { reuse: true, marker: { seedVersion: r.seedVersion, tickets: r.tickets, months: r.months, seedMs: r.seedMs, seededAt: r.seededAt } };
}

export interface Baseline {
  name: string;
  value: number;
}

export interface Target {
  /** As printed: "< 50 ms", "≤ 2× indexed query". */
  text: string;
  met: boolean;
}

export interface FigureOptions {
  baseline?: Baseline;
  targets?: Target[];
  note?: string;
}

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));

/**
 * One figure as one line:
 *   bench: <name> <value> <unit>  ratio <r> vs <baseline> (<value> <unit>)  target <t>: met | NOT met  (<note>)
 */
export function formatFigure(name: string, value: number, unit: string, o: FigureOptions = {}): string {
  // The name and the unit are one word each, so the line reads back; a space in either becomes "_" rather than lose the figure.
  const word = (s: string) => s.trim().replace(/\s+/g, '_') || '-';
  let line = `bench: ${word(name)} ${fmt(value)} ${word(unit)}`;
  if (o.baseline) line += `  ratio ${(value / o.baseline.value).toFixed(2)} vs ${o.baseline.name} (${fmt(o.baseline.value)} ${unit})`;
  for (const t of o.targets ?? []) line += `  target ${t.text}: ${t.met ? 'met' : 'NOT met'}`;
  if (o.note) line += `  (${o.note})`;
  return line;
}

export interface ParsedFigure {
  name: string;
  value: number;
  unit: string;
  ratio: number | null;
  baseline: string | null;
  targets: Target[];
}

/** A `bench:` line read back (run.ts's summary); null for any other line. */
export function parseFigure(line: string): ParsedFigure | null {
  const head = /^bench: (\S+) (\S+) (\S+)/.exec(line);
  if (!head) return null;
  const ratio = / {2}ratio (\S+) vs (.+?) \(\S+ \S+\)(?= {2}|$)/.exec(line);
  const targets = [...line.matchAll(/ {2}target (.+?): (met|NOT met)(?= {2}|$)/g)].map((m) => ({ text: m[1]!, met: m[2] === 'met' }));
  return {
    name: head[1]!,
    value: Number(head[2]),
    unit: head[3]!,
    ratio: ratio ? Number(ratio[1]) : null,
    baseline: ratio ? ratio[2]! : null,
    targets,
  };
}

export interface BenchOutcome {
  file: string;
  seconds: number;
  /** User + system CPU of the benchmark and the processes it waited for (GNU time), null where unknown. */
  cpuSeconds: number | null;
  /** null: it ran to the end; otherwise why it counts as failed. */
  failure: string | null;
  figures: ParsedFigure[];
}

/**
 * Why a finished benchmark counts as failed, or null: it exited with an
 * error, was stopped at its time limit, printed no figure at all (the format
 * is the contract), or the bench database changed under it.
 */
export function benchFailure(o: { exitCode: number | null; timedOut: boolean; limitS: number; figures: number; wroteDb: boolean }): string | null {
  if (o.timedOut) return `stopped after its limit of ${o.limitS} s`;
  if (o.exitCode !== 0) return `exited with ${o.exitCode ?? 'a signal'}`;
  if (o.figures === 0) return 'printed no "bench:" line';
  if (o.wroteDb) return 'the bench database changed while it ran (a committed write)';
  return null;
}

/**
 * GNU time's `-f "%U %S"` output (its last line; a line before it says how the command ended): the
 * seconds of user + system CPU, or null when it cannot be read.
 */
export function cpuFromTime(text: string): number | null {
  const m = /^([\d.]+) ([\d.]+)\s*$/.exec(text.trim().split('\n').at(-1) ?? '');
  return m ? Number(m[1]) + Number(m[2]) : null;
}

/** The closing summary: each benchmark's time, CPU and outcome, what did not run, and every target not met. */
export function summaryLines(outcomes: readonly BenchOutcome[], notRun: readonly string[] = []): string[] {
  const lines = ['summary:'];
  const cpu = (c: number | null) => (c === null ? '' : `CPU ${c.toFixed(0)} s`);
  for (const o of outcomes) {
    lines.push(
      `  ${o.file.padEnd(28)} ${o.seconds.toFixed(0).padStart(5)} s  ${cpu(o.cpuSeconds).padStart(9)}  ${String(o.figures.length).padStart(3)} figures  ${o.failure ? `FAILED: ${o.failure}` : 'ok'}`,
    );
  }
  if (notRun.length) lines.push(`  not run: ${notRun.join(', ')}`);
  const known = outcomes.filter((o) => o.cpuSeconds !== null);
  const wall = outcomes.reduce((n, o) => n + o.seconds, 0);
  lines.push(`  in all: ${wall.toFixed(0)} s${known.length ? `, ${cpu(known.reduce((n, o) => n + o.cpuSeconds!, 0))}${known.length < outcomes.length ? ' (where measured)' : ''}` : ''}`);
  const missed = outcomes.flatMap((o) => o.figures.filter((f) => f.targets.some((t) => !t.met)).map((f) => `${f.name} (${f.targets.filter((t) => !t.met).map((t) => t.text).join(', ')})`));
  lines.push(missed.length ? `targets not met: ${missed.join('; ')}` : 'targets not met: none');
  return lines;
}
