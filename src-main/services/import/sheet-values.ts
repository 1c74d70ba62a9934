/**
 * How a spreadsheet cell becomes the text a person sees, the same for every
 * workbook reader (XLSX and legacy .xls): a date as the wall-clock time Excel
 * shows (Excel has no time zones: the serial number is the local time, and
 * reading it through a JavaScript Date in the machine's zone would shift it),
 * a number without Excel's scientific display, TRUE/FALSE for booleans.
 */

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

const DAY_MS = 86_400_000;
/** Day 0 of Excel's 1900 system from March 1900 on; before, its 1900-02-29 that never was (day 60) shifts days by one. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** A date serial as `YYYY-MM-DD HH:MM:SS`, rounded to the second (09:29:59.9997 is 09:30:00 on screen). */
export function serialToWallClock(serial: number, date1904 = false): string {
  if (!Number.isFinite(serial)) return '';
  const early = !date1904 && serial < 60 ? DAY_MS : 0;
  const ms = (date1904 ? EPOCH_1904 : EPOCH_1900) + early + Math.round(serial * 86_400) * 1000;
  const t = new Date(ms);
  if (Number.isNaN(t.getTime()) || Math.abs(ms) > 8.64e15 - DAY_MS) return '';
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
}

/** An ISO 8601 date written into a cell (XLSX `t="d"`): its digits are the wall-clock time, whatever zone suffix follows. */
export function isoToWallClock(text: string): string {
  const m = text.trim().match(/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/);
  if (!m) return text;
  return `${m[1]}-${m[2]}-${m[3]} ${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}`;
}

/** A number as text: shortest round-trip form, never `1.38e+10` for a phone number. */
export function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : '';
}

/**
 * Built-in number formats that show a date or time: 14–22 everywhere, 27–36
 * and 50–58 in East Asian locales (zh-CN: 年月日 and 时分 formats), 45–47 times.
 */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/**
 * Whether a number format shows a date or time: its first section, with
 * quoted text, escaped characters and bracketed colours/locales removed
 * (but not elapsed-time brackets such as [h]), still has y, m, d, h or s.
 */
export function isDateFormat(id: number, code: string | undefined): boolean {
  if (code === undefined) return BUILTIN_DATE_FORMATS.has(id);
  const section = code.split(';')[0] ?? '';
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .replace(/_.|\*./g, '');
  if (/^general$/i.test(bare.trim())) return false;
  return /[ymdhs]/i.test(bare.replace(/[Ee][+-]/g, ''));
}
