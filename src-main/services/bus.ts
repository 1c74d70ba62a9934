/**
 * In-process signals between services and whatever hosts them: the monitor
 * hears that clocks changed; hosts hear that alerts were raised.
 */
import type { AlertBatch } from '../core/sla/alert-model';
import type { UploadReminder } from '../core/export/reminders';
import type { WarningNotices } from '../core/warnings';

export interface BusEvents {
  'clocks-changed': { earliest: number | null };
  alerts: AlertBatch;
  /** A check (or a supervisor) raised volume warnings or raised their level. */
  warnings: WarningNotices;
  /** An import committed tickets: the volume-warning check runs again. */
  'tickets-imported': { count: number };
  /** Demo data was loaded (a whole history at once): the dispatch model trains again. */
  'demo-loaded': { tickets: number };
  /** Tickets were settled (办结) in the console, after their transaction: the dispatch model learns them. */
  'ticket-settled': { ids: number[] };
  /** A bundle was queued or set to retry now: the outbox worker wakes. */
  'outbox-changed': { id: number };
  /** The monthly report's reminders changed (services/export/reminders.ts). */
  'upload-reminders': { at: number; reminders: UploadReminder[]; fresh: UploadReminder[] };
}

type Listener<K extends keyof BusEvents> = (payload: BusEvents[K]) => void;

export class Bus {
  private readonly listeners = new Map<keyof BusEvents, Set<Listener<never>>>();

  on<K extends keyof BusEvents>(event: K, fn: Listener<K>): () => void {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(fn as Listener<never>);
    return () => this.listeners.get(event)?.delete(fn as Listener<never>);
  }

  emit<K extends keyof BusEvents>(event: K, payload: BusEvents[K]): void {
    for (const fn of this.listeners.get(event) ?? []) (fn as Listener<K>)(payload);
  }
}
