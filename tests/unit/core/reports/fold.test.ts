/** What each ticket adds to a report: a few tickets folded by hand. */
import { describe, expect, it } from 'vitest';
import { TicketFold } from '../../../../src-main/core/reports/fold';
import { BUCKET_MS } from '../../../../src-main/core/reports/buckets';

const H = 3_600_000;
const FROM = Date.parse('2026-09-30T16:00:00Z'); // 1 October, China time
const NOW = FROM + 40 * 24 * H;

type Args = Parameters<TicketFold['add']>;
const ticket = (o: Partial<Record<'at' | 'status' | 'level' | 'channel' | 'category' | 'dept' | 'repeat' | 'sat' | 'fr' | 'res' | 'frMiss' | 'resMiss' | 'resMet' | 'fuMiss', unknown>>): Args =>
  [
    FROM + ((o.at as number) ?? 0),
    o.status ?? 'processing',
    o.level ?? 'normal',
    o.channel ?? '10086',
    o.category ?? 1,
    o.dept ?? null,
    o.repeat ?? 0,
    o.sat ?? null,
    o.fr ?? null,
    o.res ?? null,
    o.frMiss ?? null,
    o.resMiss ?? null,
    o.resMet ?? null,
    o.fuMiss ?? null,
  ] as Args;

function fold(detailed: boolean) {
  const f = detailed ? TicketFold.detailed(NOW, { fromMs: FROM, toMs: FROM + 31 * 24 * H }) : TicketFold.counts(NOW);
  // A: resolved in 10 h within its limit, satisfied, answered in 1 h, network team
  f.add(...ticket({ at: 0, status: 'closed', channel: '10086', category: 3, dept: '网络部', sat: 'satisfied', fr: FROM + H, res: FROM + 10 * H, resMet: FROM + 10 * H }));
  // B: resolved in 60 h, late: its resolution clock was missed at 48 h; over-level; repeat; answered "before" receipt (bad data → 0)
  f.add(...ticket({ at: 2 * H, status: 'resolved', level: 'overlevel', channel: '10080', category: 3, dept: '网络部', repeat: 1, fr: FROM, res: FROM + 62 * H, resMiss: FROM + 50 * H, sat: 'unsatisfied' }));
  // C: open, its first response missed an hour ago, resolution due in the future (not yet missed)
  f.add(...ticket({ at: 20 * 24 * H, channel: '10086', category: 4, frMiss: NOW - H, resMiss: NOW + H }));
  return f;
}

describe('a fold of three tickets', () => {
  it('counts every KPI count', () => {
    expect(fold(false).counts).toEqual({
      total: 3,
      resolved: 2, // A closed, B resolved
      dueCount: 2, // A met, B missed; C's resolution is not yet due
      onTime: 1,
      repeat: 1,
      overlevel: 1,
      rated: 2,
      satisfied: 1,
      responded: 2,
      responseSumMs: H, // A 1 h, B 0
      handled: 2,
      handlingSumMs: 70 * H, // A 10 h, B 60 h
      breached: 2, // B resolution, C first response
    });
    expect(fold(false).missed).toEqual({ first_response: 1, resolution: 1, follow_up: 0 });
  });

  it('leaves the medians and breakdowns to a detailed fold', () => {
    const counts = fold(false);
    expect(counts.medians()).toEqual({ responseMedianMs: null, handlingMedianMs: null });
    expect(counts.byDepartment()).toEqual([]);
    const f = fold(true);
    expect(f.medians()).toEqual({ responseMedianMs: H / 2, handlingMedianMs: 35 * H });
  });

  it('breaks down by channel × category, department and 15-minute bucket', () => {
    const f = fold(true);
    expect(f.byChannelCategory()).toEqual(
      expect.arrayContaining([
        { channel: '10086', categoryId: 3, count: 1 },
        { channel: '10080', categoryId: 3, count: 1 },
        { channel: '10086', categoryId: 4, count: 1 },
      ]),
    );
    expect(f.byDepartment()).toEqual([
      { department: '网络部', count: 2, resolved: 2, handled: 2, handlingMeanMs: 35 * H, handlingMedianMs: 35 * H, breached: 1, breachedShare: 0.5 },
      { department: null, count: 1, resolved: 0, handled: 0, handlingMeanMs: null, handlingMedianMs: null, breached: 1, breachedShare: 1 },
    ]);
    const q0 = FROM / BUCKET_MS;
    expect(f.buckets()).toEqual([
      { q: q0, n: 1, first_response: 0, resolution: 0, follow_up: 0 },
      { q: q0 + 8, n: 1, first_response: 0, resolution: 1, follow_up: 0 },
      { q: q0 + 20 * 96, n: 1, first_response: 1, resolution: 0, follow_up: 0 },
    ]);
  });
});

