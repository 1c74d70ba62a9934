/**
 * `npm run bench`: every benchmark under tests/bench on one seeded database,
 * each printing `bench: <name> <value> <unit>` lines with the ratio to a
 * baseline measured in the same run and the target beside it, then a summary
 * (each benchmark's time and outcome, every target not met).
 *
 *   npm run bench                       1,000,000 tickets over 24 months (seeded once into /tmp/bench-1m.db)
 *   npm run bench -- --quick            30,000 tickets: the same set in under 3 minutes
 *   npm run bench -- --only list,report the benchmarks whose file name contains "list" or "report"
 *   npm run bench -- --skip scroll      all but those
 *   npm run bench -- --db /tmp/me.db    your own copy (with its .seed.json) instead of the shared file
 *   npm run bench -- --limit-s 600      stop a benchmark after this many seconds (180 quick, 1800 full)
 *
 * Each benchmark runs in its own process with `--db <file>` (and `--quick`).
 * The harness alone writes the seeded file — it seeds it, brings it to this
 * console's schema and adds the bench administrator before any benchmark
 * runs; a benchmark that commits a change to it while it runs counts as
 * failed (the file's PRAGMA data_version is watched across each run).
 * The pure parts (arguments, seed reuse, the line format) are lib/harness.ts.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import { diskBytes, ensureBenchDb } from './lib/bench-db';
import { atMost, figure, loadLine } from './lib/figures';
import { benchFailure, cpuFromTime, parseFigure, parseRunArgs, selectBenches, summaryLines, type BenchOutcome, type ParsedFigure } from './lib/harness';

const args = parseRunArgs(process.argv.slice(2));
const dir = path.dirname(new URL(import.meta.url).pathname);
const started = performance.now();

console.log(`machine: ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${os.platform()} ${os.release()}`);
console.log(`${loadLine()} (start)`);
const bench = ensureBenchDb(args.quick, args.db);
const bytes = diskBytes(bench.file);
console.log(`database: ${bench.file}, ${bench.tickets.toLocaleString('en-US')} tickets over ${bench.months} months, ${bench.reused ? `reused (seeded ${bench.seededAt})` : 'seeded now'}`);
figure('seed.time', bench.seedMs / 1000, 's', { note: `${bench.tickets.toLocaleString('en-US')} tickets${bench.reused ? ', when it was seeded' : ''}` });
figure('db.size_per_ticket', bytes / bench.tickets / 1024, 'KB', { targets: [atMost(bytes / bench.tickets / 1024, 1.5, 'KB')], note: `${(bytes / 2 ** 20).toFixed(0)} MiB` });

const files = selectBenches(fs.readdirSync(dir), args);
if (files.some((f) => f.startsWith('scroll')) && !fs.existsSync(path.resolve(dir, '../../out/web/index.html'))) {
  console.log('building the renderer for the browser benchmark (npm run build:web)…');
  execFileSync('npm', ['run', '--silent', 'build:web'], { stdio: 'inherit' });
}

// One copy of the file for the benchmarks that must write (the web host), made by the first that needs it.
const scratchDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-scratch-'));
process.env.BENCH_SCRATCH_DIR = scratchDir;
const removeScratch = () => fs.rmSync(scratchDir, { recursive: true, force: true });

// A connection of our own that only reads PRAGMA data_version: it moves when any other connection commits to the file.
const watch = new Database(bench.file, { readonly: true, fileMustExist: true });
const dataVersion = () => watch.pragma('data_version', { simple: true }) as number;

const timeBin = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
let running: ReturnType<typeof spawn> | null = null;
const stopGroup = (signal: NodeJS.Signals) => {
  // Each benchmark leads its own process group: its host, browser or cluster processes go with it.
  if (running?.pid && running.exitCode === null) {
    try {
      process.kill(-running.pid, signal);
    } catch {
      // already gone
    }
  }
};
const outcomes: BenchOutcome[] = [];
// Stopped by hand (Ctrl-C, or a session running out of time): the running benchmark goes with its
// processes, and the summary still says what ran, what was cut and what did not run.
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    const cut = running ? current : null;
    stopGroup('SIGTERM');
    removeScratch();
    const done = new Set(outcomes.map((o) => o.file));
    const notRun = files.filter((f) => !done.has(f) && f !== cut);
    const all = cut
      ? [...outcomes, { file: cut, seconds: (performance.now() - currentStarted) / 1000, cpuSeconds: null, failure: `stopped by ${sig}`, figures: currentFigures }]
      : outcomes;
    console.log(`\n${loadLine()} (stopped by ${sig}); ${((performance.now() - started) / 1000).toFixed(0)} s in all`);
    for (const line of summaryLines(all, notRun)) console.log(line);
    process.exit(130);
  });
}
let current = '';
let currentStarted = 0;
let currentFigures: ParsedFigure[] = [];

function runOne(file: string): Promise<BenchOutcome> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const version = dataVersion();
    const figures: ParsedFigure[] = [];
    [current, currentStarted, currentFigures] = [file, t0, figures];
    const command = [process.execPath, '--import', 'tsx', path.join(dir, file), '--db', bench.file, ...(args.quick ? ['--quick'] : [])];
    // GNU time (when installed) reports the CPU the benchmark and its waited-for processes used: the figure a loaded machine does not stretch.
    const cpuFile = path.join(scratchDir, `${file}.cpu`);
    const [exe, ...rest] = timeBin ? [timeBin, '-f', '%U %S', '-o', cpuFile, ...command] : command;
    const child = spawn(exe!, rest, { stdio: ['ignore', 'pipe', 'inherit'], detached: true });
    running = child;
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      console.log(line);
      const f = parseFigure(line);
      if (f) figures.push(f);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      stopGroup('SIGTERM');
      setTimeout(() => stopGroup('SIGKILL'), 10_000).unref();
    }, args.limitS * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      running = null;
      const seconds = (performance.now() - t0) / 1000;
      const failure = benchFailure({ exitCode: code, timedOut, limitS: args.limitS, figures: figures.length, wroteDb: dataVersion() !== version });
      const cpuSeconds = fs.existsSync(cpuFile) ? cpuFromTime(fs.readFileSync(cpuFile, 'utf8')) : null;
      resolve({ file, seconds, cpuSeconds, failure, figures });
    });
  });
}

for (const f of files) {
  console.log(`\n=== ${f} (${loadLine()})`);
  const o = await runOne(f);
  if (o.failure) console.log(`!!! ${f} failed: ${o.failure}`);
  console.log(`=== ${f} took ${o.seconds.toFixed(1)} s${o.cpuSeconds === null ? '' : `, ${o.cpuSeconds.toFixed(1)} s of CPU`}`);
  outcomes.push(o);
}
watch.close();
removeScratch();
console.log(`\n${loadLine()} (end); all benchmarks took ${((performance.now() - started) / 1000).toFixed(0)} s`);
for (const line of summaryLines(outcomes)) console.log(line);
const failed = outcomes.filter((o) => o.failure);
if (failed.length) {
  console.log(`failed: ${failed.map((o) => o.file).join(', ')}`);
  process.exitCode = 1;
}
