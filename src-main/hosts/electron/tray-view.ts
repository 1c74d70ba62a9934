/**
 * What the tray shows for a deadlines summary: the state (breached beats
 * approaching beats clear), the counts for the tooltip, and the five most
 * urgent tickets for the menu with their clock and time left.
 */
import type { Locale } from '../../core/messages';
import { timeLeft } from './alert-words';
import { label } from './labels';
import { reminderLine } from './reminder-words';
import type { TraySummary } from './service-protocol';
import type { TrayCounts, TrayState, TrayTicket } from './tray';

export interface TrayView {
  state: TrayState;
  counts: TrayCounts;
  tickets: TrayTicket[];
  /** The monthly report's reminders, one menu line each. */
  notes: string[];
}

export function trayView(summary: TraySummary, locale: Locale): TrayView {
  const { breached, approaching } = summary.counts;
  return {
    state: breached > 0 ? 'breached' : approaching > 0 ? 'approaching' : 'clear',
    counts: { breached, approaching, warnings: summary.newWarnings ?? 0 },
    tickets: summary.urgent.slice(0, 5).map((u) => ({
      id: u.ticketId,
      ticketNo: u.ticketNo,
      detail: `${label(u.clock, locale)} · ${timeLeft(u.dueAt, summary.at, locale)}`,
    })),
    notes: (summary.reminders ?? []).map((r) => reminderLine(r, locale)),
  };
}
