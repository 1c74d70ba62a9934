/**
 * A form's one action: busy while it runs, then its outcome as a message —
 * the text the form gives for success, or the server's refusal in the user's
 * language. Returns the action's result, or null when it was refused.
 */
import { useCallback, useState } from 'react';
import { messageOf } from '../api/client';

export interface ActionMessage {
  kind: 'ok' | 'error';
  text: string;
}

export function useAction() {
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<ActionMessage | null>(null);
  const run = useCallback(async <T,>(work: () => Promise<T>, okText?: (result: T) => string): Promise<T | null> => {
    setBusy(true);
    try {
      const result = await work();
      if (okText) setMsg({ kind: 'ok', text: okText(result) });
      return result;
    } catch (e) {
      setMsg({ kind: 'error', text: messageOf(e) });
      return null;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, msg, setMsg, run };
}
