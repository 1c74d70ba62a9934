import { describe, expect, it } from 'vitest';
import { settledUntimed, stepHappened } from '../../../../src-main/core/sla/settlement';
import { ticketClocks, type ClockTicket } from '../../../../src-main/core/sla/ticket-clocks';
import { readClock } from '../../../../src-main/core/sla/clock';
import { planAlerts } from '../../../../src-main/core/sla/alerts';
import { DEFAULT_CALENDAR } from '../../../../src-main/core/sla/calendar';
import type { RuleMatch } from '../../../../src-main/core/sla/policy';

const H = 3_600_000;
const RECEIVED = Date.parse('2026-10-10T01:00:00Z');
const NOW = Date.parse('2026-11-02T02:00:00Z');
const RULE: RuleMatch = { limitsMin: { first_response: 240, resolution: 2880, follow_up: 1440 }, businessCalendar: false, ruleIds: ['10086-normal'] };
const clocksOf = (t: Partial<ClockTicket>) =>
  ticketClocks(
    { status: 'new', receivedAt: RECEIVED, firstResponseAt: null, resolvedAt: null, closedAt: null, ...t },
    [],
    RULE,
    { pauseOnPending: true, calendar: DEFAULT_CALENDAR },
  );
const byKind = (t: Partial<ClockTicket>) => Object.fromEntries(clocksOf(t).map((c) => [c.kind, c]));

describe('which steps a status says happened', () => {
  it('past 新建 the first response happened; resolved and closed are resolved; only closed is followed up', () => {
    expect(stepHappened('new', 'first_response')).toBe(false);
    expect(stepHappened('accepted', 'first_response')).toBe(true);
    expect(stepHappened('pending_customer', 'first_response')).toBe(true);
    expect(stepHappened('responded', 'resolution')).toBe(false);
    expect(stepHappened('resolved', 'resolution')).toBe(true);
    expect(stepHappened('resolved', 'follow_up')).toBe(false);
    expect(stepHappened('closed', 'follow_up')).toBe(true);
    expect(stepHappened('voided', 'first_response')).toBe(false);
  });

  it('a step settles untimed only when it happened and its time is missing', () => {
    const closed = { status: 'closed' as const, firstResponseAt: 1, resolvedAt: 2, closedAt: null };
    expect(settledUntimed(closed, 'follow_up')).toBe(true);
    expect(settledUntimed(closed, 'resolution')).toBe(false);
    expect(settledUntimed({ ...closed, closedAt: 3 }, 'follow_up')).toBe(false);
    expect(settledUntimed({ ...closed, status: 'resolved' }, 'follow_up')).toBe(false);
  });
});

describe('clocks of a ticket whose record skips a time', () => {
  it('closed with a resolution time but no close time: the follow-up is met, time not recorded — no alert, never breached', () => {
    const c = byKind({ status: 'closed', firstResponseAt: RECEIVED + H / 2, resolvedAt: RECEIVED + 24 * H });
    expect(c.follow_up).toMatchObject({ untimed: true, input: { startedAt: RECEIVED + 24 * H, stoppedAt: RECEIVED + 24 * H } });
    expect(readClock(c.follow_up!.input, NOW)).toMatchObject({ state: 'met', elapsedPct: 0 });
    expect(planAlerts(c.follow_up!.input)).toEqual([]);
    // The recorded steps keep their own times.
    expect(c.first_response).toMatchObject({ untimed: false, input: { stoppedAt: RECEIVED + H / 2 } });
    expect(c.resolution).toMatchObject({ untimed: false, input: { stoppedAt: RECEIVED + 24 * H } });
  });

  it('resolved with no first-response time: the first response is met, time not recorded; the follow-up runs', () => {
    const c = byKind({ status: 'resolved', resolvedAt: RECEIVED + 10 * H });
    expect(c.first_response).toMatchObject({ untimed: true, input: { stoppedAt: RECEIVED } });
    expect(readClock(c.first_response!.input, NOW).state).toBe('met');
    expect(c.follow_up).toMatchObject({ untimed: false, input: { startedAt: RECEIVED + 10 * H, stoppedAt: null } });
  });

  it('in progress with no first-response time: only the first response settles; the resolution still runs', () => {
    const c = byKind({ status: 'in_progress' });
    expect(c.first_response!.untimed).toBe(true);
    expect(c.resolution).toMatchObject({ untimed: false, input: { stoppedAt: null } });
    expect(c.follow_up).toBeUndefined();
  });

  it('closed with neither resolution nor close time: all three settle, the follow-up from the resolution clock’s start', () => {
    const c = byKind({ status: 'closed', firstResponseAt: RECEIVED + H });
    expect([c.first_response!.untimed, c.resolution!.untimed, c.follow_up!.untimed]).toEqual([false, true, true]);
    expect(c.follow_up!.input).toMatchObject({ startedAt: RECEIVED, stoppedAt: RECEIVED });
  });

  it('a new ticket with no times runs every clock as before', () => {
    const c = clocksOf({});
    expect(c.map((x) => [x.kind, x.untimed, x.input.stoppedAt])).toEqual([
      ['first_response', false, null],
      ['resolution', false, null],
    ]);
  });
});
