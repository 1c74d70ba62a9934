import { describe, expect, it } from 'vitest';
import { isDateFormat, isoToWallClock, numberText, serialToWallClock } from '../../../src-main/services/import/sheet-values';

describe('spreadsheet cells as a person sees them', () => {
  it('turns a date serial into the wall-clock time Excel shows, in either date system', () => {
    expect(serialToWallClock(46297.375)).toBe('2026-10-02 09:00:00');
    // Float noise from a writer (09:29:59.9997) is the 09:30 on screen.
    expect(serialToWallClock(46297.39583333)).toBe('2026-10-02 09:30:00');
    expect(serialToWallClock(1)).toBe('1900-01-01 00:00:00');
    expect(serialToWallClock(44835, true)).toBe('2026-10-02 00:00:00');
    expect(serialToWallClock(Number.NaN)).toBe('');
  });

  it('keeps the digits of an ISO date cell, whatever zone it names', () => {
    expect(isoToWallClock('2026-10-02T09:00:00Z')).toBe('2026-10-02 09:00:00');
    expect(isoToWallClock('2026-10-02T09:00')).toBe('2026-10-02 09:00:00');
    expect(isoToWallClock('2026-10-02')).toBe('2026-10-02 00:00:00');
  });

  it('writes numbers out in full: a phone never becomes 1.38e+10', () => {
    expect(numberText(13800138000)).toBe('13800138000');
    expect(numberText(0.5)).toBe('0.5');
    expect(numberText(Number.POSITIVE_INFINITY)).toBe('');
  });

  it('tells date formats from number formats', () => {
    for (const id of [14, 22, 31, 57]) expect(isDateFormat(id, undefined)).toBe(true);
    for (const id of [0, 1, 4, 10, 49]) expect(isDateFormat(id, undefined)).toBe(false);
    for (const code of ['yyyy-mm-dd hh:mm:ss', 'yyyy/m/d h:mm', 'yyyy"年"m"月"d"日"', '[$-F800]dddd, mmmm dd, yyyy', '[h]:mm:ss', 'h:mm AM/PM', 'm/d/yy;@'])
      expect([code, isDateFormat(164, code)]).toEqual([code, true]);
    for (const code of ['General', '0.00', '#,##0', '0.00E+00', '[Red]#,##0.00', '[$¥-804]#,##0.00', '"天"0', '@'])
      expect([code, isDateFormat(164, code)]).toEqual([code, false]);
  });
});
