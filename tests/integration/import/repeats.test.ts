/**
 * Repeat complaints in an import where hundreds of rows share one phone, in
 * shuffled order: every flag as the rule says (an earlier non-voided complaint
 * of the same phone within 30 days), and the phone's complaints read from the
 * database a bounded number of times — not once per row over the whole window
 * (4,000 such rows took ~40 s that way).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../src-main/services/import/run';
import { addUser, tempDb, type TestDb } from '../../helpers/temp-db';
import type { UserInfo } from '../../../src-main/core/model';
import { zonedInstant } from '../../../src-main/core/time';
import { HEADER, writeCsv } from './files';

let t: TestDb;
let user: UserInfo;
beforeEach(() => {
  t = tempDb();
  user = addUser(t.ctx, 'zhangsan', 'supervisor');
});
afterEach(() => t.close());

const H = 3_600_000;
const DAY = 24 * H;
const PHONE = '13912345678';
const BASE = zonedInstant('Asia/Shanghai', 2026, 1, 5, 8);
const stamp = (ms: number) => new Date(ms + 8 * H).toISOString().slice(0, 16).replace('T', ' ');
const row = (no: string, at: number) => [no, '10086热线', stamp(at), PHONE, '王女士', '城关区', '宽带', '宽带无法上网', '普通', '已回访关闭', '', stamp(at + H / 6), stamp(at + H), ''];

/** Closed within the hour (no clock left running). Three runs of 300 complaints two hours apart (about 25 days each), the runs starting 70 days apart. */
const RUNS = [0, 1, 2].map((k) => Array.from({ length: 300 }, (_, i) => ({ no: `R${k}-${String(i).padStart(3, '0')}`, at: BASE + k * 70 * DAY + i * 2 * H })));

describe('an import with hundreds of rows of one phone', () => {
  it('flags exactly the complaints with an earlier one within 30 days, whatever the order, reading the phone a bounded number of times', async () => {
    // Already stored: P, 10 days before the second run (35 days after the first ends), and a voided one 5 days before the first.
    await importFile(t.ctx, user, writeCsv(t.dir, 'before.csv', [HEADER, row('P', RUNS[1]![0]!.at - 10 * DAY), row('V', BASE - 5 * DAY)]));
    t.db.prepare("UPDATE tickets SET status = 'voided' WHERE ticket_no = 'V'").run();

    const all = RUNS.flat();
    // A fixed shuffle: every row exactly once, far from time order (487 is prime to 900).
    const shuffled = all.map((_, i) => all[(i * 487) % all.length]!);
    const rowsRead = countPhoneReads();
    const r = await importFile(t.ctx, user, writeCsv(t.dir, 'many.csv', [HEADER, ...shuffled.map((x) => row(x.no, x.at))]));
    expect(r, JSON.stringify(r).slice(0, 600)).toMatchObject({ inserted: 900, rejected: [] });

    const flags = new Map((t.db.prepare('SELECT ticket_no AS no, is_repeat AS r FROM tickets').all() as Array<{ no: string; r: number }>).map((x) => [x.no, x.r]));
    // Not repeats: the first of the first run (V is voided), P (35 days after the first run), the first of the third run.
    const firsts = ['R0-000', 'P', 'R2-000'];
    for (const no of firsts) expect(flags.get(no), no).toBe(0);
    // Everything else: the second run's first complaint follows P by 10 days; every other one follows its neighbour by 2 hours.
    const repeats = [...flags].filter(([no, f]) => f === 1 && no !== 'V').map(([no]) => no);
    expect(repeats.length).toBe(900 - 2);
    expect(repeats).toContain('R1-000');
    // Each stored complaint made a repeat later has its event.
    const flagged = t.db.prepare("SELECT count(DISTINCT ticket_id) FROM ticket_events WHERE action = 'flag_repeat'").pluck().get() as number;
    expect(flagged).toBeGreaterThan(0);
    // The work: rows read by phone lookups stay of the order of the rows imported, not rows × window (~270,000).
    expect(rowsRead()).toBeLessThan(2 * 900);
  });
});

/** Rows returned by statements that look tickets up by phone, from now on. */
function countPhoneReads(): () => number {
  let rows = 0;
  const prepare = t.db.prepare.bind(t.db);
  t.db.prepare = ((sql: string) => {
    const st = prepare(sql);
    if (/FROM tickets\b/.test(sql) && /\bphone = \?/.test(sql)) {
      const all = st.all.bind(st);
      st.all = ((...args: unknown[]) => {
        const out = all(...(args as []));
        rows += out.length;
        return out;
      }) as typeof st.all;
    }
    return st;
  }) as typeof t.db.prepare;
  return () => rows;
}
