/**
 * The official holidays and make-up working days as the console passes them
 * around, and how they join a branch's own calendar. Kept apart from the
 * package that supplies them (official-days.ts), so the console's page can
 * merge them into its form without carrying the package.
 */
export interface OfficialDay {
  /** YYYY-MM-DD */
  date: string;
  /** The holiday's Chinese name, e.g. 春节. */
  name: string;
}

export interface OfficialDays {
  years: number[];
  /** Years with no announcement in the package: nothing is filled for them. */
  missingYears: number[];
  /** Days off, weekends inside a holiday's run included. */
  holidays: OfficialDay[];
  /** Weekend days worked as a weekday to make up for a holiday. */
  workdays: OfficialDay[];
}

/**
 * The official days added to a calendar's own lists: nothing the branch
 * entered is removed, and an official date the branch put on the other list
 * (a holiday it works, say) stays where the branch put it.
 */
export function withOfficialDays<C extends { holidays: string[]; workdays: string[] }>(calendar: C, official: OfficialDays): C {
  const holidays = new Set(calendar.holidays);
  const workdays = new Set(calendar.workdays);
  for (const d of official.holidays) if (!workdays.has(d.date)) holidays.add(d.date);
  for (const d of official.workdays) if (!holidays.has(d.date)) workdays.add(d.date);
  return { ...calendar, holidays: [...holidays].sort(), workdays: [...workdays].sort() };
}
