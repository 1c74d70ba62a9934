/**
 * The messages between the Electron main process and the service process.
 * Plain structured-clone data; the main process is only a relay, so these
 * mirror the contract call and add who is calling (one session per window).
 */
import type { ApiResponse } from '../../api/define';
import type { DeskEvent } from '../../api/bridge';
import type { Locale } from '../../core/messages';
import type { AlertBatch } from '../../core/sla/alert-model';
import type { WarningNotices } from '../../core/warnings';
import type { ClockKind } from '../../core/sla/policy';
import type { UploadReminder } from '../../core/export/reminders';
import type { UploadRemindersEvent } from '../../services/export/reminders';

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

/** What the tray shows: the counts and the five most urgent running clocks, read at `at`. */
export interface TraySummary {
  /** The service's clock when this was read: the menu's "time left" counts from here. */
  at: number;
  counts: { breached: number; approaching: number };
  /** Open volume warnings not yet reviewed. */
  newWarnings?: number;
  urgent: Array<{ ticketId: number; ticketNo: string; clock: ClockKind; dueAt: number }>;
  /** The monthly report's reminders (failing for more than a day; last month not sent on the 1st–3rd). */
  reminders: UploadReminder[];
}

/** What the service process says without being asked. */
export type ServiceNotice =
  /** Forwarded by main to every window. */
  | { kind: 'event'; event: DeskEvent }
  /**
   * The monitor raised alerts. Main notifies the desktop about every batch but
   * forwards it only to the windows (webContents ids) whose session is live.
   */
  | { kind: 'alerts'; batch: AlertBatch; recipients: number[] }
  /**
   * The monthly report's reminders changed: main shows each fresh one as a
   * desktop notice and passes the list to the windows (the page's notice and
   * notification centre).
   */
  | { kind: 'reminders'; event: UploadRemindersEvent }
  /** Sent at start, after each batch, after writes and every minute: main redraws the tray. */
  | { kind: 'summary'; summary: TraySummary }
  /** The warning check raised volume warnings: a desktop notice, and the live windows hear it. */
  | { kind: 'warnings'; notices: WarningNotices; recipients: number[] };

export type ServiceMessage = { kind: 'response'; id: number; response: ApiResponse<unknown> } | ServiceNotice;

/** The one piece of a utility process (or a stand-in) the relay needs. */
export interface ServicePort {
  postMessage(message: ServiceRequest): void;
  on(event: 'message', listener: (message: ServiceMessage) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}
