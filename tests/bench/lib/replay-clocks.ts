/**
 * What the two foresight replays (foresight-replay.bench.ts, which measures
 * the shipped rule, and foresight-tune.bench.ts, which chooses it) both read
 * from a seeded file: every resolution clock with a due time, and the peer
 * groups the console would have read at an instant — settled clocks as the
 * share of their own limit they used, grouped as db/foresight-peers.ts groups
 * them. One copy, so the rule is tuned on exactly the history it is measured on.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { firstAtLeast } from '../../../src-main/core/sorted';
import { peerKey } from '../../../src-main/db/foresight-peers';

/** `--name value` from the command line, or the fallback. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
}

export interface ReplayClock {
  ticketId: number;
  ticketNo: string;
  categoryId: number;
  department: string | null;
  assigneeId: number | null;
  startedAt: number;
  dueAt: number;
  stoppedAt: number | null;
}

export interface ReplayHistory {
  clocks: ReplayClock[];
  /** The last receipt in the file: the replay's end. */
  end: number;
  ticketCount: number;
  /** The settled clocks by stop instant, and those instants. */
  settled: ReplayClock[];
  stops: number[];
}

/** Every resolution clock with a due time of the non-voided tickets, read-only. */
export function readReplayHistory(file: string): ReplayHistory {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: seed one with npm run bench -- --quick (or complaint-desk seed)`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const clocks = db
      .prepare(
        `SELECT t.id AS ticketId, t.ticket_no AS ticketNo, t.category_id AS categoryId, t.department, t.assignee_id AS assigneeId,
                c.started_at AS startedAt, c.due_at AS dueAt, c.stopped_at AS stoppedAt
         FROM ticket_clocks c JOIN tickets t ON t.id = c.ticket_id
         WHERE c.clock = 'resolution' AND c.subject_id = 0 AND c.cancelled = 0 AND c.due_at IS NOT NULL AND t.status <> 'voided'`,
      )
      .all() as ReplayClock[];
    const end = (db.prepare('SELECT max(received_at) AS t FROM tickets').get() as { t: number }).t;
    const ticketCount = (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
    const settled = clocks.filter((c) => c.stoppedAt !== null).sort((a, b) => a.stoppedAt! - b.stoppedAt!);
    return { clocks, end, ticketCount, settled, stops: settled.map((c) => c.stoppedAt!) };
  } finally {
    db.close();
  }
}

/** Whether a clock missed its due time (never stopping counts as missing). */
export const missed = (c: ReplayClock) => (c.stoppedAt ?? Infinity) > c.dueAt;

/** The peer groups of the clocks settled in [from, to): each one's share of its limit, by peerKey. */
export function shareGroupsBetween(h: ReplayHistory, from: number, to: number): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (let i = firstAtLeast(h.stops, from), j = firstAtLeast(h.stops, to); i < j; i++) {
    const c = h.settled[i]!;
    const key = peerKey(c.categoryId, c.department);
    const list = groups.get(key) ?? [];
    list.push((c.stoppedAt! - c.startedAt) / (c.dueAt - c.startedAt));
    groups.set(key, list);
  }
  return groups;
}
