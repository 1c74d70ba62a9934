/**
 * Money as integer fen (分), never a float: amounts typed by people are parsed
 * as strings, digit by digit, and shown by integer division. This file imports
 * nothing, so the renderer may use it as a value (see eslint.config.js) and
 * the console parses and shows money exactly as the server does.
 */

export type YuanProblem = 'empty' | 'format' | 'decimals' | 'negative' | 'too_large';
export type YuanParse = { ok: true; fen: number } | { ok: false; problem: YuanProblem };

/** More integer digits than this cannot be exact in fen as a JavaScript number (2^53 ≈ 9.007e15). */
const MAX_INT_DIGITS = 13;

/**
 * "12", "12.3", "12.34", "¥12.34", "￥1,234.50", "80元" → fen. Refuses more than
 * two decimals, a sign, misplaced grouping commas and anything else.
 */
export function checkYuan(text: string): YuanParse {
  let s = text.trim();
  if (s === '') return { ok: false, problem: 'empty' };
  if (/^[-−]/.test(s)) return { ok: false, problem: 'negative' };
  if (s.startsWith('+')) s = s.slice(1);
  // "¥ 12.34" and "80 元" are fine; a space inside the number ("12 34") is not.
  s = s.replace(/^[¥￥]\s*/, '').replace(/\s*元$/, '');
  if (/^[-−]/.test(s)) return { ok: false, problem: 'negative' };
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d*))?$/.exec(s);
  if (!m) return { ok: false, problem: 'format' };
  const whole = m[1]!.replace(/,/g, '').replace(/^0+(?=\d)/, '');
  const decimals = m[2] ?? '';
  if (m[2] !== undefined && decimals === '') return { ok: false, problem: 'format' };
  if (decimals.length > 2) return { ok: false, problem: 'decimals' };
  if (whole.length > MAX_INT_DIGITS) return { ok: false, problem: 'too_large' };
  const fen = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  return { ok: true, fen };
}

/** The amount in fen, or null when the text is not an exact non-negative yuan amount. */
export function parseYuan(text: string): number | null {
  const r = checkYuan(text);
  return r.ok ? r.fen : null;
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 1234 → "¥12.34", 123450 → "¥1,234.50", -500 → "-¥5.00". */
export function formatFen(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not a whole number of fen: ${fen}`);
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  return `${fen < 0 ? '-' : ''}¥${group(String(yuan))}.${String(cents).padStart(2, '0')}`;
}

/** The plain number as a person would retype it: 123450 → "1234.50" (for form fields). */
export function fenToYuanText(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not a whole number of fen: ${fen}`);
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
