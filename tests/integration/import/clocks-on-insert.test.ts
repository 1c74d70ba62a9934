/**
 * An import computes a new ticket's deadline clocks before inserting it, and
 * inserts it with its due and outcome columns set (services/import/
 * new-ticket-clocks.ts), instead of inserting it and letting the clock hook
 * read it back and update it. What it stores must be exactly what the hook
 * stores: after an import with repeats, collective groups, updates, settled and
 * running tickets, computing every ticket's clocks again through the hook
 * changes nothing. The columns computed in JavaScript are also checked against
 * the SQL statement that refreshes them, on every combination that matters.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../src-main/services/import/run';
import { recomputeClocks } from '../../../src-main/services/clocks';
import { inTransaction } from '../../../src-main/services/context';
import { ClockStore } from '../../../src-main/db/clock-store';
import { ticketClockColumns } from '../../../src-main/core/sla/ticket-columns';
import type { ClockRow } from '../../../src-main/core/sla/rows';
import { seededRandom } from '../../../src-main/core/random';
import { addUser, tempDb, type TestDb } from '../../helpers/temp-db';
import type { UserInfo } from '../../../src-main/core/model';
import { HEADER, writeCsv } from './files';

let t: TestDb;
let user: UserInfo;
beforeEach(() => {
  t = tempDb(); // 2026-11-02 10:00 China time
  user = addUser(t.ctx, 'zhangsan', 'supervisor');
});
afterEach(() => t.close());

const STATUSES = ['新建', '处理中', '已办结', '已回访关闭'];
const DISTRICTS = ['城关区', '七里河区', '榆中县', '安宁区'];
const CATEGORIES = ['宽带', '多收费', '网络质量/上网慢/断网'];
const pad = (n: number) => String(n).padStart(2, '0');
const stamp = (ms: number) => {
  const d = new Date(ms + 8 * 3_600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};

/** Rows over two weeks of October: 40 phones (repeats), few districts and categories (collective groups), every status. */
function rows(seed: number, from: number, n: number): string[][] {
  const r = seededRandom(seed);
  const start = Date.parse('2026-10-15T00:00:00+08:00');
  return Array.from({ length: n }, (_, k) => {
    const at = start + Math.floor(r() * 14 * 24 * 60) * 60_000;
    const status = STATUSES[Math.floor(r() * STATUSES.length)]!;
    const responded = status === '新建' || r() < 0.2 ? '' : stamp(at + Math.floor(r() * 600) * 60_000);
    const resolved = status === '已办结' || status === '已回访关闭' ? stamp(at + (600 + Math.floor(r() * 4000)) * 60_000) : '';
    return [
      `CRM${from + k}`,
      r() < 0.8 ? '10086热线' : '12300',
      stamp(at),
      `1390000${String(Math.floor(r() * 40)).padStart(4, '0')}`,
      '王女士',
      DISTRICTS[Math.floor(r() * DISTRICTS.length)]!,
      CATEGORIES[Math.floor(r() * CATEGORIES.length)]!,
      '客户反映上网慢',
      r() < 0.9 ? '普通' : '重大',
      status,
      '',
      responded,
      resolved,
      '',
    ];
  });
}

const snapshot = () => ({
  tickets: t.db.prepare('SELECT * FROM tickets ORDER BY id').all(),
  clocks: t.db.prepare('SELECT * FROM ticket_clocks ORDER BY ticket_id, clock, subject_id').all(),
});

describe('clocks of imported tickets', () => {
  it('are what the clock hook computes, for new, updated, repeat and collective tickets', async () => {
    const told: number[] = [];
    t.ctx.hooks.ticketsChanged.push((_ctx, _ids, note) => told.push(note?.clocksWritten?.size ?? 0));
    const first = await importFile(t.ctx, user, writeCsv(t.dir, 'a.csv', [HEADER, ...rows(1, 1, 400)]));
    // A second file: 100 of the same tickets with other values, 100 new.
    const second = await importFile(t.ctx, user, writeCsv(t.dir, 'b.csv', [HEADER, ...rows(2, 301, 200)]));
    expect(first).toMatchObject({ inserted: 400, rejectedRows: 0 });
    expect(second.inserted + second.updated + second.unchanged).toBe(200);
    expect(second.updated).toBeGreaterThan(50);

    const counts = (sql: string) => t.db.prepare(sql).pluck().get() as number;
    // The file makes what the check is about: repeats, collective groups, running and settled clocks.
    expect(counts('SELECT count(*) FROM tickets WHERE is_repeat = 1')).toBeGreaterThan(100);
    expect(counts('SELECT count(*) FROM tickets WHERE is_collective = 1')).toBeGreaterThan(20);
    expect(counts('SELECT count(*) FROM tickets WHERE due_at IS NOT NULL')).toBeGreaterThan(50);
    expect(counts('SELECT count(*) FROM tickets WHERE res_met_at IS NOT NULL')).toBeGreaterThan(20);
    expect(counts('SELECT count(*) FROM ticket_clocks WHERE untimed = 1')).toBeGreaterThan(20);
    // New tickets' clocks were written by the import itself, and the hook was told so (those a later row
    // flagged as a repeat or collective went through the hook: in this file, most of them).
    expect(told.reduce((a, b) => a + b, 0)).toBeGreaterThan(100);

    const imported = snapshot();
    const ids = t.db.prepare('SELECT id FROM tickets').pluck().all() as number[];
    inTransaction(t.ctx, () => recomputeClocks(t.ctx, ids));
    expect(snapshot()).toEqual(imported);
  });

  it('go through the hook when a new ticket id already has clock rows (an id handed out again)', async () => {
    const next = (t.db.prepare('SELECT coalesce(max(id), 0) + 1 FROM tickets').pluck().get() as number);
    // A clock left behind under the id the import's first ticket will get (only possible with foreign keys off).
    t.db.pragma('foreign_keys = OFF');
    t.db
      .prepare(`INSERT INTO ticket_clocks (ticket_id, clock, subject_id, started_at, limit_ms, due_at) VALUES (?, 'follow_up', 0, 1, 60000, 60001)`)
      .run(next);
    t.db.pragma('foreign_keys = ON');
    // 处理中: first response and resolution only, no follow-up.
    await importFile(t.ctx, user, writeCsv(t.dir, 'a.csv', [HEADER, ['CRM1', '10086热线', '2026-11-01 09:00', '13900000001', '', '城关区', '宽带', '上网慢', '普通', '处理中', '', '2026-11-01 09:30', '', '']]));
    const kinds = t.db.prepare('SELECT clock FROM ticket_clocks WHERE ticket_id = ? ORDER BY clock').pluck().all(next);
    expect(kinds).toEqual(['first_response', 'resolution']);
    expect(t.db.prepare('SELECT due_clock FROM tickets WHERE id = ?').pluck().get(next)).toBe('resolution');
  });
});

