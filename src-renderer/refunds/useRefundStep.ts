/** Send one refund step and keep its outcome: the ticket's refunds as they now stand, or the server's refusal. */
import { useCallback, useState } from 'react';
import { ApiFailure, call, messageOf } from '../api/client';
import type { InputOf } from '../api/types';
import type { TicketRefunds } from './types';

export type StepMethod = 'refunds/create' | 'refunds/submit' | 'refunds/approve' | 'refunds/reject' | 'refunds/execute' | 'refunds/reverse';

export interface StepFailure {
  code: string;
  message: string;
}

export function useRefundStep() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<StepFailure | null>(null);
  const run = useCallback(async <M extends StepMethod>(method: M, input: InputOf<M>): Promise<TicketRefunds | null> => {
    setBusy(true);
    setError(null);
    try {
      return (await call(method, input)) as TicketRefunds;
    } catch (e) {
      setError({ code: e instanceof ApiFailure ? e.code : 'error', message: messageOf(e) });
      return null;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, clearError: useCallback(() => setError(null), []) };
}
