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
  /**
   * The timeout monitor raised alerts; payload: AlertBatch (core/sla/alert-model.ts).
   * Sent only to windows whose session is live. The web host's event stream
   * uses the same type name.
   */
  alerts: 'alerts',
  /**
   * The tray menu or an OS notification asked for one ticket; payload:
   * OpenTicketPayload. The window has already been brought to the front.
   */
  openTicket: 'open-ticket',
  /**
   * An OS notification about volume warnings was clicked; payload:
   * OpenWarningsPayload. The window has already been brought to the front.
   */
  openWarnings: 'open-warnings',
  /**
   * The monthly report's reminders changed; payload: UploadRemindersEvent
   * (services/export/reminders.ts: every reminder that holds, and the fresh
   * ones). The web host's event stream uses the same type name.
   */
  reminders: 'upload-reminders',
  /**
   * The warning check raised volume warnings or raised their level; payload:
   * WarningNotices (core/warnings/lifecycle.ts). Live sessions only, as alerts.
   */
  warnings: 'warnings',
} as const;

export interface OpenWarningsPayload {
  /** The one warning the notice named, or null for a notice counting several (the list of those waiting review). */
  id: number | null;
}

export interface OpenTicketPayload {
  /** The ticket's id (as in `tickets/get`), not its number. */
  id: number;
}

export interface DeskEvent {
  type: string;
  payload: unknown;
}

export interface DeskBridge {
  call(method: string, input: unknown, locale: Locale): Promise<ApiResponse<unknown>>;
  /** Subscribe to host events; returns the unsubscribe function. */
  onEvent(cb: (e: DeskEvent) => void): () => void;
  /** Electron only: save the page as an A4 PDF where the user chooses (path null: cancelled). */
  printToPdf?(suggestedName: string, header?: { title: string; pageLabel: string }): Promise<{ path: string | null }>;
  /** Electron only: save a file the console made (an XLSX or CSV export) where the user chooses (path null: cancelled). */
  saveFile?(suggestedName: string, data: Uint8Array): Promise<{ path: string | null }>;
}

/** Renderer → main: print the calling page to a PDF file (the Reports page's monthly report). */
export const PRINT_PDF_CHANNEL = 'desk:print-pdf';

/** Renderer → main: save bytes the page holds (an export) to a file the user picks in the save dialog. */
export const SAVE_FILE_CHANNEL = 'desk:save-file';
