/**
 * Personal data in the bundle: customers' phone numbers and names leave the
 * branch masked unless an administrator turned masking off. Free text
 * (a complaint's description, a refund's reason) is masked too, since a
 * customer's number is often typed into it.
 */
import { maskPhone } from '../phone';

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

export function maskPhonesInText(text: string): string {
  return text.replace(MOBILE_IN_TEXT, (m) => maskPhone(m));
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
