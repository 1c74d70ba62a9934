/**
 * Personal data in the bundle: customers' phone numbers and names leave the
 * branch masked unless an administrator turned masking off. Free text
 * (a complaint's description, a refund's reason) is masked too, since a
 * customer's number is often typed into it.
 */
import { maskPhone, normalizePhone } from '../phone';

export interface MaskPolicy {
  phones: boolean;
  names: boolean;
}

export const DEFAULT_MASK_POLICY: MaskPolicy = { phones: true, names: true };

/** Mainland mobile numbers inside text, not part of a longer run of digits. */
const MOBILE_IN_TEXT = /(?<!\d)1[3-9]\d{9}(?!\d)/g;

/**
 * 张** : the first character and two stars, whatever the length, so the mask
 * does not tell how long the name was. An empty name stays empty.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  return chars.length === 0 ? '' : `${chars[0]}**`;
}

/**
 * Fixed lines inside text (020-12345678, (0757) 8123456, 02012345678): an area
 * code, an optional bracket, dash or space, then the local number. Broadband
 * complaints carry the home line as often as a mobile, so it leaves masked too.
 */
const LANDLINE_IN_TEXT = /(?<![\d(])\(?0\d{2,3}\)?[-\s]?[1-9]\d{6,7}(?!\d)/g;

export function maskPhonesInText(text: string): string {
  return text
    .replace(MOBILE_IN_TEXT, (m) => maskPhone(m))
    .replace(LANDLINE_IN_TEXT, (m) => {
      const phone = normalizePhone(m);
      return phone ? maskPhone(phone) : m;
    });
}

export function phoneOut(phone: string, p: MaskPolicy): string {
  return p.phones ? maskPhone(phone) : phone;
}

export function nameOut(name: string | null, p: MaskPolicy): string | null {
  return name === null || !p.names ? name : maskName(name);
}

export function textOut(text: string | null, p: MaskPolicy): string | null {
  return text === null || !p.phones ? text : maskPhonesInText(text);
}
