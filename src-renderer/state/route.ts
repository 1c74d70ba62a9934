/**
 * A hash route (#/tickets?q=138…): works the same from file:// in Electron and
 * from the web host, needs no server rewrites, and keeps the back button.
 */
import { useEffect, useState } from 'react';

export type Section = 'today' | 'tickets' | 'refunds' | 'reports' | 'warnings' | 'projects' | 'hq' | 'knowledge' | 'settings';

export type Route =
  | { name: 'section'; section: Section; params: URLSearchParams }
  | { name: 'ticket'; id: number }
  | { name: 'newTicket' }
  | { name: 'importTickets' };

const SECTIONS: readonly Section[] = ['today', 'tickets', 'refunds', 'reports', 'warnings', 'projects', 'hq', 'knowledge', 'settings'];

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'tickets' && parts[1] === 'new') return { name: 'newTicket' };
  if (parts[0] === 'tickets' && parts[1] === 'import') return { name: 'importTickets' };
  if (parts[0] === 'tickets' && parts[1] && /^\d+$/.test(parts[1])) return { name: 'ticket', id: Number(parts[1]) };
  const section = SECTIONS.find((s) => s === parts[0]) ?? 'today';
  return { name: 'section', section, params: new URLSearchParams(query) };
}

export function navigate(path: string): void {
  const target = path.startsWith('#') ? path : `#${path}`;
  if (window.location.hash === target) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else window.location.hash = target;
}

export const ticketHref = (id: number) => `#/tickets/${id}`;

/** The 预警 page at one warning, or (null) at those waiting for review. */
export const warningsHref = (id: number | null) => (id === null ? '#/warnings?state=pending' : `#/warnings?id=${id}`);

export function ticketsHref(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return `#/tickets${s ? `?${s}` : ''}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}