describe('a period folded a day at a time', () => {
  // A pseudo-random month of tickets (a fixed seed): every field varies, some days have none.
  function month(): Args[] {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const pick = <T>(xs: readonly T[]) => xs[rnd(xs.length)]!;
    const rows: Args[] = [];
    for (let i = 0; i < 600; i++) {
      const at = rnd(31 * 24) * H + rnd(60) * 60_000;
      if (Math.floor(at / (24 * H)) % 9 === 4) continue; // a day now and then with no ticket
      const outcome = () => (rnd(3) === 0 ? null : FROM + at + (rnd(100) - 10) * H);
      rows.push(
        ticket({
          at,
          status: pick(['new', 'processing', 'resolved', 'closed']),
          level: pick(['normal', 'overlevel']),
          channel: pick(['10086', '10080', '12300', 'store']),
          category: 1 + rnd(5),
          dept: pick([null, '网络部', '客服中心', '计费中心']),
          repeat: rnd(2),
          sat: pick([null, 'satisfied', 'basically_satisfied', 'unsatisfied']),
          fr: rnd(2) ? FROM + at + rnd(10) * H : null,
          res: rnd(2) ? FROM + at + rnd(90) * H - H : null,
          frMiss: outcome(),
          resMiss: outcome(),
          resMet: outcome(),
          fuMiss: outcome(),
        }),
      );
    }
    return rows.sort((a, b) => a[0] - b[0]);
  }
  const period = { fromMs: FROM, toMs: FROM + 31 * 24 * H };
  const everything = (f: TicketFold) => ({
    counts: f.counts,
    missed: f.missed,
    validity: f.validity,
    medians: f.medians(),
    mix: f.byChannelCategory(),
    departments: f.byDepartment(),
    buckets: f.buckets(),
  });

  for (const detailed of [true, false]) {
    it(`gives what one fold of the whole gives (${detailed ? 'detailed' : 'counts'})`, () => {
      const rows = month();
      // Taken mid-month: some outcomes are still to come, so the validity is the first of them.
      const at = FROM + 20 * 24 * H;
      const make = (p: { fromMs: number; toMs: number }) => (detailed ? TicketFold.detailed(at, p) : TicketFold.counts(at));
      const one = make(period);
      for (const r of rows) one.add(...r);
      const whole = make(period);
      for (let day = 0; day < 31; day++) {
        const p = { fromMs: FROM + day * 24 * H, toMs: FROM + (day + 1) * 24 * H };
        const part = make(p);
        for (const r of rows) if (r[0] >= p.fromMs && r[0] < p.toMs) part.add(...r);
        whole.absorb(part);
      }
      expect(one.counts.total).toBeGreaterThan(400);
      expect(one.validity.nextChange).toBeLessThan(Infinity);
      expect(everything(whole)).toEqual(everything(one));
    });
  }

  it('refuses a part of another kind or outside the period', () => {
    const whole = TicketFold.detailed(NOW, period);
    expect(() => whole.absorb(TicketFold.counts(NOW))).toThrow(/another kind/);
    expect(() => whole.absorb(TicketFold.detailed(NOW, { fromMs: period.toMs, toMs: period.toMs + 24 * H }))).toThrow(/outside the period/);
  });
});
