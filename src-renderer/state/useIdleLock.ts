/**
 * Locks the console after the branch's inactivity limit even if no call is
 * made meanwhile: on a shared workstation the screen itself must not stay open.
 * (The server also locks the session; this covers a screen left untouched.)
 */
import { useEffect, useRef } from 'react';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'pointermove'] as const;

export function useIdleLock(minutes: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  onIdleRef.current = onIdle;
  useEffect(() => {
    if (!(minutes > 0)) return;
    const limit = minutes * 60_000;
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    for (const e of ACTIVITY) window.addEventListener(e, touch, { passive: true });
    // Checking every few seconds survives a sleeping laptop, which a single long timeout would not.
    const timer = window.setInterval(() => {
      if (Date.now() - last >= limit) onIdleRef.current();
    }, 5_000);
    return () => {
      window.clearInterval(timer);
      for (const e of ACTIVITY) window.removeEventListener(e, touch);
    };
  }, [minutes]);
}
