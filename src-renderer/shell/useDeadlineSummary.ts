import { useEffect } from 'react';
import { useAlertsRevision } from '../state/deskEvents';
import { useQuery } from '../state/useQuery';

/**
 * deadlines/summary, reloaded when the host reports alerts and once a minute
 * ("due within 2 h" moves with the clock even when no alert fires).
 */
export function useDeadlineSummary() {
  const revision = useAlertsRevision();
  const q = useQuery('deadlines/summary', {}, revision);
  const { reload } = q;
  useEffect(() => {
    const timer = window.setInterval(reload, 60_000);
    return () => window.clearInterval(timer);
  }, [reload]);
  return q;
}
