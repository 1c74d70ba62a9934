/**
 * DNS rebinding: a page on attacker.example can have its name re-pointed at
 * 127.0.0.1 and then talk to the console as a same-origin page (Origin and
 * Host then agree). The browser still sends `Host: attacker.example`, so the
 * host answers only requests whose Host names it by a name it was bound to.
 */
import type http from 'node:http';
import { isIP } from 'node:net';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** How a name appears as URL.hostname: lower case, IPv6 in brackets. */
function hostnameOf(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return null;
  const bracketed = trimmed.includes(':') && !trimmed.startsWith('[') ? `[${trimmed}]` : trimmed;
  try {
    return new URL(`http://${bracketed}`).hostname;
  } catch {
    return null;
  }
}

export interface AllowedHosts {
  names: ReadonlySet<string>;
  /**
   * Listening on every interface (0.0.0.0, ::): colleagues type the machine's
   * address, so any IP literal is accepted too. Rebinding needs a DNS name
   * (the attacker's page keeps its own origin), so an IP literal cannot be one.
   */
  anyAddress: boolean;
}

/** The loopback names plus every name the host was started with (`serve --host`). */
export function allowedHostNames(given: readonly string[] = []): AllowedHosts {
  const names = new Set(LOOPBACK_NAMES);
  let anyAddress = false;
  for (const name of given) {
    const h = hostnameOf(name);
    if (h === '0.0.0.0' || h === '[::]') anyAddress = true;
    else if (h) names.add(h);
  }
  return { names, anyAddress };
}

/** Whether the request's Host header (port aside) is one of the allowed names. */
export function isAllowedHost(req: http.IncomingMessage, allowed: AllowedHosts): boolean {
  const header = req.headers.host;
  if (!header) return false;
  let hostname: string;
  try {
    const url = new URL(`http://${header}`);
    if (url.username !== '' || url.pathname !== '/') return false;
    hostname = url.hostname;
  } catch {
    return false;
  }
  if (allowed.names.has(hostname)) return true;
  return allowed.anyAddress && isIP(hostname.replace(/^\[|\]$/g, '')) !== 0;
}
