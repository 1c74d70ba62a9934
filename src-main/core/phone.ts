/** Mainland mobile numbers: 11 digits, starting 13–19. */
const MOBILE = /^1[3-9]\d{9}$/;

/** Accepts the number with spaces or dashes, or a +86 / 86 prefix, as customers and CRMs write it. */
export function normalizePhone(input: string): string | null {
  let digits = input.replace(/[\s-]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  return MOBILE.test(digits) ? digits : null;
}

/** 138****5678: what an agent, a report and the HQ bundle see. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
