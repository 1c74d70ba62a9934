/**
 * `npm run bench`: every benchmark under tests/bench on one seeded database,
 * each printing `bench: <name> <value> <unit>` lines with the ratio to a
 * baseline measured in the same run and the target beside it.
 *
 *   npm run bench                 1,000,000 tickets over 24 months (seeded once into /tmp/bench-1m.db, ~5-8 min)
 *   npm run bench -- --quick      30,000 tickets: the same set in under 3 minutes
 *   npm run bench -- --only list  the benchmarks whose file name contains "list"
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { diskBytes, ensureBenchDb } from './lib/bench-db';
import { atMost, figure, loadLine } from './lib/figures';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } } });
const quick = values.quick ?? false;
const dir = path.dirname(new URL(import.meta.url).pathname);
const started = performance.now();

console.log(`machine: ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${os.platform()} ${os.release()}`);
console.log(`${loadLine()} (start)`);
const bench = ensureBenchDb(quick);
const bytes = diskBytes(bench.file);
console.log(`database: ${bench.file}, ${bench.tickets.toLocaleString('en-US')} tickets over ${bench.months} months, ${bench.reused ? `reused (seeded ${bench.seededAt})` : 'seeded now'}`);
figure('seed.time', bench.seedMs / 1000, 's', { note: `${bench.tickets.toLocaleString('en-US')} tickets${bench.reused ? ', when it was seeded' : ''}` });
figure('db.size_per_ticket', bytes / bench.tickets / 1024, 'KB', { targets: [atMost(bytes / bench.tickets / 1024, 1.5, 'KB')], note: `${(bytes / 2 ** 20).toFixed(0)} MiB` });

if (!fs.existsSync(path.resolve(dir, '../../out/web/index.html'))) {
  console.log('building the renderer for the browser benchmarks (npm run build:web)…');
  execFileSync('npm', ['run', '--silent', 'build:web'], { stdio: 'inherit' });
}

const args = ['--db', bench.file, ...(quick ? ['--quick'] : [])];
const failed: string[] = [];
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (!values.only || f.includes(values.only))).sort()) {
  console.log(`\n=== ${f} (${loadLine()})`);
  try {
    execFileSync(process.execPath, ['--import', 'tsx', path.join(dir, f), ...args], { stdio: 'inherit' });
  } catch {
    failed.push(f);
    console.log(`!!! ${f} failed`);
  }
}
console.log(`\n${loadLine()} (end); all benchmarks took ${((performance.now() - started) / 1000).toFixed(0)} s`);
if (failed.length) {
  console.log(`failed: ${failed.join(', ')}`);
  process.exitCode = 1;
}
