/**
 * What the host pushes without being asked: alerts from the timeout monitor,
 * a lock from the tray, "open this ticket" from a notification. Desktop: the
 * preload's onEvent. Browser: the web host's server-sent events (/api/events).
 */
import type { DESK_EVENTS, DeskEvent } from './types';

/** The event names, checked against the bridge's own table at compile time. */
export const EVENTS: typeof DESK_EVENTS = { locked: 'auth/locked', alerts: 'alerts', openTicket: 'open-ticket', openWarnings: 'open-warnings', reminders: 'upload-reminders', warnings: 'warnings' };

export function subscribeDeskEvents(onEvent: (e: DeskEvent) => void): () => void {
  if (window.desk) return window.desk.onEvent(onEvent);
  if (typeof EventSource === 'undefined') return () => undefined;
  const source = new EventSource('/api/events');
  const forward = (type: string) => (m: MessageEvent<string>) => {
    let payload: unknown = null;
    try {
      payload = JSON.parse(m.data) as unknown;
    } catch {
      // A malformed event is dropped; the next refresh catches up anyway.
    }
    onEvent({ type, payload });
  };
  const listeners = Object.values(EVENTS).map((type) => [type, forward(type)] as const);
  for (const [type, fn] of listeners) source.addEventListener(type, fn);
  return () => {
    for (const [type, fn] of listeners) source.removeEventListener(type, fn);
    source.close();
  };
}
