/**
 * Crash safety: a writer (writer.ts) is SIGKILLed at random moments, 50 times,
 * while it writes tickets, events, refunds and imports into one database.
 * After each kill the database must pass integrity_check and
 * foreign_key_check, every commit the writer reported must be there, and no
 * half of anything may be: a ticket without its creation event or clocks, a
 * refund whose history stops short of its status, part of an import.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { openDatabase } from '../../../src-main/db/open';
import { tempDir } from '../../helpers/temp-db';
import { seededRandom } from '../../../src-main/core/random';

const KILLS = 50;
let dir: string;
let bundle: string;

beforeAll(async () => {
  dir = tempDir('desk-crash-');
  bundle = path.join(dir, 'writer.mjs');
  await build({
    entryPoints: [path.join(import.meta.dirname, 'writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: bundle,
    external: ['better-sqlite3', 'exceljs', '@e965/xlsx', 'iconv-lite', 'csv-parse', 'yazl', 'yauzl'],
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
    logLevel: 'silent',
  });
  // The bundle resolves its packages from the project.
  fs.symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'));
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Run the writer until it says it is ready, let it write for `ms`, then SIGKILL it. */
function runAndKill(dbPath: string, logPath: string, run: number, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, dbPath, logPath, String(run)], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), ms));
    child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited ${code}: ${err}`))));
  });
}

function check(dbPath: string, logPath: string): { tickets: number; refunds: number; imports: number } {
  // Opening runs recovery from the WAL, as the console does at start.
  openDatabase(dbPath, { integrity: 'skip' }).close();
  const db = new Database(dbPath, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const one = (sql: string, ...p: unknown[]) => db.prepare(sql).get(...p) as Record<string, number | string> | undefined;
    const lines = fs.existsSync(logPath) ? fs.readFileSync(logPath, 'utf8').split('\n').filter(Boolean) : [];
    const order = ['pending_approval', 'approved', 'executed'];
    const imports = new Map<string, number>();
    for (const line of lines) {
      const [kind, a, b] = line.split(' ') as [string, string, string];
      if (kind === 'ticket') expect(one('SELECT id FROM tickets WHERE ticket_no = ?', a), line).toBeDefined();
      if (kind === 'event') expect(Number(one('SELECT version FROM tickets WHERE ticket_no = ?', a)?.version)).toBeGreaterThanOrEqual(Number(b));
      if (kind === 'refund') {
        const status = String(one('SELECT status FROM refunds WHERE id = ?', Number(a))?.status);
        expect(order.indexOf(status), line).toBeGreaterThanOrEqual(order.indexOf(b));
      }
      if (kind === 'import') imports.set(a, Number(b));
    }
    // Nothing half-made: every ticket has its creation event and its clocks, and an event per version step.
    expect(one(`SELECT count(*) AS n FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.action IN ('create', 'import_create'))`)).toEqual({ n: 0 });
    expect(one(`SELECT count(*) AS n FROM tickets t WHERE NOT EXISTS (SELECT 1 FROM ticket_clocks c WHERE c.ticket_id = t.id AND c.clock <> 'refund')`)).toEqual({ n: 0 });
    // A refund's history reaches its status; executed ones carry their voucher and executor.
    expect(one(`SELECT count(*) AS n FROM refunds r WHERE NOT EXISTS (SELECT 1 FROM refund_events e WHERE e.refund_id = r.id AND e.to_status = r.status)`)).toEqual({ n: 0 });
    expect(one(`SELECT count(*) AS n FROM refunds WHERE status = 'executed' AND (voucher_no IS NULL OR executed_by IS NULL)`)).toEqual({ n: 0 });
    expect(one(`SELECT count(*) AS n FROM refunds r WHERE status IN ('approved', 'executed') AND NOT EXISTS (SELECT 1 FROM ticket_clocks c WHERE c.clock = 'refund' AND c.subject_id = r.id)`)).toEqual({ n: 0 });
    // An import lands whole or not at all: 40 rows per file, nothing in between.
    const batches = db.prepare(`SELECT substr(ticket_no, 1, instr(ticket_no, '-') + instr(substr(ticket_no, instr(ticket_no, '-') + 1), '-')) AS batch, count(*) AS n FROM tickets WHERE ticket_no LIKE 'I%' GROUP BY 1`).all() as Array<{ batch: string; n: number }>;
    for (const x of batches) expect(x.n, x.batch).toBe(40);
    for (const [batch, inserted] of imports) expect(batches.find((x) => x.batch === batch)?.n, batch).toBe(inserted);
    return {
      tickets: Number(one('SELECT count(*) AS n FROM tickets')?.n),
      refunds: Number(one('SELECT count(*) AS n FROM refunds')?.n),
      imports: batches.length,
    };
  } finally {
    db.close();
  }
}

describe('crash safety', () => {
  it(`SIGKILL at ${KILLS} random moments loses no reported commit and leaves no half-write`, { timeout: 600_000 }, async () => {
    const dbPath = path.join(dir, 'desk.db');
    const logPath = path.join(dir, 'commits.log');
    const random = seededRandom(20261129);
    let last = { tickets: 0, refunds: 0, imports: 0 };
    for (let run = 1; run <= KILLS; run++) {
      // Import runs get longer, so some imports finish and some are cut off.
      await runAndKill(dbPath, logPath, run, (run % 3 === 0 ? 300 : 50) + Math.floor(random() * 400));
      last = check(dbPath, logPath);
    }
    // The writer got real work done between kills (not killed before its first commit every time).
    expect(last.tickets).toBeGreaterThan(KILLS);
    expect(last.refunds).toBeGreaterThan(KILLS / 2);
    expect(last.imports).toBeGreaterThan(0);
    console.log(`crash test: ${KILLS} kills, ${last.tickets} tickets, ${last.refunds} refunds, ${last.imports} imports survived intact`);
  });
});
