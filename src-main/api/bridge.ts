/**
 * What the Electron preload hands the renderer as `window.desk`, and the IPC
 * channel names both sides use. Types and constants only: the sandboxed
 * preload bundles this file, and the renderer may import it with `import type`.
 */
import type { Locale } from '../core/messages';
import type { ApiResponse } from './define';

/** Renderer → main: one contract call (`ipcRenderer.invoke`). */
export const CALL_CHANNEL = 'desk:call';
/** Main → renderer: something happened (a deadline approached, the console locked). */
export const EVENT_CHANNEL = 'desk:event';

/** Event types the hosts push to the renderer. */
export const DESK_EVENTS = {
  /** The session was closed from outside the page (tray "Lock"): show the login screen. */
  locked: 'auth/locked',
} as const;

export interface DeskEvent {
  type: string;
  payload: unknown;
}

export interface DeskBridge {
  call(method: string, input: unknown, locale: Locale): Promise<ApiResponse<unknown>>;
  /** Subscribe to host events; returns the unsubscribe function. */
  onEvent(cb: (e: DeskEvent) => void): () => void;
}
