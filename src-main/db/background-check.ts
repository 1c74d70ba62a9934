/**
 * An integrity check of a database file on a worker thread, with its own
 * read-only connection. better-sqlite3 is synchronous: `PRAGMA integrity_check`
 * of a 1 GB file takes more than a minute, and on the console's own connection
 * it would hold every request for that long. On a worker the console keeps
 * answering while SQLite reads the file (WAL lets a reader run beside writes).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** 'quick': structure and page format (seconds on a large file); 'full': also every index against its table. */
export type CheckKind = 'quick' | 'full';

/** What SQLite found: an empty list means the file passed. */
export interface FileCheck {
  kind: CheckKind;
  problems: string[];
  /** Wall time of the check, for the log and the benchmark. */
  ms: number;
}

/**
 * The worker is a few lines of CommonJS given as text, so it needs no entry of
 * its own in either build (tsx from sources, electron-vite's bundle).
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const started = Date.now();
let db = null;
let problems;
try {
  const opts = { readonly: true, fileMustExist: true };
  if (workerData.nativeBinding) opts.nativeBinding = workerData.nativeBinding;
  db = new Database(workerData.file, opts);
  const pragma = workerData.kind === 'full' ? 'integrity_check' : 'quick_check';
  problems = db.pragma(pragma, { simple: false }).map((r) => r[pragma]).filter((s) => s !== 'ok');
} catch (e) {
  problems = [String(e && e.message ? e.message : e)];
} finally {
  if (db) db.close();
}
parentPort.postMessage({ problems, ms: Date.now() - started });
`;

function sqliteModule(): string {
  try {
    return createRequire(import.meta.url).resolve('better-sqlite3');
  } catch {
    return 'better-sqlite3';
  }
}

/** Check `file` without blocking this thread. Never rejects: a check that cannot run is a problem found. */
export function checkFileInBackground(file: string, kind: CheckKind, nativeBinding?: string): Promise<FileCheck> {
  const started = Date.now();
  return new Promise((resolve) => {
    let settled = false;
    const done = (problems: string[], ms = Date.now() - started) => {
      if (settled) return;
      settled = true;
      resolve({ kind, problems, ms });
    };
    let worker: Worker;
    try {
      worker = new Worker(WORKER, { eval: true, workerData: { module: sqliteModule(), file, kind, nativeBinding } });
    } catch (e) {
      done([`the check could not start: ${e instanceof Error ? e.message : String(e)}`]);
      return;
    }
    // A check must never keep a closing process alive.
    worker.unref();
    worker.once('message', (m: { problems: string[]; ms: number }) => done(m.problems, m.ms));
    worker.once('error', (e) => done([`the check failed: ${e.message}`]));
    worker.once('exit', (code) => done([`the check stopped (exit ${code})`]));
  });
}
