/** Refunds through the contract (roles, localized refusals with details), the list and totals, and demo data. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, H, type Fixture } from './fixture';
import { createApiServer, type ApiServer } from '../../../../src-main/api/server';
import type { SessionSlot } from '../../../../src-main/api/handlers';
import type { InputOf, MethodName, OutputOf } from '../../../../src-main/api/contract';
import type { ApiResponse } from '../../../../src-main/api/define';
import { seedTickets } from '../../../../src-main/services/seed';
import { addUser, tempDb } from '../../../helpers/temp-db';
import { approvalQueue } from '../../../../src-main/services/refunds/queries';
import * as cmd from '../../../../src-main/services/refunds/commands';

let f: Fixture;
let api: ApiServer;
beforeEach(() => {
  f = fixture();
  api = createApiServer(f.t.ctx, { log: () => {} });
});
afterEach(() => f.t.close());

/** A typed call: the answer's value has the method's output type. */
const call = <M extends MethodName>(m: M, input: InputOf<M>, slot: SessionSlot, locale: 'zh-CN' | 'en' = 'zh-CN') =>
  api.call(m, input, slot, locale) as Promise<ApiResponse<OutputOf<M>>>;

function as(user: Fixture['agent']): SessionSlot {
  let token: string | null = api.sessions.open(user).token;
  return { get: () => token, set: (v) => (token = v) };
}

