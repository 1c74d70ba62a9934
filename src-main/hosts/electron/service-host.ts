/**
 * The service process's side of the relay: one SessionSlot per window
 * (webContents id), each request answered through the one API server. Kept
 * apart from the process entry so tests can drive it without Electron.
 */
import { DESK_EVENTS } from '../../api/bridge';
import { toApiError } from '../../api/errors';
import type { SessionSlot } from '../../api/handlers';
import type { ApiServer } from '../../api/server';
import type { CallRequest, ServiceMessage, ServiceRequest } from './service-protocol';

export interface ServiceHost {
  /** Handle one request; `post` sends replies and events back to main. */
  handle(request: ServiceRequest): Promise<void>;
}

/**
 * `server` is either the opened API server or the error that stopped the
 * database from opening (too new, corrupt): then every call is answered with
 * that error in the caller's language, so the window can say what is wrong.
 */
export function createServiceHost(
  server: ApiServer | Error,
  post: (message: ServiceMessage) => void,
  onShutdown: () => void,
): ServiceHost {
  const tokens = new Map<number, string>();

  const slotFor = (senderId: number): SessionSlot => ({
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
  }

  function closeSession(senderId: number): void {
    if (!(server instanceof Error)) server.sessions.close(tokens.get(senderId));
    tokens.delete(senderId);
  }

  return {
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
