/**
 * The messages between the Electron main process and the service process.
 * Plain structured-clone data; the main process is only a relay, so these
 * mirror the contract call and add who is calling (one session per window).
 */
import type { ApiResponse } from '../../api/define';
import type { DeskEvent } from '../../api/bridge';
import type { Locale } from '../../core/messages';

/** A contract call made by the renderer in webContents `senderId`. */
export interface CallRequest {
  kind: 'call';
  id: number;
  senderId: number;
  method: string;
  input: unknown;
  locale: Locale;
}

export type ServiceRequest =
  | CallRequest
  /** A window went away: forget its session. */
  | { kind: 'release'; senderId: number }
  /** Tray/menu "Lock": close every session so the next person must log in. */
  | { kind: 'lock' }
  /** Close the database (WAL checkpoint) and exit. */
  | { kind: 'shutdown' };

export type ServiceMessage =
  | { kind: 'response'; id: number; response: ApiResponse<unknown> }
  /** Forwarded by main to every window (and, later, to the tray). */
  | { kind: 'event'; event: DeskEvent };

/** The one piece of a utility process (or a stand-in) the relay needs. */
export interface ServicePort {
  postMessage(message: ServiceRequest): void;
  on(event: 'message', listener: (message: ServiceMessage) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}
