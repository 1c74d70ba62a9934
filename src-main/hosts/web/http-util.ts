import type http from 'node:http';
import type { SessionSlot } from '../../api/handlers';

export const SESSION_COOKIE = 'desk_session';
const MAX_BODY = 2 * 1024 * 1024;

export async function readJsonBody(req: http.IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return { ok: false };
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (!text) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function readCookie(req: http.IncomingMessage, name: string): string | null {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

/** The session token lives in an HttpOnly, SameSite=Strict cookie. */
export function sessionSlotFor(req: http.IncomingMessage): SessionSlot & { cookieHeader(): string | null } {
  let token = readCookie(req, SESSION_COOKIE);
  let changed = false;
  return {
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
