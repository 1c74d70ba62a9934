import { describe, expect, it } from 'vitest';
import { ticketClockColumns } from '../../../../src-main/core/sla/ticket-columns';
import type { ClockRow } from '../../../../src-main/core/sla/rows';

const clock = (kind: ClockRow['clock'], over: Partial<ClockRow> = {}): ClockRow => ({
  clock: kind,
  subjectId: 0,
  ruleId: 'r',
  startedAt: 0,
  limitMs: 100,
  business: false,
  pauses: [],
  stoppedAt: null,
  cancelled: false,
  untimed: false,
  dueAt: 100,
  warnAt: 80,
  nextAlertAt: null,
  plan: [],
  ...over,
});

const NONE = { dueAt: null, dueClock: null, warnAt: null, frMissedAt: null, resMissedAt: null, resMetAt: null, fuMissedAt: null };

describe("a ticket's columns from its clock rows", () => {
  it('no clocks: every column empty', () => {
    expect(ticketClockColumns([])).toEqual(NONE);
  });

  it('the running clock due first names the due time; a running clock is "missed at" its due time until it stops', () => {
    const rows = [clock('first_response', { dueAt: 240, warnAt: 180 }), clock('resolution', { dueAt: 2880, warnAt: 2000 })];
    expect(ticketClockColumns(rows)).toEqual({ ...NONE, dueAt: 240, dueClock: 'first_response', warnAt: 180, frMissedAt: 240, resMissedAt: 2880 });
  });

  it('stopped in time: met at the stop, not missed; stopped late: missed at the due time; neither is due', () => {
    const rows = [clock('first_response', { dueAt: 240, stoppedAt: 300 }), clock('resolution', { dueAt: 2880, stoppedAt: 2880 })];
    expect(ticketClockColumns(rows)).toEqual({ ...NONE, frMissedAt: 240, resMetAt: 2880 });
  });

  it('a cancelled clock is neither due, missed nor met', () => {
    expect(ticketClockColumns([clock('resolution', { cancelled: true, stoppedAt: 50 })])).toEqual(NONE);
  });

  it('settled without a time: out of the outcomes, and stopped so not due', () => {
    const rows = [clock('first_response', { untimed: true, stoppedAt: 0 }), clock('follow_up', { dueAt: 500, stoppedAt: 600 })];
    expect(ticketClockColumns(rows)).toEqual({ ...NONE, fuMissedAt: 500 });
  });

  it('an open pause (no due time) is not due and not missed', () => {
    expect(ticketClockColumns([clock('resolution', { dueAt: null, warnAt: null, pauses: [[10, null]] })])).toEqual(NONE);
  });

  it("a refund clock can be the one due first, but is not the ticket's own outcome", () => {
    const rows = [clock('resolution', { dueAt: 2880 }), clock('refund', { subjectId: 7, dueAt: 1000, warnAt: 900 })];
    expect(ticketClockColumns(rows)).toEqual({ ...NONE, dueAt: 1000, dueClock: 'refund', warnAt: 900, resMissedAt: 2880 });
  });

  it('two running clocks due at the same instant: left to the SQL (null)', () => {
    expect(ticketClockColumns([clock('first_response', { dueAt: 240 }), clock('resolution', { dueAt: 240 })])).toBeNull();
    // A tie among stopped clocks does not matter.
    expect(ticketClockColumns([clock('first_response', { dueAt: 240, stoppedAt: 1 }), clock('resolution', { dueAt: 240 })])).not.toBeNull();
  });
});
