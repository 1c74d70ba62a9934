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
import { openDatabase } from '../../../src-main/db/open';
import { createContext } from '../../../src-main/services/context';
import { hashPassword } from '../../../src-main/services/passwords';

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

interface Marker {
  seedVersion: number;
  tickets: number;
  months: number;
  seedMs: number;
  seededAt: string;
}

export function benchSize(quick: boolean): { file: string; tickets: number; months: number } {
  return quick ? { file: '/tmp/bench-quick.db', tickets: 30_000, months: 24 } : { file: '/tmp/bench-1m.db', tickets: 1_000_000, months: 24 };
}

export function ensureBenchDb(quick: boolean, log: (line: string) => void = console.log): BenchDb {
  const { file, tickets, months } = benchSize(quick);
  const markerFile = `${file}.seed.json`;
  let marker: Marker | null = null;
  try {
    marker = JSON.parse(fs.readFileSync(markerFile, 'utf8')) as Marker;
  } catch {
    marker = null;
  }
  const matches = marker && fs.existsSync(file) && marker.seedVersion === SEED_VERSION && marker.tickets === tickets && marker.months === months;
  if (matches && marker) {
    ensureBenchUser(file);
    return { file, tickets, months, seedMs: marker.seedMs, seededAt: marker.seededAt, reused: true };
  }
  for (const suffix of ['', '-wal', '-shm', '.seed.json']) fs.rmSync(file + suffix, { force: true });
  log(`seeding ${file}: ${tickets.toLocaleString('en-US')} tickets over ${months} months (seed version ${SEED_VERSION})…`);
  const t0 = performance.now();
  execFileSync(process.execPath, ['bin/complaint-desk.mjs', 'seed', '--tickets', String(tickets), '--months', String(months), '--db', file], {
    stdio: 'inherit',
  });
  const seedMs = performance.now() - t0;
  const fresh: Marker = { seedVersion: SEED_VERSION, tickets, months, seedMs, seededAt: new Date().toISOString() };
  ensureBenchUser(file);
  fs.writeFileSync(markerFile, JSON.stringify(fresh, null, 2));
  return { file, tickets, months, seedMs, seededAt: fresh.seededAt, reused: false };
}

/** Add the benchmark's administrator once (a write of one row; the file is checkpointed so its size is the data's). */
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
