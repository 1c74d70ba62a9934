/**
 * One subscription to host events for the logged-in shell. Alerts and the
 * monthly report's reminders bump a revision that the bell, the Today page and
 * the ticket page reload on; a tray lock ends the session; "open ticket"
 * and "open warnings" (a clicked desktop notice) navigate.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { EVENTS, subscribeDeskEvents } from '../api/events';
import i18n from '../i18n';
import type { AlertBatch, OpenTicketPayload, OpenWarningsPayload, WarningNotices } from '../api/types';
import { navigate, ticketHref, warningsHref } from './route';
import { useSession } from './session';

const AlertsRevision = createContext(0);
const LastBatch = createContext<{ batch: AlertBatch; seq: number } | null>(null);
const LastWarnings = createContext<{ batch: WarningNotices; seq: number } | null>(null);

export function DeskEventsProvider({ children }: { children: ReactNode }) {
  const { endSession } = useSession();
  const [revision, setRevision] = useState(0);
  const [last, setLast] = useState<{ batch: AlertBatch; seq: number } | null>(null);
  const [warnings, setWarnings] = useState<{ batch: WarningNotices; seq: number } | null>(null);

  useEffect(
    () =>
      subscribeDeskEvents((e) => {
        if (e.type === EVENTS.alerts) {
          setRevision((r) => r + 1);
          const batch = e.payload as AlertBatch | null;
          if (batch && Array.isArray(batch.alerts) && batch.alerts.length > 0) setLast((l) => ({ batch, seq: (l?.seq ?? 0) + 1 }));
        }
        else if (e.type === EVENTS.reminders) {
          // The monthly report's reminders changed: the summary reloads, and with it the bell and the notice (ReminderNotice).
          setRevision((r) => r + 1);
        }
        else if (e.type === EVENTS.warnings) {
          // Volume warnings raised: the bell, Today and the 预警 page reload; the console shows a notice.
          setRevision((r) => r + 1);
          const batch = e.payload as WarningNotices | null;
          if (batch && Array.isArray(batch.notices) && batch.notices.length > 0) setWarnings((l) => ({ batch, seq: (l?.seq ?? 0) + 1 }));
        }
        else if (e.type === EVENTS.locked) endSession(i18n.t('auth.lockedByUser'));
        else if (e.type === EVENTS.openTicket) {
          const id = (e.payload as OpenTicketPayload | null)?.id;
          if (typeof id === 'number') navigate(ticketHref(id));
        }
        else if (e.type === EVENTS.openWarnings) {
          const id = (e.payload as OpenWarningsPayload | null)?.id;
          navigate(warningsHref(typeof id === 'number' ? id : null));
        }
      }),
    [endSession],
  );
  return (
    <AlertsRevision.Provider value={revision}>
      <LastBatch.Provider value={last}>
        <LastWarnings.Provider value={warnings}>{children}</LastWarnings.Provider>
      </LastBatch.Provider>
    </AlertsRevision.Provider>
  );
}

/** Changes whenever the host reports new alerts: use it as a reload key. */
export function useAlertsRevision(): number {
  return useContext(AlertsRevision);
}

/** The latest batch of alerts the host reported (seq tells one batch from the next), for the console's own notice. */
export function useLastAlertBatch(): { batch: AlertBatch; seq: number } | null {
  return useContext(LastBatch);
}

/** The latest volume warnings the host reported (seq tells one check from the next), for the console's notice. */
export function useLastWarnings(): { batch: WarningNotices; seq: number } | null {
  return useContext(LastWarnings);
}
