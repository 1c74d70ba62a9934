/**
 * The console's one way to run an action: busy while it runs (buttons bound
 * to `busy` are disabled, so a second click sends nothing), then its outcome
 * as a message — the text the form gives for success, or the server's refusal
 * in the user's language with its code and details, for a form that treats
 * one refusal its own way (a duplicate refund, a rule the server named).
 * Returns the action's result, or null when it was refused.
 *
 * Options: `ok` words the success; `refused` sees the refusal (a form marks
 * the field the server named); `doing` says what is under way, for a page that runs several actions and
 * words each one (the import's "uploading 40 %", the month being exported);
 * `setDoing` lets a long action report its progress.
 */
import { useCallback, useState } from 'react';
import { ApiFailure, messageOf } from '../api/client';

export interface ActionMessage {
  kind: 'ok' | 'warn' | 'error';
  text: string;
  /** A refusal's error code ('error' when the call failed without one). */
  code?: string;
  details?: unknown;
}

export interface RunOptions<T, Doing> {
  /** The message once it worked; without it the form says nothing (or shows the outcome itself). */
  ok?: (result: T) => string;
  /** What is under way while it runs (true when not given). */
  doing?: Doing;
  /** Called with the refusal's message (its code and details too), for a form that marks fields or asks a question. */
  refused?: (refusal: ActionMessage) => void;
}

export function useAction<Doing = true>() {
  const [doing, setDoing] = useState<Doing | null>(null);
  const [msg, setMsg] = useState<ActionMessage | null>(null);
  const run = useCallback(async <T,>(work: () => Promise<T>, options: RunOptions<T, Doing> = {}): Promise<T | null> => {
    setDoing(options.doing ?? (true as Doing));
    setMsg(null);
    try {
      const result = await work();
      if (options.ok) setMsg({ kind: 'ok', text: options.ok(result) });
      return result;
    } catch (e) {
      const failure = e instanceof ApiFailure ? e : null;
      const refusal: ActionMessage = { kind: 'error', text: messageOf(e), code: failure?.code ?? 'error', details: failure?.details };
      setMsg(refusal);
      options.refused?.(refusal);
      return null;
    } finally {
      setDoing(null);
    }
  }, []);
  return { busy: doing !== null, doing, setDoing, msg, setMsg, run };
}