describe('the clock hook', () => {
  it('writes nothing for a ticket whose clocks and columns come out the same, and repairs one whose do not', async () => {
    await importFile(t.ctx, user, writeCsv(t.dir, 'a.csv', [HEADER, ['CRM1', '10086热线', '2026-11-01 09:00', '13900000001', '', '城关区', '宽带', '上网慢', '普通', '处理中', '', '2026-11-01 09:30', '', '']]));
    const id = t.db.prepare("SELECT id FROM tickets WHERE ticket_no = 'CRM1'").pluck().get() as number;
    const row = () => t.db.prepare('SELECT due_at, due_clock, warn_at, res_missed_at FROM tickets WHERE id = ?').get(id);
    const before = row();
    // Resolution due 48 h after 09:00 on 1 November (China time), running.
    expect(before).toMatchObject({ due_at: Date.parse('2026-11-03T01:00:00Z'), due_clock: 'resolution', res_missed_at: Date.parse('2026-11-03T01:00:00Z') });
    const changes = () => t.db.prepare('SELECT total_changes()').pluck().get() as number;
    const c0 = changes();
    inTransaction(t.ctx, () => recomputeClocks(t.ctx, [id]));
    expect(changes()).toBe(c0);
    // Columns out of step with the clocks (written by hand): the hook writes them again.
    t.db.prepare('UPDATE tickets SET due_at = 1, res_missed_at = NULL WHERE id = ?').run(id);
    inTransaction(t.ctx, () => recomputeClocks(t.ctx, [id]));
    expect(row()).toEqual(before);
    // A clock out of step: written again too.
    t.db.prepare("UPDATE ticket_clocks SET limit_ms = 1 WHERE ticket_id = ? AND clock = 'resolution'").run(id);
    inTransaction(t.ctx, () => recomputeClocks(t.ctx, [id]));
    expect(t.db.prepare("SELECT limit_ms FROM ticket_clocks WHERE ticket_id = ? AND clock = 'resolution'").pluck().get(id)).toBe(48 * 3_600_000);
  });
});

describe("a ticket's clock columns computed in JavaScript", () => {
  it('equal what the refresh statement sets, over random clock rows with ties, stops, cancels, untimed and refund clocks', () => {
    const id = t.ctx.write.tickets.insert({
      ticketNo: 'T1', channel: '10086', receivedAt: 0, phone: '13900000000', customerName: null, city: null, district: null,
      categoryId: t.ctx.categories.list()[0]!.id, level: 'normal', status: 'new', description: 'x', firstResponderId: null,
      assigneeId: null, assigneeName: null, department: null, firstResponseAt: null, resolvedAt: null, closedAt: null,
      satisfaction: null, isRepeat: false, isCollective: false, createdAt: 0, createdBy: null,
    });
    const store = new ClockStore(t.db);
    const r = seededRandom(7);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
    const columns = t.db.prepare(
      `SELECT due_at AS dueAt, due_clock AS dueClock, warn_at AS warnAt, fr_missed_at AS frMissedAt, res_missed_at AS resMissedAt,
         res_met_at AS resMetAt, fu_missed_at AS fuMissedAt FROM tickets WHERE id = ?`,
    );
    let compared = 0;
    let ties = 0;
    const clear = t.db.prepare('DELETE FROM ticket_clocks WHERE ticket_id = ?');
    for (let i = 0; i < 400; i++) {
      const rows: ClockRow[] = [];
      for (const [kind, subjectId] of [['first_response', 0], ['resolution', 0], ['follow_up', 0], ['refund', 5]] as const) {
        if (r() < 0.25) continue;
        const dueAt = pick([null, 100, 200, 300]);
        rows.push({
          clock: kind, subjectId, ruleId: 'r', startedAt: 0, limitMs: 100, business: false, pauses: [],
          stoppedAt: pick([null, null, 50, 150, 200, 250, 350]), cancelled: r() < 0.15, untimed: r() < 0.15,
          dueAt, warnAt: dueAt === null ? null : dueAt - pick([10, 20]), nextAlertAt: null, plan: [],
        });
      }
      clear.run(id);
      store.writeNew(id, rows);
      store.refreshTicketDue(id);
      const js = ticketClockColumns(rows);
      if (js === null) {
        ties++;
        continue;
      }
      expect(columns.get(id), JSON.stringify(rows)).toEqual(js);
      compared++;
    }
    expect(compared).toBeGreaterThan(250);
    expect(ties).toBeGreaterThan(5);
  });
});
