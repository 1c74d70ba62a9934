/**
 * One subscription to host events for the logged-in shell. Alerts bump a
 * revision that the bell, the Today page and the ticket page reload on; a tray
 * lock ends the session; "open ticket" navigates.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { EVENTS, subscribeDeskEvents } from '../api/events';
import i18n from '../i18n';
import type { AlertBatch, OpenTicketPayload } from '../api/types';
import { navigate, ticketHref } from './route';
import { useSession } from './session';

const AlertsRevision = createContext(0);
const LastBatch = createContext<{ batch: AlertBatch; seq: number } | null>(null);

export function DeskEventsProvider({ children }: { children: ReactNode }) {
  const { endSession } = useSession();
  const [revision, setRevision] = useState(0);
  const [last, setLast] = useState<{ batch: AlertBatch; seq: number } | null>(null);

  useEffect(
    () =>
      subscribeDeskEvents((e) => {
        if (e.type === EVENTS.alerts) {
          setRevision((r) => r + 1);
          const batch = e.payload as AlertBatch | null;
          if (batch && Array.isArray(batch.alerts) && batch.alerts.length > 0) setLast((l) => ({ batch, seq: (l?.seq ?? 0) + 1 }));
        }
        else if (e.type === EVENTS.locked) endSession(i18n.t('auth.lockedByUser'));
        else if (e.type === EVENTS.openTicket) {
          const id = (e.payload as OpenTicketPayload | null)?.id;
          if (typeof id === 'number') navigate(ticketHref(id));
        }
      }),
    [endSession],
  );
  return (
    <AlertsRevision.Provider value={revision}>
      <LastBatch.Provider value={last}>{children}</LastBatch.Provider>
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
