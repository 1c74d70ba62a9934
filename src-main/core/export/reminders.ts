/**
 * When the console reminds the branch about its monthly report to
 * headquarters, shown in the tray, as a desktop notice and in the
 * notification centre:
 *
 * - a month's upload has been failing for more than a day: its latest
 *   revision's first failed try (or headquarters' refusal) is more than 24 h
 *   old and it has not been sent since;
 * - on the 1st, 2nd and 3rd of a month (the branch's calendar), last month has
 *   not been sent to headquarters — unless it had no tickets (there is nothing
 *   to export) or its upload is already being reported as failing.
 *
 * Pure: the caller reads the outbox and the clock.
 */
import { localDayKey } from '../time';

export const FAILING_REMINDER_AFTER_MS = 24 * 3_600_000;
/** Days of the month (1-based) on which an unsent last month is reminded. */
export const SEND_REMINDER_LAST_DAY = 3;

export type UploadState = 'queued' | 'sending' | 'failed' | 'rejected' | 'sent';

export interface MonthUpload {
  month: string;
  revision: number;
  state: UploadState;
  /** When the first failed (or refused, or interrupted) try of this revision ended; null if none has. */
  failingSince: number | null;
  lastError: string | null;
  nextAttemptAt: number | null;
}

export interface ReminderFacts {
  now: number;
  zone: string;
  /** Every queued revision (any order, any month). */
  uploads: readonly MonthUpload[];
  /** How many tickets last month has (a month without any has nothing to send). */
  lastMonthTickets: number;
}

export type UploadReminder =
  | {
      kind: 'upload_failing';
      month: string;
      revision: number;
      /** 'rejected': headquarters refused it and it will not be tried again; otherwise it is still being retried. */
      state: UploadState;
      failingSince: number;
      lastError: string | null;
      nextAttemptAt: number | null;
    }
  | { kind: 'month_not_sent'; month: string; queued: boolean };

/** A stable key per reminder: a desktop notice is shown once per key. */
export function reminderKey(r: UploadReminder): string {
  return r.kind === 'upload_failing' ? `failing:${r.month}:r${r.revision}` : `unsent:${r.month}`;
}

/** The month before the one `now` falls in on the branch's calendar, as YYYY-MM. */
export function previousMonthOf(now: number, zone: string): string {
  return previousMonth(localDayKey(now, zone));
}

/** The month before the one `dayKey` (YYYYMMDD) falls in, as YYYY-MM. */
function previousMonth(dayKey: string): string {
  const y = Number(dayKey.slice(0, 4));
  const m = Number(dayKey.slice(4, 6));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Each month's latest queued revision. */
function latestPerMonth(uploads: readonly MonthUpload[]): MonthUpload[] {
  const latest = new Map<string, MonthUpload>();
  for (const u of uploads) {
    const seen = latest.get(u.month);
    if (!seen || u.revision > seen.revision) latest.set(u.month, u);
  }
  return [...latest.values()].sort((a, b) => b.month.localeCompare(a.month));
}

export function uploadReminders(f: ReminderFacts): UploadReminder[] {
  const out: UploadReminder[] = [];
  for (const u of latestPerMonth(f.uploads)) {
    if (u.state === 'sent' || u.failingSince === null) continue;
    if (f.now - u.failingSince <= FAILING_REMINDER_AFTER_MS) continue;
    out.push({ kind: 'upload_failing', month: u.month, revision: u.revision, state: u.state, failingSince: u.failingSince, lastError: u.lastError, nextAttemptAt: u.nextAttemptAt });
  }
  const today = localDayKey(f.now, f.zone);
  const day = Number(today.slice(6, 8));
  if (day <= SEND_REMINDER_LAST_DAY && f.lastMonthTickets > 0) {
    const last = previousMonth(today);
    const mine = f.uploads.filter((u) => u.month === last);
    const sent = mine.some((u) => u.state === 'sent');
    if (!sent && !out.some((r) => r.month === last)) out.push({ kind: 'month_not_sent', month: last, queued: mine.length > 0 });
  }
  return out;
}
