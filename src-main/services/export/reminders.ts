/**
 * The monthly report's reminders (core/export/reminders.ts) read from the
 * outbox at the console's clock, and the watch that raises them: it runs in
 * the services process beside the outbox worker, looks again every ten
 * minutes, whenever the outbox changes and shortly after tickets change, and tells the hosts (bus
 * 'upload-reminders') whenever the list changes, naming the reminders that
 * are new so a desktop notice is shown once per reminder.
 */
import type { ServiceContext } from '../context';
import { exportMonth } from '../../core/export/revision';
import { previousMonthOf, reminderKey, uploadReminders, type UploadReminder } from '../../core/export/reminders';
import { ExportReader } from '../../db/export-reader';
import { OutboxStore } from '../../db/outbox-store';
import { branchSettings } from '../settings';

export function currentUploadReminders(ctx: ServiceContext): UploadReminder[] {
  const now = ctx.now();
  const { zone } = branchSettings(ctx);
  const store = new OutboxStore(ctx.db);
  const failing = store.failingSince();
  const last = exportMonth(previousMonthOf(now, zone), zone, now)!;
  return uploadReminders({
    now,
    zone,
    uploads: store.all().map((u) => ({
      month: u.month,
      revision: u.revision,
      state: u.state,
      failingSince: failing.get(u.id) ?? null,
      lastError: u.lastError,
      nextAttemptAt: u.nextAttemptAt,
    })),
    lastMonthTickets: new ExportReader(ctx.db).countTickets(last.fromMs, last.toMs),
  });
}

export interface UploadRemindersEvent {
  /** The console's clock when they were read. */
  at: number;
  /** Every reminder that holds now (an empty list clears them). */
  reminders: UploadReminder[];
  /** Those not reported before: each is shown as a desktop notice once. */
  fresh: UploadReminder[];
}

export const REMINDER_CHECK_EVERY_MS = 10 * 60_000;
/** After tickets change (an import may give last month its first tickets), look again this much later, once. */
export const REMINDER_SETTLE_MS = 2_000;

export interface ReminderWatchOptions {
  everyMs?: number;
  log?: (line: string) => void;
}

export class UploadReminderWatch {
  private timer: NodeJS.Timeout | null = null;
  private soon: NodeJS.Timeout | null = null;
  private unsubscribe: (() => void) | null = null;
  private shown = new Set<string>();
  private lastList = '';

  constructor(
    private readonly ctx: ServiceContext,
    private readonly opts: ReminderWatchOptions = {},
  ) {}

  start(): void {
    this.check();
    this.timer = setInterval(() => this.check(), this.opts.everyMs ?? REMINDER_CHECK_EVERY_MS);
    this.timer.unref();
    const offOutbox = this.ctx.bus.on('outbox-changed', () => this.check());
    const offClocks = this.ctx.bus.on('clocks-changed', () => this.checkSoon());
    this.unsubscribe = () => {
      offOutbox();
      offClocks();
    };
  }

  /** Many writes in a row (an import, the demo data) make one look, a moment after the first. */
  private checkSoon(): void {
    if (this.soon) return;
    this.soon = setTimeout(() => {
      this.soon = null;
      this.check();
    }, REMINDER_SETTLE_MS);
    this.soon.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.soon) clearTimeout(this.soon);
    this.timer = null;
    this.soon = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** Look now; tell the hosts if the list changed. Returns what holds now. */
  check(): UploadReminder[] {
    let reminders: UploadReminder[];
    try {
      reminders = currentUploadReminders(this.ctx);
    } catch (e) {
      this.opts.log?.(`upload reminders: ${String(e)}`);
      return [];
    }
    const keys = reminders.map(reminderKey);
    const list = keys.join('|');
    if (list === this.lastList) return reminders;
    this.lastList = list;
    const fresh = reminders.filter((r) => !this.shown.has(reminderKey(r)));
    // A reminder that went away (sent at last) and comes back later is news again.
    this.shown = new Set(keys);
    this.ctx.bus.emit('upload-reminders', { at: this.ctx.now(), reminders, fresh });
    return reminders;
  }
}
