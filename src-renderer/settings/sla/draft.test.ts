/** The SLA editor's text ⇄ policy conversion and its checks (draft.ts). Runs in the unit project. */
import { describe, expect, it } from 'vitest';
import {
  draftToPolicy,
  parseDates,
  parseHM,
  parseSpans,
  parseThresholds,
  policyToDraft,
  type SlaPolicy,
} from './draft';

const H = 60;
const DAY: Array<[number, number]> = [
  [8 * H + 30, 12 * H],
  [13 * H + 30, 17 * H + 30],
];
/** The shipped rules (core/sla/policy.ts DEFAULT_RULES), the SP category bound to id 4. */
const INPUT = {
  rules: [
    { id: 'fallback', channels: null, level: null, categoryId: null, firstResponseMin: 2 * H, resolutionMin: 24 * H, followUpMin: 24 * H, businessCalendar: false },
    { id: '10086-normal', channels: ['10086'], level: 'normal', categoryId: null, firstResponseMin: 4 * H, resolutionMin: 48 * H, followUpMin: 24 * H, businessCalendar: false },
    { id: '12300', channels: ['12300'], level: null, categoryId: null, firstResponseMin: 1 * H, resolutionMin: 12 * H, followUpMin: 24 * H, businessCalendar: true },
    { id: 'other-normal', channels: ['store', 'online', 'social', 'other'], level: 'normal', categoryId: null, firstResponseMin: 2 * H, resolutionMin: 48 * H, followUpMin: 24 * H, businessCalendar: false },
    { id: 'major', channels: ['10086', '10080', 'store', 'online', 'social', 'other'], level: 'major', categoryId: null, firstResponseMin: 30, resolutionMin: 24 * H, followUpMin: 24 * H, businessCalendar: false },
    { id: 'sp', channels: null, level: null, categoryId: 4, firstResponseMin: 1 * H, resolutionMin: 4 * H, followUpMin: 24 * H, businessCalendar: false },
  ],
  calendar: { zone: 'Asia/Shanghai', week: [[], DAY, DAY, DAY, DAY, DAY, []], holidays: ['2026-10-01', '2026-10-02'], workdays: ['2026-10-10'] },
  alerts: { thresholds: [0.7, 0.9], escalationDelayMs: 2 * 3_600_000 },
  pauseOnPending: true,
  timeLeft: { soonMs: 6 * 3_600_000, urgentMs: 90 * 60_000 },
} satisfies Omit<SlaPolicy, 'version' | 'official' | 'calendarSaved' | 'shippedRules'>;
/** As the server answers it: the input with its version and the official days beside it. */
const POLICY: SlaPolicy = { ...INPUT, version: '0123456789abcdef', official: { years: [2026, 2027], missingYears: [2027], holidays: [], workdays: [] }, calendarSaved: true, shippedRules: [] };

