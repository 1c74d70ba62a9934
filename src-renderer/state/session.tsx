/**
 * Who is logged in, and the branch they work for. Any call refused with
 * `locked` or `unauthenticated` ends the session here, whatever screen made
 * it, and the login screen then says why (the server's own words).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { call, messageOf, onCallFailure, SESSION_ENDED } from '../api/client';
import type { AuthStatus, BranchSettings, UserInfo } from '../api/types';

interface SessionValue {
  status: AuthStatus | null;
  /** Why the user is looking at the login screen (locked, logged out). */
  notice: string | null;
  /** Set when auth/status itself failed (no server). */
  loadError: string | null;
  setStatus(status: AuthStatus): void;
  endSession(notice: string | null): void;
  reload(): void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatusState] = useState<AuthStatus | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const reload = useCallback(() => {
    setLoadError(null);
    call('auth/status', {})
      .then(setStatusState)
      .catch((e: unknown) => setLoadError(messageOf(e)));
  }, []);

  useEffect(reload, [reload]);

  // The page sends several calls at once: the first to arrive after the lock says why ("locked"), the
  // others then find no session ("unauthenticated"). The first reason is the one the user must read.
  const ended = useRef(false);
  const endSession = useCallback((why: string | null) => {
    if (!ended.current || why === null) setNotice(why);
    ended.current = true;
    setStatusState((s) => (s ? { ...s, user: null } : s));
  }, []);

  useEffect(
    () =>
      onCallFailure((failure) => {
        if (SESSION_ENDED.has(failure.code)) endSession(failure.message);
      }),
    [endSession],
  );

  const setStatus = useCallback((s: AuthStatus) => {
    setStatusState(s);
    if (s.user) {
      ended.current = false;
      setNotice(null);
    }
  }, []);

  const value = useMemo(
    () => ({ status, notice, loadError, setStatus, endSession, reload }),
    [status, notice, loadError, setStatus, endSession, reload],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** The logged-in user; only used below the app shell, which renders only with one. */
export function useUser(): UserInfo {
  const user = useSession().status?.user;
  if (!user) throw new Error('useUser without a logged-in user');
  return user;
}

export function useBranch(): BranchSettings {
  const branch = useSession().status?.branch;
  return branch ?? { branchName: '', branchId: '', zone: 'Asia/Shanghai' };
}
