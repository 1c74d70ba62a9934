/**
 * Demo data records breach causes (#20): every demo ticket settled after
 * missing its first response or resolution carries the cause its settler
 * would have chosen, drawn the same way for the same seed, so the report's
 * Pareto of causes has bars in a demo; nothing else gets one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, tempDb, type TestDb } from '../../helpers/temp-db';
import { seedDemo } from '../../../src-main/services/seed';
import { demoBreachCause } from '../../../src-main/services/seed-breach-causes';
import { breachCausePareto } from '../../../src-main/services/breach-causes';
import { ClockStore } from '../../../src-main/db/clock-store';
import { removeDemo } from '../../../src-main/services/demo';

/** A stand-in for the random stream: the numbers given, in order. */
const numbers = (...xs: number[]) => () => xs.shift()!;

describe('the cause of one late demo ticket', () => {
  // Weights for a ticket of 其他 that missed only its resolution: backlog 40, wrong dispatch 16,
  // fault location 12, other department 14, unreachable 9, system 5, other 4 — 100 in all.
  const plain = { top: '其他', missedFirstResponse: false };
  it('follows the study’s proportions', () => {
    expect(demoBreachCause(numbers(0), plain)).toEqual({ cause: 'backlog', detail: null });
    expect(demoBreachCause(numbers(0.399), plain).cause).toBe('backlog'); // 39.9 < 40
    expect(demoBreachCause(numbers(0.4), plain).cause).toBe('wrong_dispatch'); // 40 → the second bar
    expect(demoBreachCause(numbers(0.67), plain).cause).toBe('fault_location'); // 67 < 40 + 16 + 12
    expect(demoBreachCause(numbers(0.9), plain).cause).toBe('customer_unreachable'); // 82 ≤ 90 < 91
  });

  it('writes words under 其他', () => {
    // 99 falls in the last 4; the second number picks the second of three texts.
    expect(demoBreachCause(numbers(0.99, 0.5), plain)).toEqual({ cause: 'other', detail: '节假日值班人手不足' });
  });

  it('counts backlog twice for a missed first response and tilts a network fault toward fault location', () => {
    // 网络质量, first response missed: backlog 80, wrong dispatch 16, fault location 12 + 20 = 32, … — 160 in all.
    const network = { top: '网络质量', missedFirstResponse: true };
    expect(demoBreachCause(numbers(0.49), network).cause).toBe('backlog'); // 78.4 < 80
    expect(demoBreachCause(numbers(0.55), network).cause).toBe('wrong_dispatch'); // 88: 80 ≤ 88 < 96
    expect(demoBreachCause(numbers(0.7), network).cause).toBe('fault_location'); // 112: 96 ≤ 112 < 128
  });
});

describe('demo data with its breach causes', () => {
  let a: TestDb;
  let b: TestDb;
  beforeEach(() => {
    a = tempDb();
    b = tempDb();
  });
  afterEach(() => {
    a.close();
    b.close();
  });

  const causes = (t: TestDb) =>
    t.db.prepare('SELECT ticket_id AS id, cause, detail, recorded_at AS at, recorded_by AS by FROM ticket_breach_causes ORDER BY ticket_id').all() as Array<{
      id: number;
      cause: string;
      detail: string | null;
      at: number;
      by: number;
    }>;

  it('gives exactly the late settled tickets a cause, recorded by their assignee when resolved, the same for the same seed', () => {
    seedDemo(a.ctx, addUser(a.ctx, 'admin', 'admin'));
    seedDemo(b.ctx, addUser(b.ctx, 'admin', 'admin'));
    const recorded = causes(a);
    expect(recorded.length).toBeGreaterThan(50);
    expect(causes(b)).toEqual(recorded);

    // The settling rule's own question, ticket by ticket: missed at the moment it was resolved.
    const clocks = new ClockStore(a.db);
    const resolved = a.db.prepare('SELECT id, resolved_at AS at, assignee_id AS by FROM tickets WHERE resolved_at IS NOT NULL ORDER BY id').all() as Array<{ id: number; at: number; by: number }>;
    const late = resolved.filter((t) => clocks.missedFirstResponseOrResolution(t.id, t.at));
    expect(recorded.map((c) => c.id)).toEqual(late.map((t) => t.id));
    expect(recorded.map((c) => [c.at, c.by])).toEqual(late.map((t) => [t.at, t.by]));
    expect(recorded.every((c) => (c.cause === 'other') === (c.detail !== null))).toBe(true);
    const open = a.db.prepare('SELECT count(*) FROM ticket_breach_causes b JOIN tickets t ON t.id = b.ticket_id WHERE t.resolved_at IS NULL').pluck().get();
    expect(open).toBe(0);
  });

  it('fills the report’s Pareto of causes, backlog its largest bar, and goes with the demo', () => {
    const admin = addUser(a.ctx, 'admin', 'admin');
    seedDemo(a.ctx, admin);
    const p = breachCausePareto(a.ctx, { range: { from: '2026-06-01', to: '2026-10-31' } });
    expect(p.total).toBeGreaterThan(50);
    expect(p.causes[0]!.key).toBe('backlog');
    expect(p.causes.at(-1)!.cumulative).toBeCloseTo(1, 10);
    removeDemo(a.ctx, admin);
    expect(causes(a)).toEqual([]);
  });
});
