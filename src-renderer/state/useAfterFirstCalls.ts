/**
 * False while a page first mounts, true a moment later: a query held back by
 * it is sent after every call the page's first render sent. The console
 * answers calls one at a time in the order they arrive (one thread), so a
 * slow one sent first would keep the page's quick numbers waiting behind it.
 */
import { useEffect, useState } from 'react';

export function useAfterFirstCalls(): boolean {
  const [after, setAfter] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setAfter(true), 0);
    return () => clearTimeout(timer);
  }, []);
  return after;
}
