/** The summary of what a policy change does to running clocks, worked by hand. */
import { describe, expect, it } from 'vitest';
import { summarizeDueChanges, type DueOf } from '../../../../src-main/core/sla/due-changes';

const H = 3_600_000;
const NOW = 100 * H;
const d = (ticketId: number, clock: DueOf['clock'], dueAt: number | null, ruleId = 'r'): DueOf => ({ ticketId, clock, dueAt, ruleId });

describe('summarizeDueChanges', () => {
  it('counts earlier, later, unknown and past-due-at-once changes, by clock and by ticket', () => {
    const before = [d(1, 'first_response', NOW + 2 * H), d(1, 'resolution', NOW + 40 * H), d(2, 'resolution', NOW + 10 * H), d(3, 'resolution', null), d(4, 'first_response', NOW + 1 * H)];
    const after = [
      d(1, 'first_response', NOW - 1 * H, 'new'), // earlier, and past due at once
      d(1, 'resolution', NOW + 30 * H), // earlier
      d(2, 'resolution', NOW + 20 * H), // later
      d(3, 'resolution', NOW + 5 * H), // was unknown (a pause), now known
      d(4, 'first_response', NOW + 1 * H), // unchanged
      d(5, 'resolution', NOW + 3 * H), // not running before: not a change of due time
    ];
    const s = summarizeDueChanges(before, after, NOW, 3);
    expect(s).toMatchObject({ clocks: 5, tickets: 3, earlier: 2, later: 1, unknown: 1, overdueAtOnce: 1 });
    expect(s.sample.map((c) => [c.ticketId, c.clock, c.after])).toEqual([
      [1, 'first_response', NOW - 1 * H],
      [3, 'resolution', NOW + 5 * H],
      [2, 'resolution', NOW + 20 * H],
    ]);
    expect(s.sample[0]).toMatchObject({ before: NOW + 2 * H, ruleBefore: 'r', ruleAfter: 'new' });
  });

  it('a clock already past due is not counted as made late by the change; exactly at now is past due', () => {
    const s = summarizeDueChanges([d(1, 'resolution', NOW - 2 * H), d(2, 'resolution', NOW + H)], [d(1, 'resolution', NOW - 3 * H), d(2, 'resolution', NOW)], NOW);
    expect(s).toMatchObject({ earlier: 2, overdueAtOnce: 1 });
  });

  it('nothing changes: no tickets, an empty sample', () => {
    expect(summarizeDueChanges([d(1, 'resolution', NOW)], [d(1, 'resolution', NOW)], NOW)).toEqual({
      clocks: 1,
      tickets: 0,
      earlier: 0,
      later: 0,
      unknown: 0,
      overdueAtOnce: 0,
      sample: [],
    });
  });
});
