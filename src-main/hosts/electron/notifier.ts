/**
 * Desktop notifications for alert batches and the monthly report's
 * reminders. Clicking one brings the console to the front, a notice about
 * one ticket opens that ticket, and one about volume warnings the 预警 page.
 */
import { Notification } from 'electron';
import type { Locale } from '../../core/messages';
import type { AlertBatch } from '../../core/sla/alert-model';
import { noticesFor, type Notice } from './alert-notices';
import type { UploadReminder } from '../../core/export/reminders';
import { reminderText } from './reminder-words';
import type { WarningNotices } from '../../core/warnings';
import { warningNoticeText } from './warning-notices';

export interface NotifierActions {
  open(): void;
  openTicket(id: number): void;
  /** The 预警 page: at one warning, or (null) at those waiting for review. */
  openWarnings(id: number | null): void;
}

/**
 * Shown notifications are kept until closed or clicked: one that is garbage
 * collected no longer reports its click. The oldest are let go past this many.
 */
const KEPT = 20;

export class AlertNotifier {
  private readonly shown: Notification[] = [];

  constructor(
    private readonly locale: Locale,
    private readonly actions: NotifierActions,
  ) {}

  /** The monthly report's fresh reminders, one notice each, worded at `at` (the service's clock); a click opens the console. */
  remind(reminders: readonly UploadReminder[], at: number): void {
    if (!Notification.isSupported()) return;
    for (const r of reminders) this.show({ ...reminderText(r, at, this.locale), ticketId: null });
  }

  notify(batch: AlertBatch): void {
    if (!Notification.isSupported()) return;
    for (const notice of noticesFor(batch, this.locale)) this.show(notice);
  }

  private show(notice: Notice): void {
    const n = new Notification({ title: notice.title, body: notice.body });
    const { ticketId } = notice;
    n.on('click', () => {
      this.forget(n);
      if (ticketId === null) this.actions.open();
      else this.actions.openTicket(ticketId);
    });
    n.on('close', () => this.forget(n));
    this.keep(n);
    n.show();
  }

  /** One notice per check that raised warnings; a click opens the 预警 page at the warning it names, or at those waiting for review. */
  notifyWarnings(batch: WarningNotices): void {
    const text = warningNoticeText(batch, this.locale);
    if (!text || !Notification.isSupported()) return;
    const n = new Notification({ title: text.title, body: text.body });
    const only = batch.notices.length === 1 ? batch.notices[0]!.id : null;
    n.on('click', () => {
      this.forget(n);
      this.actions.openWarnings(only);
    });
    n.on('close', () => this.forget(n));
    this.keep(n);
    n.show();
  }

  private keep(n: Notification): void {
    this.shown.push(n);
    if (this.shown.length > KEPT) this.shown.shift();
  }

  private forget(n: Notification): void {
    const i = this.shown.indexOf(n);
    if (i >= 0) this.shown.splice(i, 1);
  }
}
