/**
 * Customers' numbers: mainland mobiles and fixed lines with their area code
 * (broadband complaints often give the home line). Stored in one form each:
 * a mobile as its 11 digits, a fixed line as `area-local` (020-12345678,
 * 0757-8123456), so the area code stays readable.
 */
/** Mainland mobile numbers: 11 digits, starting 13–19. */
const MOBILE = /^1[3-9]\d{9}$/;
/** 010 and 020–029 are three-digit area codes with eight-digit local numbers. */
const LANDLINE_3 = /^(0(?:10|2\d))([1-9]\d{7})$/;
/** Every other area code has four digits (0311, 0757…) and a seven- or eight-digit local number. */
const LANDLINE_4 = /^(0[3-9]\d{2})([1-9]\d{6,7})$/;

/**
 * Accepts the number with spaces, dashes, dots or brackets round the area
 * code, or a +86 / 86 / 0086 prefix, as customers and CRMs write it; null when
 * it is neither a mobile nor a fixed line with its area code.
 */
export function normalizePhone(input: string): string | null {
  let digits = input.trim().replace(/[\s\-.()（）]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  // A mainland number starts with 1 (mobile) or 0 (area code), so a leading 86 is the country code.
  else if (digits.startsWith('86') && digits.length >= 11) digits = digits.slice(2);
  if (!/^\d+$/.test(digits)) return null;
  if (MOBILE.test(digits)) return digits;
  // After the country code a fixed line drops its leading 0 (+86 20 12345678).
  const local = /^[2-9]/.test(digits) ? `0${digits}` : digits;
  const m = LANDLINE_3.exec(local) ?? LANDLINE_4.exec(local);
  return m ? `${m[1]}-${m[2]}` : null;
}

/** The digits of a stored number, as the phone search indexes them (020-12345678 → 02012345678). */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, '');
}

/** How many trailing digits a masked number still shows: what 尾号 means. */
export const VISIBLE_TAIL = 4;

/**
 * 138****5678 or 020-****5678: what an agent, a report and the HQ bundle see —
 * a mobile's first three digits, a fixed line's area code, and the last four.
 */
export function maskPhone(phone: string): string {
  const landline = /^(0\d{2,3})-(\d+)$/.exec(phone);
  if (landline) return `${landline[1]}-${'*'.repeat(landline[2]!.length - VISIBLE_TAIL)}${phone.slice(-VISIBLE_TAIL)}`;
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-VISIBLE_TAIL)}`;
}
