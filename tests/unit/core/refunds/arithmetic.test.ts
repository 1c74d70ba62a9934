import { describe, expect, it } from 'vitest';
import { countsTowardTotal, likelyDuplicates, netExecuted, reversalOf, ticketTotal, type EntryFacts } from '../../../../src-main/core/refunds/checks';

const H = 3_600_000;
let next = 1;
const entry = (over: Partial<EntryFacts>): EntryFacts => ({
  id: next++,
  type: 'overcharge',
  amountFen: 1000,
  status: 'executed',
  createdAt: 0,
  reversesId: null,
  ...over,
});

describe('reversal arithmetic', () => {
  it('a reversal is the same type, the opposite amount, pointing at the original', () => {
    const original = entry({ amountFen: 8000, type: 'sp_info_fee' });
    expect(reversalOf(original, [])).toEqual({ type: 'sp_info_fee', amountFen: -8000, reversesId: original.id });
  });

  it('only an executed, not yet reversed, non-reversal entry can be reversed', () => {
    expect(() => reversalOf(entry({ status: 'approved' }), [])).toThrow(/refund_state/);
    expect(() => reversalOf(entry({ amountFen: -1000, reversesId: 1 }), [])).toThrow(/reversal/);
    expect(() => reversalOf(entry({}), [{ status: 'pending_approval' }])).toThrow(/already_reversed/);
    // A rejected reversal leaves the original reversible.
    expect(() => reversalOf(entry({}), [{ status: 'rejected' }])).not.toThrow();
  });

  it('net paid out = executed refunds − executed reversals; the total for authority counts a reversal only once executed', () => {
    const a = entry({ amountFen: 8000 });
    const b = entry({ amountFen: 12_345 });
    const revA = entry({ amountFen: -8000, reversesId: a.id, status: 'pending_approval' });
    expect(netExecuted([a, b, revA])).toBe(20_345);
    expect(ticketTotal([a, b, revA])).toBe(20_345);
    const done = { ...revA, status: 'executed' as const };
    expect(netExecuted([a, b, done])).toBe(12_345);
    expect(ticketTotal([a, b, done])).toBe(12_345);
  });

  it('drafts and rejected entries never count; pending and approved ones do', () => {
    expect(countsTowardTotal({ amountFen: 500, status: 'draft' })).toBe(false);
    expect(countsTowardTotal({ amountFen: 500, status: 'rejected' })).toBe(false);
    expect(countsTowardTotal({ amountFen: 500, status: 'pending_approval' })).toBe(true);
    expect(countsTowardTotal({ amountFen: 500, status: 'approved' })).toBe(true);
    expect(countsTowardTotal({ amountFen: -500, status: 'approved' })).toBe(false);
  });

  it('sums stay exact in integer fen where floats drift', () => {
    const cents = Array.from({ length: 1000 }, () => entry({ amountFen: 10 }));
    expect(netExecuted(cents)).toBe(10_000);
    expect(cents.reduce((s) => s + 0.1, 0)).not.toBe(100); // why money is never a float
  });
});

describe('likely duplicates', () => {
  const now = 100 * H;
  it('same type and amount within 24 h, not rejected', () => {
    const list = [
      entry({ type: 'overcharge', amountFen: 8000, createdAt: now - 23 * H, status: 'pending_approval' }),
      entry({ type: 'overcharge', amountFen: 8000, createdAt: now - 25 * H }),
      entry({ type: 'overcharge', amountFen: 8001, createdAt: now - H }),
      entry({ type: 'goodwill_credit', amountFen: 8000, createdAt: now - H }),
      entry({ type: 'overcharge', amountFen: 8000, createdAt: now - H, status: 'rejected' }),
    ];
    expect(likelyDuplicates(list, { type: 'overcharge', amountFen: 8000, at: now }).map((e) => e.createdAt)).toEqual([now - 23 * H]);
  });
});
