/**
 * Where the service process's notices go in the main process: host events to
 * every window, alert batches to the desktop notifications and to the windows
 * whose session is live, the monthly report's reminders to the desktop
 * notifications (fresh ones) and the windows, the deadlines summary (with the
 * reminders) to the tray.
 */
import { DESK_EVENTS, EVENT_CHANNEL, type DeskEvent } from '../../api/bridge';
import type { Locale } from '../../core/messages';
import type { AlertBatch } from '../../core/sla/alert-model';
import type { UploadReminder } from '../../core/export/reminders';
import type { WarningNotices } from '../../core/warnings';
import type { ServiceNotice } from './service-protocol';
import type { TrayCounts, TrayState, TrayTicket } from './tray';
import { trayView } from './tray-view';

export interface NoticeTargets {
  locale: Locale;
  /** The web contents of the open windows. */
  contents(): Array<{ id: number; send(channel: string, event: DeskEvent): void }>;
  tray: { setState(state: TrayState, counts: TrayCounts, tickets: readonly TrayTicket[], notes?: readonly string[]): void };
  notifier: { notify(batch: AlertBatch): void; notifyWarnings(notices: WarningNotices): void; remind(reminders: readonly UploadReminder[], at: number): void };
}

export function routeNotice(notice: ServiceNotice, to: NoticeTargets): void {
  switch (notice.kind) {
    case 'event':
      for (const c of to.contents()) c.send(EVENT_CHANNEL, notice.event);
      return;
    case 'alerts': {
      // The desktop hears every batch, logged in or not; a page only while its session lives.
      to.notifier.notify(notice.batch);
      const event: DeskEvent = { type: DESK_EVENTS.alerts, payload: notice.batch };
      for (const c of to.contents()) if (notice.recipients.includes(c.id)) c.send(EVENT_CHANNEL, event);
      return;
    }
    case 'warnings': {
      to.notifier.notifyWarnings(notice.notices);
      const event: DeskEvent = { type: DESK_EVENTS.warnings, payload: notice.notices };
      for (const c of to.contents()) if (notice.recipients.includes(c.id)) c.send(EVENT_CHANNEL, event);
      return;
    }
    case 'reminders': {
      // A fresh reminder is a desktop notice once; the list goes to the windows (the page shows it if its user sends the month).
      to.notifier.remind(notice.event.fresh, notice.event.at);
      const event: DeskEvent = { type: DESK_EVENTS.reminders, payload: notice.event };
      for (const c of to.contents()) c.send(EVENT_CHANNEL, event);
      return;
    }
    case 'summary': {
      const view = trayView(notice.summary, to.locale);
      to.tray.setState(view.state, view.counts, view.tickets, view.notes);
      return;
    }
  }
}
