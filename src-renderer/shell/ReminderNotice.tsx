/**
 * The console's notice for the monthly report's reminders (an upload failing
 * for more than a day; last month unsent on the 1st–3rd), to those who send
 * the month. It shows every reminder that holds now (deadlines/summary,
 * reloaded whenever the host reports reminders changing) and that this
 * browser session has not closed. It used to show only what the host's event
 * named as it happened, so a reminder raised before the shell subscribed —
 * the demo data loaded during first-run setup, a supervisor logging in on the
 * 1st to a reminder raised overnight — never had its notice. Closing it, or
 * following it to the 上报 page, keeps those reminders closed for the session;
 * the notification centre keeps listing them while they hold.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reminderKey } from '../../src-main/core/export/reminders';
import { mayCall } from '../lib/access';
import { useDeadlineSummary } from '../state/deadlineSummary';
import { useNow } from '../state/useNow';
import { useSession } from '../state/session';
import { reminderText } from './reminderText';

const CLOSED_KEY = 'complaint-desk.closed-reminders';

function closedReminders(): ReadonlySet<string> {
  try {
    const kept: unknown = JSON.parse(window.sessionStorage.getItem(CLOSED_KEY) ?? '[]');
    return new Set(Array.isArray(kept) ? kept.filter((k): k is string => typeof k === 'string') : []);
  } catch {
    return new Set();
  }
}

export function ReminderNotice() {
  const { t } = useTranslation();
  const { status } = useSession();
  const summary = useDeadlineSummary();
  const now = useNow(60_000);
  const [closed, setClosed] = useState(closedReminders);
  const role = status?.user?.role;
  const open = (summary.data?.uploadReminders ?? []).filter((r) => !closed.has(reminderKey(r)));
  if (open.length === 0 || !role || !mayCall(role, 'export/months')) return null;
  const close = () => {
    const next = new Set([...closed, ...open.map(reminderKey)]);
    try {
      window.sessionStorage.setItem(CLOSED_KEY, JSON.stringify([...next]));
    } catch {
      // Storage refused (a private window's quota): closed for as long as the page stays.
    }
    setClosed(next);
  };
  return (
    <div className="alert-notice reminder-notice" role="status" data-testid="reminder-notice">
      <span>
        <strong>{t('alerts.reminder.title')}</strong>{' '}
        {open.map((r) => reminderText(r, now, t)).join(t('alerts.notice.sep'))}
      </span>
      <a className="btn small" href="#/hq" onClick={close}>
        {t('alerts.reminder.open')}
      </a>
      <button type="button" className="btn small" aria-label={t('alerts.notice.close')} onClick={close}>
        ✕
      </button>
    </div>
  );
}
