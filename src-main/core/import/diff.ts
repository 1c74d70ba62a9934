/**
 * What an imported row changes on a ticket that already exists. The CRM is the
 * source of truth for the fields its file carries; a column the file does not
 * have changes nothing, and a blank level or status keeps the ticket's own.
 * An identical row yields no change at all, which is what makes importing the
 * same file twice a no-op.
 */
import type { Channel, Level, Satisfaction, Status } from '../enums';
import type { HeaderMap } from './headers';
import type { ImportedTicket, ImportField } from './types';
import { defaultLevel } from './vocab';

/** The stored values the import may overwrite. */
export interface StoredTicket {
  id: number;
  version: number;
  receivedAt: number;
  phone: string;
  customerName: string | null;
  city: string | null;
  district: string | null;
  categoryId: number;
  description: string;
  level: Level;
  status: Status;
  assigneeId: number | null;
  assigneeName: string | null;
  firstResponseAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  satisfaction: Satisfaction | null;
}

export type ImportPatch = Partial<Omit<StoredTicket, 'id' | 'version'>>;
export type ImportChanges = Record<string, [unknown, unknown]>;

/** Which ticket fields each file column sets. */
const SETS: Partial<Record<ImportField, ReadonlyArray<keyof ImportPatch>>> = {
  receivedAt: ['receivedAt'],
  phone: ['phone'],
  customerName: ['customerName'],
  city: ['city'],
  district: ['district'],
  category: ['categoryId'],
  description: ['description'],
  level: ['level'],
  status: ['status'],
  assignee: ['assigneeId', 'assigneeName'],
  firstResponseAt: ['firstResponseAt'],
  resolvedAt: ['resolvedAt'],
  closedAt: ['closedAt'],
  satisfaction: ['satisfaction'],
};

/** The ticket fields a file with this header sets (computed once per file). */
export function fieldsSetBy(header: HeaderMap): Array<keyof ImportPatch> {
  return (Object.keys(SETS) as ImportField[]).filter((f) => header.index[f] !== undefined).flatMap((f) => SETS[f]!);
}

export function diffTicket(
  stored: StoredTicket,
  row: ImportedTicket,
  fields: ReadonlyArray<keyof ImportPatch>,
): { patch: ImportPatch; changes: ImportChanges } {
  const patch: Record<string, unknown> = {};
  const changes: ImportChanges = {};
  for (const key of fields) {
    const to = row[key];
    if ((key === 'level' || key === 'status') && to === null) continue;
    const from = stored[key];
    if (from !== to) {
      patch[key] = to;
      changes[key] = [from, to];
    }
  }
  return { patch: patch as ImportPatch, changes };
}

/** Level and status of a new ticket when the file leaves them blank. */
export function newTicketDefaults(row: ImportedTicket): { level: Level; status: Status } {
  return { level: row.level ?? defaultLevel(row.channel as Channel), status: row.status ?? 'new' };
}
