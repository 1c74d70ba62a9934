/**
 * Headers every response carries, whatever it is: no MIME sniffing (a JSON
 * answer is never run as a script or page), no framing (clickjacking), no
 * referrer, and nothing readable by another origin's page.
 */
import type http from 'node:http';

export const BASE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
  'cross-origin-opener-policy': 'same-origin',
};

/** API answers are data, never a document: a CSP that allows nothing. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

export function setBaseSecurityHeaders(res: http.ServerResponse): void {
  for (const [name, value] of Object.entries(BASE_SECURITY_HEADERS)) res.setHeader(name, value);
}
