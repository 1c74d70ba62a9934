/** One sentence per monthly-report reminder (core/export/reminders.ts), for the notice and the notification centre. */
import type { TFunction } from 'i18next';
import type { UploadReminder } from '../api/types';
import { formatDuration } from '../lib/duration';

export function reminderText(r: UploadReminder, now: number, t: TFunction): string {
  if (r.kind === 'month_not_sent') return t(r.queued ? 'alerts.reminder.unsentQueued' : 'alerts.reminder.unsent', { month: r.month });
  const head =
    r.state === 'rejected'
      ? t('alerts.reminder.rejected', { month: r.month, revision: String(r.revision) })
      : t('alerts.reminder.failing', { month: r.month, revision: String(r.revision), since: formatDuration(now - r.failingSince, t) });
  return r.lastError ? t('alerts.reminder.withError', { text: head, error: r.lastError }) : head;
}
