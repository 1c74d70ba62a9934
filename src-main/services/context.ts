/**
 * What every use case needs: the database, the readers and writers over it, and
 * the one clock. Tests pin `now`; nothing in services reads the system clock.
 */
import type { Db } from '../db/open';
import { TicketReader } from '../db/ticket-reader';
import { TicketWriter } from '../db/ticket-writer';
import { UserReader, UserWriter } from '../db/users';
import { SettingsStore } from '../db/settings';
import { CategoryStore } from '../db/categories';
import { AuditLog } from '../db/audit';
import type { TicketsChangedHook } from './ticket-hooks';
import { recomputeClocks } from './clocks';
import { Bus } from './bus';

export interface ServiceContext {
  db: Db;
  now: () => number;
  read: { tickets: TicketReader; users: UserReader };
  write: { tickets: TicketWriter; users: UserWriter };
  settings: SettingsStore;
  categories: CategoryStore;
  audit: AuditLog;
  /** What runs whenever tickets change (see ticket-hooks.ts). */
  hooks: { ticketsChanged: TicketsChangedHook[] };
  bus: Bus;
}

export function createContext(db: Db, now: () => number = Date.now): ServiceContext {
  return {
    db,
    now,
    read: { tickets: new TicketReader(db), users: new UserReader(db) },
    write: { tickets: new TicketWriter(db), users: new UserWriter(db) },
    settings: new SettingsStore(db),
    categories: new CategoryStore(db),
    audit: new AuditLog(db),
    // Deadline clocks follow every ticket change, whoever makes it.
    hooks: { ticketsChanged: [recomputeClocks] },
    bus: new Bus(),
  };
}

/** Run `fn` in one IMMEDIATE transaction: all of it lands, or none of it. */
export function inTransaction<T>(ctx: ServiceContext, fn: () => T): T {
  return ctx.db.transaction(fn).immediate();
}
