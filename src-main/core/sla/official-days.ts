/**
 * The mainland's official public holidays and make-up working days (调休), as
 * the State Council's General Office announces them each year, read from the
 * `chinese-days` package (its data is the announcements, kept up to date by
 * its maintainers) rather than typed in by hand. A year the package does not
 * know yet (announced each November or so for the year after) comes back in
 * `missingYears` with no dates, never as "no holidays".
 */
// The default export: the package's CommonJS build names nothing Node can import by name (the web host and the
// CLI run it as ES modules: "Named export 'getDayDetail' not found"), and its ES build exports the same object as default.
import chineseDays from 'chinese-days';
import type { OfficialDay, OfficialDays } from './official-calendar';

const { getDayDetail } = chineseDays;

export type { OfficialDay, OfficialDays };

const pad = (n: number) => String(n).padStart(2, '0');

/** chinese-days names a holiday "English,中文,n" and an ordinary day by its weekday ("Saturday"). */
function holidayName(name: string): string | null {
  const parts = name.split(',');
  return parts.length >= 2 && parts[1] ? parts[1] : null;
}

export function officialDays(years: readonly number[]): OfficialDays {
  const out: OfficialDays = { years: [...years], missingYears: [], holidays: [], workdays: [] };
  for (const year of years) {
    const holidays: OfficialDay[] = [];
    const workdays: OfficialDay[] = [];
    for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d = new Date(d.getTime() + 86_400_000)) {
      const date = `${year}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
      const detail = getDayDetail(date);
      const name = holidayName(detail.name);
      if (!name) continue;
      (detail.work ? workdays : holidays).push({ date, name });
    }
    if (holidays.length === 0) out.missingYears.push(year);
    out.holidays.push(...holidays);
    out.workdays.push(...workdays);
  }
  return out;
}
