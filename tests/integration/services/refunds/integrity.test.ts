/** Reversals, and what the database itself refuses: nothing edited after execution, nothing deleted. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { codeOf, fixture, type Fixture } from './fixture';
import * as cmd from '../../../../src-main/services/refunds/commands';
import { ticketRefunds } from '../../../../src-main/services/refunds/queries';

let f: Fixture;
beforeEach(() => (f = fixture()));
afterEach(() => f.t.close());

function executed(amountFen = 8000) {
  const r = f.enter(f.agent, amountFen);
  const a = r.status === 'approved' ? r : cmd.decideRefund(f.t.ctx, f.sup, r.id, r.version, { approve: true, comment: null });
  return cmd.executeRefund(f.t.ctx, f.sup2, a.id, a.version, 'TF2026110200009');
}

describe('reversal', () => {
  it('is a new entry of the opposite amount referencing the original; the original is never edited', () => {
    const orig = executed(8000);
    const before = f.t.db.prepare('SELECT * FROM refunds WHERE id = ?').get(orig.id);
    cmd.reverseRefund(f.t.ctx, f.agent, orig.id, '客户重复申请，冲正');
    expect(f.t.db.prepare('SELECT * FROM refunds WHERE id = ?').get(orig.id)).toEqual(before);
    const tr = ticketRefunds(f.t.ctx, f.sup, f.ticketId);
    const rev = tr.entries.find((e) => e.reversesId === orig.id)!;
    // ¥80 back is above the agent's own limit: it waits for a supervisor like any entry.
    expect(rev).toMatchObject({ amountFen: -8000, type: 'sp_info_fee', status: 'pending_approval', requiredRole: 'supervisor' });
    const o = tr.entries.find((e) => e.id === orig.id)!;
    expect(o).toMatchObject({ reversedById: rev.id, allowed: [] });
    expect(o.events.at(-1)).toMatchObject({ action: 'reversed', details: { reversalId: rev.id }, note: '客户重复申请，冲正' });
    expect(tr.netExecutedFen).toBe(8000);

    const ok = cmd.decideRefund(f.t.ctx, f.sup, rev.id, rev.version, { approve: true, comment: null });
    cmd.executeRefund(f.t.ctx, f.sup, rev.id, ok.version, 'CZ2026110200001');
    const after = ticketRefunds(f.t.ctx, f.sup, f.ticketId);
    expect(after.netExecutedFen).toBe(0);
    expect(after.totalFen).toBe(0);
  });

  it('only once, only for executed entries, never of a reversal', () => {
    const orig = executed(3000);
    const pending = f.enter(f.agent, 9000, { type: 'overcharge' });
    expect(codeOf(() => cmd.reverseRefund(f.t.ctx, f.agent, pending.id, '冲正'))).toBe('refund_state');
    cmd.reverseRefund(f.t.ctx, f.agent, orig.id, '冲正');
    expect(codeOf(() => cmd.reverseRefund(f.t.ctx, f.agent, orig.id, '再冲正'))).toBe('refund_state');
    const rev = ticketRefunds(f.t.ctx, f.sup, f.ticketId).entries.find((e) => e.reversesId === orig.id)!;
    const done = cmd.executeRefund(f.t.ctx, f.sup2, rev.id, rev.version, 'CZ1');
    expect(codeOf(() => cmd.reverseRefund(f.t.ctx, f.agent, done.id, '冲正的冲正'))).toBe('refund_state');
  });
});

describe('the database refuses what the rules forbid', () => {
  it('nothing is edited after execution', () => {
    const r = executed();
    const before = f.t.db.prepare('SELECT * FROM refunds WHERE id = ?').get(r.id);
    for (const sql of [
      'UPDATE refunds SET amount_fen = 1 WHERE id = ?',
      "UPDATE refunds SET voucher_no = 'X' WHERE id = ?",
      "UPDATE refunds SET reason = 'changed' WHERE id = ?",
      "UPDATE refunds SET status = 'approved' WHERE id = ?",
    ]) {
      // Whichever trigger speaks first, the write is refused.
      expect(() => f.t.db.prepare(sql).run(r.id)).toThrow(/never edited|keeps its|status moves only/);
    }
    expect(() => f.t.db.prepare('UPDATE refunds SET decision_note = ? WHERE id = ?').run('x', r.id)).toThrow(/never edited/);
    expect(f.t.db.prepare('SELECT * FROM refunds WHERE id = ?').get(r.id)).toEqual(before);
  });

  it('nothing is deleted, and the history is append-only', () => {
    const r = executed();
    expect(() => f.t.db.prepare('DELETE FROM refunds WHERE id = ?').run(r.id)).toThrow(/never deleted/);
    expect(() => f.t.db.prepare("UPDATE refund_events SET note = 'x' WHERE refund_id = ?").run(r.id)).toThrow(/append-only/);
    expect(() => f.t.db.prepare('DELETE FROM refund_events WHERE refund_id = ?').run(r.id)).toThrow(/append-only/);
  });

  it('a submitted entry keeps its money; the status moves only along its path; executed needs a voucher', () => {
    const p = f.enter(f.agent, 9000);
    expect(() => f.t.db.prepare('UPDATE refunds SET amount_fen = 100 WHERE id = ?').run(p.id)).toThrow(/keeps its ticket, type, amount/);
    expect(() => f.t.db.prepare("UPDATE refunds SET status = 'executed', executed_at = 1, voucher_no = 'V' WHERE id = ?").run(p.id)).toThrow(
      /status moves only/,
    );
    const a = cmd.decideRefund(f.t.ctx, f.sup, p.id, p.version, { approve: true, comment: null });
    expect(() => f.t.db.prepare("UPDATE refunds SET status = 'executed', executed_at = 1 WHERE id = ?").run(a.id)).toThrow(/CHECK/);
    const d = f.enter(f.agent, 100, { submit: false, type: 'other' });
    f.t.db.prepare('UPDATE refunds SET amount_fen = 200 WHERE id = ?').run(d.id); // a draft may still change
    expect(() => f.t.db.prepare('UPDATE refunds SET amount_fen = -5 WHERE id = ?').run(d.id)).toThrow(/CHECK/);
    expect(() => f.t.db.prepare('UPDATE refunds SET amount_fen = 10000001 WHERE id = ?').run(d.id)).toThrow(/CHECK/);
  });
});
