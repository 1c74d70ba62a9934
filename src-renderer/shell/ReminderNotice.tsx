/**
 * The console's notice for the monthly report's fresh reminders (an upload
 * failing for more than a day; last month unsent on the 1st–3rd), shown when
 * the host says they appeared, to those who send the month. It stays until
 * closed or followed to the 上报 page; the notification centre keeps listing
 * them while they hold.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayCall } from '../lib/access';
import { useLastReminders } from '../state/deskEvents';
import { useSession } from '../state/session';
import { reminderText } from './reminderText';

export function ReminderNotice() {
  const { t } = useTranslation();
  const { status } = useSession();
  const last = useLastReminders();
  const [closed, setClosed] = useState<number | null>(null);
  const role = status?.user?.role;
  if (!last || closed === last.seq || !role || !mayCall(role, 'export/months')) return null;
  return (
    <div className="alert-notice reminder-notice" role="status" data-testid="reminder-notice">
      <span>
        <strong>{t('alerts.reminder.title')}</strong>{' '}
        {last.event.fresh.map((r) => reminderText(r, last.event.at, t)).join(t('alerts.notice.sep'))}
      </span>
      <a className="btn small" href="#/hq" onClick={() => setClosed(last.seq)}>
        {t('alerts.reminder.open')}
      </a>
      <button type="button" className="btn small" aria-label={t('alerts.notice.close')} onClick={() => setClosed(last.seq)}>
        ✕
      </button>
    </div>
  );
}