describe('SLA policy draft', () => {
  it('goes to text and back to exactly the same policy', () => {
    const d = policyToDraft(POLICY);
    expect(d.week[1]).toBe('08:30–12:00, 13:30–17:30');
    expect(d.thresholds).toBe('70, 90');
    expect(d.rules.find((r) => r.id === 'major')!.limits.firstResponseMin).toEqual({ h: '0', m: '30' });
    expect(draftToPolicy(d)).toEqual({ policy: INPUT, problems: [] });
  });

  it('the countdown colour thresholds: hours and minutes, orange within amber', () => {
    const d = policyToDraft(POLICY);
    expect([d.soonWithin, d.urgentWithin]).toEqual([
      { h: '6', m: '0' },
      { h: '1', m: '30' },
    ]);
    expect(draftToPolicy({ ...d, urgentWithin: { h: '7', m: '' } }).problems).toEqual([{ path: 'urgentWithin', code: 'time_left_order' }]);
    expect(draftToPolicy({ ...d, soonWithin: { h: '', m: '' } }).problems).toEqual([{ path: 'soonWithin', code: 'time_left_zero' }]);
    expect(draftToPolicy({ ...d, soonWithin: { h: '169', m: '' } }).problems).toEqual([{ path: 'soonWithin', code: 'time_left_too_long' }]);
    expect(draftToPolicy({ ...d, urgentWithin: { h: 'x', m: '' } }).problems).toEqual([{ path: 'urgentWithin', code: 'time_left_format' }]);
  });

  it('reads hours and minutes: blank is 0, the total must be above 0 and minutes below 60', () => {
    expect(parseHM({ h: '36', m: '' })).toEqual({ min: 2160, error: null });
    expect(parseHM({ h: '', m: '30' })).toEqual({ min: 30, error: null });
    expect(parseHM({ h: '0', m: '0' }).error).toBe('zero');
    expect(parseHM({ h: '1', m: '60' }).error).toBe('minutes');
    expect(parseHM({ h: '1.5', m: '' }).error).toBe('format');
    expect(parseHM({ h: '8761', m: '' }).error).toBe('too_long');
  });

  it('reads working spans written as people write them, and refuses bad or overlapping ones', () => {
    expect(parseSpans('13:30 - 17:30，08:30~12:00').spans).toEqual([
      [510, 720],
      [810, 1050],
    ]);
    expect(parseSpans('  ').spans).toEqual([]);
    expect(parseSpans('20:00–24:00').spans).toEqual([[1200, 1440]]);
    expect(parseSpans('8:30').problem?.code).toBe('span_format');
    expect(parseSpans('12:00-08:30').problem?.code).toBe('span_order');
    expect(parseSpans('08:00-12:00, 11:00-13:00').problem?.code).toBe('span_overlap');
  });

  it('reads date lines, normalising 2026/10/1, and refuses dates that do not exist', () => {
    expect(parseDates('2026-10-02\n2026/10/1\n\n2026-10-02', 400).dates).toEqual(['2026-10-01', '2026-10-02']);
    expect(parseDates('2026-02-30', 400).problem).toEqual({ code: 'date_invalid', token: '2026-02-30' });
    expect(parseDates('10月1日', 400).problem?.code).toBe('date_format');
    expect(parseDates('2026-10-01 2026-10-02', 1).problem?.code).toBe('dates_too_many');
  });

  it('reads thresholds as percentages strictly between 0 and 100', () => {
    expect(parseThresholds('90, 80 %').thresholds).toEqual([0.8, 0.9]);
    expect(parseThresholds('').problem?.code).toBe('thresholds_empty');
    expect(parseThresholds('120').problem?.code).toBe('threshold_range');
    expect(parseThresholds('0').problem?.code).toBe('threshold_range');
    expect(parseThresholds('eighty').problem?.code).toBe('threshold_format');
  });

  it('refuses a limit of 0 and two rules with the same match (channels compared as a set), naming both', () => {
    const d = policyToDraft(POLICY);
    const normal = d.rules.find((r) => r.id === 'other-normal')!;
    normal.limits.resolutionMin = { h: '0', m: '0' };
    d.rules.push({ ...normal, key: 'copy', id: 'walk-in', channels: [...normal.channels].reverse(), limits: { ...normal.limits, resolutionMin: { h: '8', m: '' } } });
    const r = draftToPolicy(d);
    expect(r.policy).toBeNull();
    expect(r.problems.map((p) => [p.code, p.params?.rule])).toEqual([
      ['limit_zero', 'other-normal'],
      ['same_match', 'walk-in'],
      ['same_match', 'other-normal'],
    ]);
  });

  it('refuses a week with no working time and a day both holiday and make-up working day', () => {
    const d = { ...policyToDraft(POLICY), week: ['', '', '', '', '', '', ''], workdays: '2026-10-01' };
    expect(draftToPolicy(d).problems.map((p) => p.code)).toEqual(['week_empty', 'date_both']);
  });
});
