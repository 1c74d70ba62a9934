/**
 * What an import reads about the tickets already there while it applies a
 * file: the stored ticket a row may update, a phone's complaints in time
 * order (repeats), a ticket's current version, and, once every row has
 * landed, the districts and categories the new tickets fall in with the
 * complaints around them (collective complaints).
 *
 * Statements are prepared once per import; the per-row lookups are checked
 * through rows.ts like every read.
 */
import type { Statement } from 'better-sqlite3';
import { z } from 'zod';
import type { Db } from './open';
import type { StoredTicket } from '../core/import/diff';
import type { GroupedComplaint } from '../core/detection';
import { LEVELS, SATISFACTIONS, STATUSES } from '../core/enums';
import { allRows, flag, int, intOrNull, oneRow, text, textOrNull, value } from './rows';

const StoredRow: z.ZodType<StoredTicket> = z.object({
  id: int,
  version: int,
  receivedAt: int,
  phone: text,
  customerName: textOrNull,
  city: textOrNull,
  district: textOrNull,
  categoryId: int,
  description: text,
  level: z.enum(LEVELS),
  status: z.enum(STATUSES),
  assigneeId: intOrNull,
  assigneeName: textOrNull,
  firstResponderId: intOrNull,
  firstResponderName: textOrNull,
  firstResponseAt: intOrNull,
  resolvedAt: intOrNull,
  closedAt: intOrNull,
  satisfaction: z.enum(SATISFACTIONS).nullable(),
});

export interface PhoneComplaint {
  id: number;
  receivedAt: number;
  isRepeat: boolean;
}

const ComplaintRow: z.ZodType<PhoneComplaint> = z.object({ id: int, receivedAt: int, isRepeat: flag });

export interface ImportedGroup {
  district: string;
  categoryId: number;
  /** The first and last arrival among the new tickets of the group. */
  first: number;
  last: number;
}

const GroupRow: z.ZodType<ImportedGroup> = z.object({ district: text, categoryId: int, first: int, last: int });
const MemberRow: z.ZodType<GroupedComplaint> = z.object({ id: int, phone: text, receivedAt: int, isNew: flag });

export class ImportLookups {
  private readonly stored;
  private readonly complaints;
  private readonly version;
  private members: Statement | undefined;

  constructor(private readonly db: Db) {
    this.stored = db.prepare(`SELECT id, version, received_at AS receivedAt, phone, customer_name AS customerName, city, district,
      category_id AS categoryId, description, level, status, assignee_id AS assigneeId, assignee_name AS assigneeName,
      first_responder_id AS firstResponderId, first_responder_name AS firstResponderName,
      first_response_at AS firstResponseAt, resolved_at AS resolvedAt, closed_at AS closedAt, satisfaction
      FROM tickets WHERE channel = ? AND ticket_no = ?`);
    this.complaints = db.prepare(
      `SELECT id, received_at AS receivedAt, is_repeat AS isRepeat FROM tickets INDEXED BY tickets_phone
       WHERE phone = ? AND status <> 'voided' ORDER BY received_at, id`,
    );
    this.version = db.prepare('SELECT version FROM tickets WHERE id = ?');
  }

  /** The ticket a row with this channel and number updates, if there is one. */
  storedTicket(channel: string, ticketNo: string): StoredTicket | undefined {
    return oneRow(StoredRow, this.stored, channel, ticketNo);
  }

  /** A phone's complaints (voided ones out), oldest first. */
  complaintsOf(phone: string): PhoneComplaint[] {
    return allRows(ComplaintRow, this.complaints, phone);
  }

  /** A ticket's version now (it exists: the caller read it). */
  versionOf(id: number): number {
    const v = value(int, this.version, id);
    if (v === undefined) throw new Error(`ticket ${id} is gone`);
    return v;
  }

  /** Each district and category the tickets inserted after `idBefore` fall in (no district, or voided: none), with their span. */
  groupsAfter(idBefore: number): ImportedGroup[] {
    return allRows(
      GroupRow,
      this.db.prepare(
        `SELECT district, category_id AS categoryId, min(received_at) AS first, max(received_at) AS last FROM tickets
         WHERE id > ? AND district IS NOT NULL AND trim(district) <> '' AND status <> 'voided' GROUP BY district, category_id`,
      ),
      idBefore,
    );
  }

  /** Every complaint of one district and category received in [from, to] (voided ones out), by arrival, the new ones marked. */
  groupMembers(idBefore: number, g: { district: string; categoryId: number }, from: number, to: number): GroupedComplaint[] {
    return allRows(
      MemberRow,
      (this.members ??= this.db.prepare(
        `SELECT id, phone, received_at AS receivedAt, id > ? AS isNew FROM tickets
         WHERE district = ? AND category_id = ? AND received_at BETWEEN ? AND ? AND status <> 'voided' ORDER BY received_at, id`,
      )),
      idBefore,
      g.district,
      g.categoryId,
      from,
      to,
    );
  }
}
