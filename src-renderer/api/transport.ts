/**
 * How a call reaches the backend. In Electron the preload exposes
 * `window.desk` (IPC); in a browser the web host answers POST /api/<method>.
 * Both answer the same ApiResponse, so the client above does not care which.
 */
import type { Locale } from '../i18n';
import type { ApiResponse, DeskBridge } from './types';

declare global {
  interface Window {
    desk?: DeskBridge;
  }
}

export type Transport = (method: string, input: unknown, locale: Locale) => Promise<ApiResponse<unknown>>;

/** Raised for answers that never reached the contract (no server, a proxy's HTML page). */
export class TransportError extends Error {
  constructor(
    readonly kind: 'network' | 'bad_response',
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
    this.name = 'TransportError';
  }
}

const ipc =
  (bridge: DeskBridge): Transport =>
  (method, input, locale) =>
    bridge.call(method, input, locale);

const http: Transport = async (method, input, locale) => {
  let res: Response;
  try {
    res = await fetch(`/api/${method}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-Desk-Locale': locale },
      body: JSON.stringify(input ?? {}),
    });
  } catch (e) {
    throw new TransportError('network', e instanceof Error ? e.message : String(e));
  }
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new TransportError('bad_response', String(res.status));
  }
  if (!body || typeof body !== 'object' || !('ok' in body)) throw new TransportError('bad_response', String(res.status));
  return body as ApiResponse<unknown>;
};

export function pickTransport(): { kind: 'desktop' | 'web'; send: Transport } {
  const bridge = typeof window !== 'undefined' ? window.desk : undefined;
  return bridge ? { kind: 'desktop', send: ipc(bridge) } : { kind: 'web', send: http };
}
