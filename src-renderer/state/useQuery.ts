/**
 * Load one contract method's answer for a component. The answer of a stale
 * request (input changed meanwhile) is dropped, never shown.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { call, messageOf } from '../api/client';
import type { InputOf, MethodName, OutputOf } from '../api/types';

export interface Query<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  reload(): void;
  /** Replace the data with a fresher answer obtained elsewhere (e.g. tickets/act returns the ticket). */
  set(value: T): void;
}

/** `refresh`: any value whose change should reload (e.g. the alerts revision). */
export function useQuery<M extends MethodName>(method: M, input: InputOf<M> | null, refresh?: unknown): Query<OutputOf<M>> {
  const [data, setData] = useState<OutputOf<M> | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(input !== null);
  const [nonce, setNonce] = useState(0);
  const seq = useRef(0);
  const key = input === null ? null : JSON.stringify(input);

  useEffect(() => {
    if (key === null) return;
    const mine = ++seq.current;
    setLoading(true);
    call(method, JSON.parse(key) as InputOf<M>)
      .then((value) => {
        if (mine !== seq.current) return;
        setData(value);
        setError(null);
      })
      .catch((e: unknown) => {
        if (mine === seq.current) setError(messageOf(e));
      })
      .finally(() => {
        if (mine === seq.current) setLoading(false);
      });
  }, [method, key, nonce, refresh]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const set = useCallback((value: OutputOf<M>) => {
    seq.current++;
    setData(value);
    setError(null);
    setLoading(false);
  }, []);
  return { data, error, loading, reload, set };
}
