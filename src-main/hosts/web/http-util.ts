import type http from 'node:http';
import type { SessionSlot } from '../../api/handlers';
import type { Locale } from '../../core/messages';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';

export const SESSION_COOKIE = 'desk_session';
const MAX_BODY = 2 * 1024 * 1024;

export type BodyRefusal = 'not_json' | 'too_large' | 'too_deep';
export type JsonBody = { ok: true; value: unknown } | { ok: false; refusal: BodyRefusal };

export async function readJsonBody(req: http.IncomingMessage): Promise<JsonBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return { ok: false, refusal: 'too_large' };
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return { ok: true, value: {} };
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) return { ok: false, refusal: 'too_deep' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, refusal: 'not_json' };
  }
}

const REFUSALS: Record<BodyRefusal, Record<Locale, string>> = {
  not_json: { 'zh-CN': '请求内容不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  too_large: { 'zh-CN': '请求内容超过 2 MB。', en: 'The request body is larger than 2 MB.' },
  too_deep: {
    'zh-CN': `请求内容嵌套超过 ${MAX_JSON_DEPTH} 层。`,
    en: `The request body nests more than ${MAX_JSON_DEPTH} levels deep.`,
  },
};

export function bodyRefusalMessage(refusal: BodyRefusal, locale: Locale): string {
  return REFUSALS[refusal][locale];
}

/** decodeURIComponent, or null for malformed percent-encoding (`%E0%A4%A`) instead of a URIError. */
export function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * The cookie's value; `malformed` when it is there but cannot be decoded. A
 * broken cookie (set by hand or by another app on localhost) is treated as no
 * session and cleared, rather than failing every call until the user finds it.
 */
function readCookie(req: http.IncomingMessage, name: string): { value: string | null; malformed: boolean } {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    const value = safeDecode(v.join('='));
    return value === null ? { value: null, malformed: true } : { value, malformed: false };
  }
  return { value: null, malformed: false };
}

/** The session token lives in an HttpOnly, SameSite=Strict cookie. */
export function sessionSlotFor(req: http.IncomingMessage): SessionSlot & { cookieHeader(): string | null } {
  const cookie = readCookie(req, SESSION_COOKIE);
  let token = cookie.value;
  let changed = cookie.malformed;
  return {
    client: req.socket.remoteAddress ?? 'unknown',
    get: () => token,
    set: (t) => {
      token = t;
      changed = true;
    },
    cookieHeader: () => {
      if (!changed) return null;
      const base = `${SESSION_COOKIE}=${token ? encodeURIComponent(token) : ''}; Path=/; HttpOnly; SameSite=Strict`;
      return token ? base : `${base}; Max-Age=0`;
    },
  };
}

/** Browsers send Origin on cross-site POSTs; when present it must name this host. */
export function isSameOrigin(req: http.IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}
