/**
 * deadlines/summary, read once for the whole shell (the bell, Today's tiles,
 * and the colour thresholds every countdown uses): reloaded when the host
 * reports alerts and once a minute ("due within 2 h" moves with the clock even
 * when no alert fires).
 */
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { DeadlineSummary } from '../api/types';
import { DEFAULT_TONES, type TimeLeftTones } from '../lib/timeLeft';
import { useAlertsRevision } from './deskEvents';
import { useQuery, type Query } from './useQuery';

const SummaryContext = createContext<Query<DeadlineSummary> | null>(null);

export function DeadlineSummaryProvider({ children }: { children: ReactNode }) {
  const revision = useAlertsRevision();
  const q = useQuery('deadlines/summary', {}, revision);
  const { reload } = q;
  useEffect(() => {
    const timer = window.setInterval(reload, 60_000);
    return () => window.clearInterval(timer);
  }, [reload]);
  return <SummaryContext.Provider value={q}>{children}</SummaryContext.Provider>;
}

export function useDeadlineSummary(): Query<DeadlineSummary> {
  const q = useContext(SummaryContext);
  if (!q) throw new Error('useDeadlineSummary outside DeadlineSummaryProvider');
  return q;
}

/** The branch's countdown colour thresholds; the shipped ones until the summary is in. */
export function useTimeLeftTones(): TimeLeftTones {
  return useContext(SummaryContext)?.data?.timeLeft ?? DEFAULT_TONES;
}
