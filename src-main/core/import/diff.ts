/**
 * What an imported row changes on a ticket that already exists. The CRM is the
 * source of truth for the fields its file carries; a column the file does not
 * have changes nothing, and a blank level or status keeps the ticket's own.
 * An identical row yields no change at all, which is what makes importing the
 * same file twice a no-op.
 */
import type { Level, Satisfaction, Status } from '../enums';
import type { HeaderMap } from './headers';
import type { ImportedTicket, ImportField } from './types';
import { isAccepted, levelOnArrival } from '../arrival';

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
  firstResponderId: number | null;
  firstResponderName: string | null;
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
  firstResponder: ['firstResponderId', 'firstResponderName'],
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
    // A value held for review changes nothing until an administrator maps it.
    if ((key === 'city' && row.heldCity !== null) || (key === 'district' && row.heldDistrict !== null)) continue;
    // A first responder stays for the ticket's whole life: a blank cell never removes one.
    if ((key === 'firstResponderId' || key === 'firstResponderName') && row.firstResponderId === null && row.firstResponderName === null) continue;
    const from = stored[key];
    if (from !== to) {
      patch[key] = to;
      changes[key] = [from, to];
    }
  }
  return { patch: patch as ImportPatch, changes };
}

/**
 * A new ticket's level, status and first responder under the console's arrival
 * rules (core/arrival.ts), and what those rules changed from what the file
 * says, for the ticket's first history event:
 * - level: blank is 普通; a 10080 or 12300 ticket is over-level whatever the file says;
 * - status: blank is 新建;
 * - first responder: the file's 首问负责人; else, for a ticket the CRM has
 *   already accepted, its 处理人 (the person the CRM gave it to); else none
 *   until someone accepts it in the console.
 */
export function newTicketFields(row: ImportedTicket): {
  level: Level;
  status: Status;
  firstResponderId: number | null;
  firstResponderName: string | null;
  changes: ImportChanges;
} {
  const level = levelOnArrival(row.channel, row.level ?? 'normal');
  const status = row.status ?? 'new';
  const changes: ImportChanges = {};
  if (row.level !== null && row.level !== level) changes.level = [row.level, level];
  let firstResponderId = row.firstResponderId;
  let firstResponderName = row.firstResponderName;
  if (firstResponderId === null && firstResponderName === null && isAccepted(status)) {
    firstResponderId = row.assigneeId;
    firstResponderName = row.assigneeId === null ? row.assigneeName : null;
    if (firstResponderId !== null) changes.firstResponderId = [null, firstResponderId];
    else if (firstResponderName !== null) changes.firstResponderName = [null, firstResponderName];
  }
  return { level, status, firstResponderId, firstResponderName, changes };
}

/**
 * What an imported row changes on a stored ticket, under the same arrival rules
 * as a new one: the level rule of 10080/12300 holds whatever the file says, and
 * an accepted ticket with no first responder gets its 处理人 when the file has
 * no 首问负责人 column.
 */
export function diffImported(
  stored: StoredTicket,
  row: ImportedTicket,
  fields: ReadonlyArray<keyof ImportPatch>,
): { patch: ImportPatch; changes: ImportChanges } {
  const ruledRow = { ...row, level: row.level === null ? null : levelOnArrival(row.channel, row.level) };
  const { patch, changes } = diffTicket(stored, ruledRow, fields);
  const level = patch.level ?? stored.level;
  const ruled = levelOnArrival(row.channel, level);
  if (ruled !== level) {
    patch.level = ruled;
    changes.level = [stored.level, ruled];
  }
  const status = patch.status ?? stored.status;
  if (!fields.includes('firstResponderId') && stored.firstResponderId === null && stored.firstResponderName === null && isAccepted(status)) {
    const assigneeId = 'assigneeId' in patch ? (patch.assigneeId ?? null) : stored.assigneeId;
    const assigneeName = 'assigneeName' in patch ? (patch.assigneeName ?? null) : stored.assigneeName;
    if (assigneeId !== null) {
      patch.firstResponderId = assigneeId;
      changes.firstResponderId = [null, assigneeId];
    } else if (assigneeName !== null) {
      patch.firstResponderName = assigneeName;
      changes.firstResponderName = [null, assigneeName];
    }
  }
  return { patch, changes };
}
