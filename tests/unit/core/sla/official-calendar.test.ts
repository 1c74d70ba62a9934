/** The official days joined to a branch's calendar, by hand. */
import { describe, expect, it } from 'vitest';
import { withOfficialDays, type OfficialDays } from '../../../../src-main/core/sla/official-calendar';

describe('withOfficialDays', () => {
  const official: OfficialDays = {
    years: [2026],
    missingYears: [],
    holidays: [
      { date: '2026-10-01', name: '国庆节' },
      { date: '2026-10-02', name: '国庆节' },
    ],
    workdays: [{ date: '2026-10-10', name: '国庆节' }],
  };
  it('adds the official days, keeps the branch’s own, and leaves a date the branch put on the other list where it is', () => {
    const cal = withOfficialDays({ zone: 'Asia/Shanghai', holidays: ['2026-06-01'], workdays: ['2026-10-02'] }, official);
    expect(cal).toEqual({ zone: 'Asia/Shanghai', holidays: ['2026-06-01', '2026-10-01'], workdays: ['2026-10-02', '2026-10-10'] });
  });
});
