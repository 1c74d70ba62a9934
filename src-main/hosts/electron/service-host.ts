/**
 * The service process's side of the relay: one SessionSlot per window
 * (webContents id), each request answered through the one API server. It
 * knows which windows have a live session, so alerts go only to those. Kept
 * apart from the process entry so tests can drive it without Electron.
 */
import { DESK_EVENTS } from '../../api/bridge';
import { toApiError } from '../../api/errors';
import type { SessionSlot } from '../../api/handlers';
import type { ApiServer } from '../../api/server';
import type { AlertBatch } from '../../core/sla/alert-model';
import type { WarningNotices } from '../../core/warnings';
import type { CallRequest, ServiceMessage, ServiceRequest } from './service-protocol';

export interface ServiceHost {
  /** Handle one request; `post` sends replies and events back to main. */
  handle(request: ServiceRequest): Promise<void>;
  /** Pass a batch of alerts to main, naming the windows whose session is live. */
  alerts(batch: AlertBatch): void;
  /** Pass volume warnings raised to main, the same way. */
  warnings(notices: WarningNotices): void;
}

/**
 * `server` is either the opened API server or the error that stopped the
 * database from opening (too new, corrupt): then every call is answered with
 * that error in the caller's language, so the window can say what is wrong.
 * `afterCall` hears each method that succeeded (the tray refreshes after writes).
 */
export function createServiceHost(
  server: ApiServer | Error,
  post: (message: ServiceMessage) => void,
  onShutdown: () => void,
  afterCall: (method: string) => void = () => {},
): ServiceHost {
  const tokens = new Map<number, string>();

  const slotFor = (senderId: number): SessionSlot => ({
    // Login throttling counts per client: on the desktop, per window.
    client: `desktop:${senderId}`,
    get: () => tokens.get(senderId) ?? null,
    set: (token) => {
      if (token) tokens.set(senderId, token);
      else tokens.delete(senderId);
    },
  });

  async function call(req: CallRequest): Promise<void> {
    const response =
      server instanceof Error
        ? { ok: false as const, error: toApiError(server, req.locale) }
        : await server.call(req.method, req.input, slotFor(req.senderId), req.locale);
    post({ kind: 'response', id: req.id, response });
    if (response.ok) afterCall(req.method);
  }

  /** Windows whose session is live now; peeking is not activity, so it never keeps a console unlocked. */
  function liveWindows(): number[] {
    if (server instanceof Error) return [];
    return [...tokens].filter(([, token]) => server.sessions.peek(token)).map(([senderId]) => senderId);
  }

  function closeSession(senderId: number): void {
    if (!(server instanceof Error)) server.sessions.close(tokens.get(senderId));
    tokens.delete(senderId);
  }

  return {
    alerts(batch) {
      post({ kind: 'alerts', batch, recipients: liveWindows() });
    },
    warnings(notices) {
      post({ kind: 'warnings', notices, recipients: liveWindows() });
    },
    async handle(req) {
      switch (req.kind) {
        case 'call':
          return call(req);
        case 'release':
          return closeSession(req.senderId);
        case 'lock':
          for (const senderId of [...tokens.keys()]) closeSession(senderId);
          post({ kind: 'event', event: { type: DESK_EVENTS.locked, payload: null } });
          return;
        case 'shutdown':
          return onShutdown();
      }
    },
  };
}
