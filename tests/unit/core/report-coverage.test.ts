/** How much of a period the data covers: before the first ticket, after today, or all of it. */
import { describe, expect, it } from 'vitest';
import { periodCoverage } from '../../../src-main/core/reports/coverage';

const nov2025 = { from: '2025-11-01', to: '2025-11-30' };

describe('periodCoverage', () => {
  it('a period the data begins 3 days before the end of is partial: 3 of 30 days', () => {
    expect(periodCoverage(nov2025, '2025-11-28', '2026-11-02')).toEqual({ days: 3, ofDays: 30, from: '2025-11-28', to: '2025-11-30', partial: true });
  });
  it('a whole period with data from before it began is not partial', () => {
    expect(periodCoverage(nov2025, '2024-01-15', '2026-11-02')).toEqual({ days: 30, ofDays: 30, from: '2025-11-01', to: '2025-11-30', partial: false });
  });
  it('a month under way is covered up to today', () => {
    expect(periodCoverage({ from: '2026-11-01', to: '2026-11-30' }, '2024-01-15', '2026-11-02')).toMatchObject({ days: 2, ofDays: 30, to: '2026-11-02', partial: true });
  });
  it('a period wholly before the first ticket, or with no ticket at all, has no day covered', () => {
    expect(periodCoverage(nov2025, '2025-12-03', '2026-11-02')).toEqual({ days: 0, ofDays: 30, from: null, to: null, partial: true });
    expect(periodCoverage(nov2025, null, '2026-11-02')).toMatchObject({ days: 0, partial: true });
  });
  it('the first day of data on the period’s first day is whole', () => {
    expect(periodCoverage(nov2025, '2025-11-01', '2026-11-02').partial).toBe(false);
  });
});
