/**
 * The database the benchmarks run on, seeded once and reused: the full run
 * on 1,000,000 tickets over 24 months (/tmp/bench-1m.db), `--quick` on 30,000
 * (/tmp/bench-quick.db). A marker file beside it (<db>.seed.json) records the
 * seed version, the size asked for and how long seeding took; a database whose
 * marker does not match is seeded again. Bump SEED_VERSION when what
 * `complaint-desk seed` writes changes.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../../src-main/db/open';
import { createContext } from '../../../src-main/services/context';
import { hashPassword } from '../../../src-main/services/passwords';
import { seedDecision, type SeedMarker } from './harness';

export const SEED_VERSION = 1;
/** A console account the browser and API benchmarks log in with (the seed makes demo colleagues, no administrator). */
export const BENCH_USER = { username: 'bench-admin', password: 'bench-password-2026' };

export interface BenchDb {
  file: string;
  tickets: number;
  months: number;
  /** Seeding wall time, from the marker when the database was reused. */
  seedMs: number;
  seededAt: string;
  reused: boolean;
}

export function benchSize(quick: boolean): { file: string; tickets: number; months: number } {
  return quick ? { file: '/tmp/bench-quick.db', tickets: 30_000, months: 24 } : { file: '/tmp/bench-1m.db', tickets: 1_000_000, months: 24 };
}

/**
 * The database to run on, seeded if needed. `given` (`npm run bench -- --db FILE`) runs on that
 * file instead of the shared one: seeded there when missing, refused (never replaced) when it is
 * there without a matching marker — copy `<db>.seed.json` beside your copy.
 */
export function ensureBenchDb(quick: boolean, given: string | null = null, log: (line: string) => void = console.log): BenchDb {
  const { tickets, months } = benchSize(quick);
  const file = given ?? benchSize(quick).file;
  const markerFile = `${file}.seed.json`;
  const markerText = fs.existsSync(markerFile) ? fs.readFileSync(markerFile, 'utf8') : null;
  const decision = seedDecision(markerText, fs.existsSync(file), { seedVersion: SEED_VERSION, tickets, months });
  if (decision.reuse) {
    ensureBenchUser(file);
    return { file, tickets, months, seedMs: decision.marker.seedMs, seededAt: decision.marker.seededAt, reused: true };
  }
  if (given && fs.existsSync(file)) {
    throw new Error(`${file} is not reused (${decision.reason}) and, being given with --db, is not replaced: copy its .seed.json marker beside it, or remove it to seed it`);
  }
  for (const suffix of ['', '-wal', '-shm', '.seed.json']) fs.rmSync(file + suffix, { force: true });
  log(`seeding ${file} (${decision.reason}): ${tickets.toLocaleString('en-US')} tickets over ${months} months (seed version ${SEED_VERSION})…`);
  const t0 = performance.now();
  execFileSync(process.execPath, ['bin/complaint-desk.mjs', 'seed', '--tickets', String(tickets), '--months', String(months), '--db', file], {
    stdio: 'inherit',
  });
  const seedMs = performance.now() - t0;
  const fresh: SeedMarker = { seedVersion: SEED_VERSION, tickets, months, seedMs, seededAt: new Date().toISOString() };
  ensureBenchUser(file);
  fs.writeFileSync(markerFile, JSON.stringify(fresh, null, 2));
  return { file, tickets, months, seedMs, seededAt: fresh.seededAt, reused: false };
}

/**
 * Bring the file to this console's schema and add the benchmark's administrator, once, before any
 * benchmark runs: the harness is the only writer of the seeded file (the benchmarks then open it
 * read-only, or write in a transaction they roll back, or on a copy). Checkpointed, so its size is the data's.
 */
function ensureBenchUser(file: string): void {
  const db = openDatabase(file, { integrity: 'skip' });
  try {
    const ctx = createContext(db);
    if (!ctx.read.users.list().some((u) => u.username === BENCH_USER.username)) {
      ctx.write.users.insert({
        username: BENCH_USER.username,
        displayName: 'Bench',
        role: 'admin',
        department: null,
        passwordHash: hashPassword(BENCH_USER.password),
        createdAt: Date.now(),
        createdBy: null,
      });
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** Bytes on disk: the file and whatever its WAL still holds. */
export function diskBytes(file: string): number {
  return ['', '-wal'].reduce((n, s) => n + (fs.existsSync(file + s) ? fs.statSync(file + s).size : 0), 0);
}

/**
 * A copy of the bench database for a benchmark that writes (the web host: sessions, audit, alerts,
 * its daily backup beside the file), in a folder of its own so the host's backups and downloads
 * land there too. Under `npm run bench` the copy is made once per run in the folder run.ts names
 * (BENCH_SCRATCH_DIR, removed at the end) and shared by the benchmarks that need one; run alone,
 * a benchmark gets a folder of its own, removed by `dispose`.
 */
export function scratchCopy(file: string): { file: string; dispose(): void } {
  const shared = process.env.BENCH_SCRATCH_DIR;
  const dir = shared ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-scratch-'));
  const copy = path.join(dir, path.basename(file));
  if (!fs.existsSync(copy)) {
    const t0 = performance.now();
    // The harness checkpointed the file; a WAL left by a run outside it is copied with it.
    for (const suffix of ['', '-wal']) if (fs.existsSync(file + suffix)) fs.copyFileSync(file + suffix, copy + suffix);
    console.log(`copied ${file} to ${copy} in ${((performance.now() - t0) / 1000).toFixed(1)} s (the host writes; the bench database is left as it was)`);
  }
  return { file: copy, dispose: () => (shared ? undefined : fs.rmSync(dir, { recursive: true, force: true })) };
}