describe('refunds through the API', () => {
  it('an agent enters; a likely duplicate comes back as refund_duplicate with details until confirmed; agents cannot approve', async () => {
    const agent = as(f.agent);
    const input = { ticketId: f.ticketId, type: 'overcharge' as const, amountFen: 8000, reason: '多收流量费' };
    const first = await call('refunds/create', input, agent);
    expect(first).toMatchObject({ ok: true, value: { totalFen: 8000, entries: [{ status: 'pending_approval', allowed: [] }] } });
    const dup = await call('refunds/create', input, agent, 'en');
    expect(dup).toMatchObject({
      ok: false,
      error: { code: 'refund_duplicate', details: { duplicates: [{ status: 'pending_approval', createdByName: 'AGENT' }] } },
    });
    expect(!dup.ok && dup.error.message).toContain('Overcharge refund of ¥80.00');
    expect((await call('refunds/create', { ...input, confirmDuplicate: true }, agent, 'en')).ok).toBe(true);

    const id = first.ok ? first.value.entries[0]!.id : 0;
    const denied = await call('refunds/approve', { id, version: 2 }, agent);
    expect(denied).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const bad = await call('refunds/create', { ...input, amountFen: 12.5 }, agent);
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', message: '金额的格式不对。' } });
  });

  it('the approvals queue lists what this person may decide, with the ticket and its other refunds', async () => {
    const small = f.enter(f.agent, 3000, { type: 'goodwill_credit' });
    const a = f.enter(f.agent, 8000);
    const big = f.enter(f.agent, 80_000, { type: 'compensation' });
    const supQueue = await call('refunds/queue', {}, as(f.sup));
    expect(supQueue.ok && supQueue.value.map((i) => i.entry.id)).toEqual([a.id]);
    const item = supQueue.ok ? supQueue.value[0]! : null;
    expect(item).toMatchObject({ ticket: { ticketNo: f.ticketNo, categoryPath: '增值业务/信息费退费' }, ticketTotalFen: 91_000 });
    expect(item!.others.map((o) => o.id)).toEqual([small.id, big.id]);
    expect(approvalQueue(f.t.ctx, f.mgr).map((i) => i.entry.id)).toEqual([a.id, big.id]);
    expect(approvalQueue(f.t.ctx, f.agent)).toEqual([]);
  });

  it("Today's counter counts the same entries as the queue, for each person: one for the supervisor, two for the manager, none for its submitter", async () => {
    f.enter(f.agent, 3000, { type: 'goodwill_credit' }); // within the agent's limit: approved at once, nobody's to decide
    f.enter(f.agent, 8000); // a supervisor's decision
    const bySup = f.enter(f.sup, 9000); // a supervisor's decision, but not its own submitter's
    f.enter(f.agent, 80_000, { type: 'compensation' }); // a manager's decision
    expect(bySup.status).toBe('pending_approval');
    const count = async (who: Fixture['agent']) => {
      const r = await call('refunds/queueCount', {}, as(who));
      return r.ok ? r.value.count : r.error.code;
    };
    expect(await count(f.sup)).toBe(1);
    expect(await count(f.sup2)).toBe(2);
    expect(await count(f.mgr)).toBe(3);
    expect(await count(f.agent)).toBe('forbidden');
    for (const who of [f.sup, f.sup2, f.mgr]) expect(await count(who)).toBe(approvalQueue(f.t.ctx, who).length);
  });

  it('lists and totals in SQL: by type and by status, filtered', async () => {
    const a = f.enter(f.agent, 3000, { type: 'goodwill_credit' });
    f.enter(f.agent, 8000);
    const b = f.enter(f.sup, 12_345, { type: 'overcharge' });
    cmd.decideRefund(f.t.ctx, f.sup2, b.id, b.version, { approve: true, comment: null });
    const agent = as(f.agent);
    // Paying out is a supervisor's: the agent is refused by role, the supervisor records it.
    expect(await call('refunds/execute', { id: a.id, version: a.version, voucherNo: 'TF1' }, agent)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await call('refunds/execute', { id: a.id, version: a.version, voucherNo: 'TF1' }, as(f.sup))).ok).toBe(true);
    const page = await call('refunds/list', { limit: 2, sort: { field: 'amountFen', dir: 'desc' } }, agent);
    expect(page).toMatchObject({ ok: true, value: { total: 3, rows: [{ amountFen: 12_345, ticketNo: f.ticketNo }, { amountFen: 8000 }] } });
    const totals = await call('refunds/totals', {}, agent);
    expect(totals.ok && totals.value).toMatchObject({ count: 3, netExecutedFen: 3000 });
    expect(totals.ok && Object.fromEntries(totals.value.byStatus.map((s) => [s.status, [s.count, s.amountFen]]))).toEqual({
      executed: [1, 3000],
      pending_approval: [1, 8000],
      approved: [1, 12_345],
    });
    const filtered = await call('refunds/totals', { filter: { type: ['sp_info_fee'] } }, agent);
    expect(filtered.ok && filtered.value.byType).toEqual([{ type: 'sp_info_fee', count: 1, amountFen: 8000 }]);
    const none = await call('refunds/list', { filter: { q: 'XX' } }, agent);
    expect(none).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('only an admin changes the limits; the change is checked', async () => {
    const settings = await call('refunds/settings', {}, as(f.agent));
    expect(settings).toMatchObject({ ok: true, value: { agentLimitFen: 5000, supervisorLimitFen: 50_000, ticketTotalFen: 200_000, executeWithinHours: 72 } });
    const next = { ...(settings.ok ? settings.value : ({} as never)), agentLimitFen: 6000 };
    expect(await call('refunds/saveSettings', next, as(f.mgr), 'zh-CN')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const admin = as(addUser(f.t.ctx, 'admin', 'admin'));
    expect(await call('refunds/saveSettings', { ...next, supervisorLimitFen: 5000 }, admin, 'zh-CN')).toMatchObject({
      ok: false,
      error: { code: 'validation', message: '班长单笔权限无效。' },
    });
    expect(await call('refunds/saveSettings', next, admin, 'zh-CN')).toMatchObject({ ok: true, value: { agentLimitFen: 6000 } });
    expect(f.enter(f.agent, 6000).status).toBe('approved');
  });
});

describe('demo data', () => {
  it('includes realistic refunds whose status fits their age, deterministically', () => {
    const a = tempDb();
    const b = tempDb();
    try {
      const end = a.clock.now;
      const ra = seedTickets(a.ctx, null, { tickets: 3000, seed: 11, months: 3, end });
      const rb = seedTickets(b.ctx, null, { tickets: 3000, seed: 11, months: 3, end });
      expect(ra).toEqual(rb);
      expect(ra.tickets).toBe(3000);
      expect(ra.refunds).toBeGreaterThan(100);
      const q = (sql: string) => a.db.prepare(sql).all();
      expect(q('SELECT count(*) AS n FROM refunds')).toEqual([{ n: ra.refunds }]);
      const byTop = Object.fromEntries(
        (q(`SELECT r.type, coalesce(p.name, c.name) AS top, count(*) AS n FROM refunds r JOIN tickets t ON t.id = r.ticket_id
            JOIN categories c ON c.id = t.category_id LEFT JOIN categories p ON p.id = c.parent_id GROUP BY 1, 2`) as Array<{ type: string; top: string; n: number }>).map(
          (r) => [`${r.top}:${r.type}`, r.n],
        ),
      );
      expect(byTop['增值业务:sp_info_fee']).toBeGreaterThan(0);
      expect(byTop['资费计费:overcharge']).toBeGreaterThan(0);
      // Old entries are finished; what still waits is recent; every executed one has its voucher.
      const stale = q(`SELECT count(*) AS n FROM refunds WHERE status IN ('pending_approval','approved') AND created_at < ${end - 10 * 24 * H}`);
      expect(stale).toEqual([{ n: 0 }]);
      expect(q(`SELECT count(*) AS n FROM refunds WHERE status = 'executed' AND (voucher_no IS NULL OR executed_at > ${end})`)).toEqual([{ n: 0 }]);
      expect(q(`SELECT count(*) AS n FROM refunds WHERE status = 'pending_approval' AND required_role = 'agent'`)).toEqual([{ n: 0 }]);
      // Separation of duties: only agent-limit entries are decided by their enterer; a supervisor or above pays out.
      expect(q(`SELECT count(*) AS n FROM refunds WHERE decided_by = created_by AND amount_fen > 5000`)).toEqual([{ n: 0 }]);
      expect(q(`SELECT count(*) AS n FROM refunds r JOIN users u ON u.id = r.executed_by WHERE u.role = 'agent'`)).toEqual([{ n: 0 }]);
      expect(q(`SELECT count(*) AS n FROM refunds WHERE status = 'executed' AND executed_by IS NULL`)).toEqual([{ n: 0 }]);
      // Approved entries have a running execution clock; executed ones a stopped one.
      const clocks = q(`SELECT r.status, count(c.subject_id) AS clocks, count(*) AS n FROM refunds r
          LEFT JOIN ticket_clocks c ON c.clock = 'refund' AND c.subject_id = r.id GROUP BY r.status`) as Array<{ status: string; clocks: number; n: number }>;
      for (const c of clocks) expect(c.clocks).toBe(c.status === 'approved' || c.status === 'executed' ? c.n : 0);
      // Every step is in the history, in order.
      expect(q(`SELECT count(*) AS n FROM refunds r WHERE (SELECT count(*) FROM refund_events e WHERE e.refund_id = r.id) < 2`)).toEqual([{ n: 0 }]);
    } finally {
      a.close();
      b.close();
    }
  });
});
