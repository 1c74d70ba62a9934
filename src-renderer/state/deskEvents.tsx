/**
 * One subscription to host events for the logged-in shell. Alerts bump a
 * revision that the bell, the Today page and the ticket page reload on; a tray
 * lock ends the session; "open ticket" navigates.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { EVENTS, subscribeDeskEvents } from '../api/events';
import i18n from '../i18n';
import type { OpenTicketPayload } from '../api/types';
import { navigate, ticketHref } from './route';
import { useSession } from './session';

const AlertsRevision = createContext(0);

export function DeskEventsProvider({ children }: { children: ReactNode }) {
  const { endSession } = useSession();
  const [revision, setRevision] = useState(0);

  useEffect(
    () =>
      subscribeDeskEvents((e) => {
        if (e.type === EVENTS.alerts) setRevision((r) => r + 1);
        else if (e.type === EVENTS.locked) endSession(i18n.t('auth.lockedByUser'));
        else if (e.type === EVENTS.openTicket) {
          const id = (e.payload as OpenTicketPayload | null)?.id;
          if (typeof id === 'number') navigate(ticketHref(id));
        }
      }),
    [endSession],
  );
  return <AlertsRevision.Provider value={revision}>{children}</AlertsRevision.Provider>;
}

/** Changes whenever the host reports new alerts: use it as a reload key. */
export function useAlertsRevision(): number {
  return useContext(AlertsRevision);
}
