/**
 * The kept lists (departments, cities, districts), the review list of values
 * imports brought that the lists do not know, and the renaming of a value
 * wherever it is written (tickets, their collaborators, accounts).
 */
import { z } from 'zod';
import type { Db } from './open';
import { LIST_KINDS, type ListKind, type ListValue } from '../core/lists/rules';
import { allRows, flag, int, intOrNull, oneRow, text, textOrNull, value } from './rows';

const kind = z.enum(LIST_KINDS);
const valueRow = z.object({ id: int, kind, name: text, active: flag });

export interface ListReview {
  id: number;
  kind: ListKind;
  raw: string;
  firstSeenAt: number;
  source: string | null;
  resolvedTo: string | null;
  resolvedAt: number | null;
  /** Tickets imported with this value held. */
  tickets: number;
}
const reviewRow = z.object({
  id: int,
  kind,
  raw: text,
  firstSeenAt: int,
  source: textOrNull,
  resolvedTo: textOrNull,
  resolvedAt: intOrNull,
  tickets: int,
});
const REVIEW_SELECT = `SELECT r.id, r.kind, r.raw, r.first_seen_at AS firstSeenAt, r.source, r.resolved_to AS resolvedTo,
  r.resolved_at AS resolvedAt, (SELECT count(*) FROM list_review_tickets t WHERE t.review_id = r.id) AS tickets
  FROM list_reviews r`;

/** The ticket column each kind is written in. */
const TICKET_COLUMN: Record<ListKind, string> = { department: 'department', city: 'city', district: 'district' };

export class ListStore {
  constructor(private readonly db: Db) {}

  values(of?: ListKind): ListValue[] {
    const sql = `SELECT id, kind, name, active FROM list_values ${of ? 'WHERE kind = ?' : ''} ORDER BY kind, active DESC, name`;
    return allRows(valueRow, this.db.prepare(sql), ...(of ? [of] : []));
  }
  get(id: number): ListValue | undefined {
    return oneRow(valueRow, this.db.prepare('SELECT id, kind, name, active FROM list_values WHERE id = ?'), id);
  }
  find(of: ListKind, name: string): ListValue | undefined {
    return oneRow(valueRow, this.db.prepare('SELECT id, kind, name, active FROM list_values WHERE kind = ? AND name = ?'), of, name);
  }
  add(of: ListKind, name: string): number {
    return Number(this.db.prepare('INSERT INTO list_values (kind, name) VALUES (?, ?)').run(of, name).lastInsertRowid);
  }
  setActive(id: number, active: boolean): void {
    this.db.prepare('UPDATE list_values SET active = ? WHERE id = ?').run(active ? 1 : 0, id);
  }
  setName(id: number, name: string): void {
    this.db.prepare('UPDATE list_values SET name = ? WHERE id = ?').run(name, id);
  }
  remove(id: number): void {
    this.db.prepare('DELETE FROM list_values WHERE id = ?').run(id);
  }

  /**
   * Write `to` wherever `from` is written for this kind: tickets (and, for a
   * department, their collaborators and the accounts). Returns the tickets changed.
   */
  replaceEverywhere(of: ListKind, from: string, to: string, at: number): number {
    const col = TICKET_COLUMN[of];
    let changed = this.db
      .prepare(`UPDATE tickets SET ${col} = ?, updated_at = ?, version = version + 1 WHERE ${col} = ?`)
      .run(to, at, from).changes;
    this.db.prepare('UPDATE list_reviews SET resolved_to = ? WHERE kind = ? AND resolved_to = ?').run(to, of, from);
    if (of === 'department') {
      changed += this.db
        .prepare(
          `UPDATE tickets SET collaborators = (SELECT json_group_array(CASE WHEN j.value = @from THEN @to ELSE j.value END) FROM json_each(tickets.collaborators) AS j),
             updated_at = @at, version = version + 1
           WHERE collaborators <> '[]' AND EXISTS (SELECT 1 FROM json_each(tickets.collaborators) AS j WHERE j.value = @from)`,
        )
        .run({ from, to, at }).changes;
      this.db.prepare('UPDATE users SET department = ? WHERE department = ?').run(to, from);
    }
    return changed;
  }

  /** Tickets that carry the value (for the settings screen: how much a rename touches). */
  ticketCount(of: ListKind, name: string): number {
    return value(int, this.db.prepare(`SELECT count(*) FROM tickets WHERE ${TICKET_COLUMN[of]} = ?`), name) ?? 0;
  }

  // ---- the review list ----

  reviews(open: boolean): ListReview[] {
    return allRows(reviewRow, this.db.prepare(`${REVIEW_SELECT} WHERE (r.resolved_to IS NULL) = ? ORDER BY r.kind, r.raw`), open ? 1 : 0);
  }
  review(id: number): ListReview | undefined {
    return oneRow(reviewRow, this.db.prepare(`${REVIEW_SELECT} WHERE r.id = ?`), id);
  }
  /** Raw texts already mapped by an administrator, raw → value. */
  mapped(of: ListKind): Map<string, string> {
    const rows = allRows(
      z.object({ raw: text, to: text }),
      this.db.prepare('SELECT raw, resolved_to AS "to" FROM list_reviews WHERE kind = ? AND resolved_to IS NOT NULL'),
      of,
    );
    return new Map(rows.map((r) => [r.raw, r.to]));
  }
  /** The review entry for a raw text, made on first sight. */
  hold(of: ListKind, raw: string, source: string, at: number): number {
    this.db
      .prepare('INSERT INTO list_reviews (kind, raw, first_seen_at, source) VALUES (?, ?, ?, ?) ON CONFLICT (kind, raw) DO NOTHING')
      .run(of, raw, at, source);
    return value(int, this.db.prepare('SELECT id FROM list_reviews WHERE kind = ? AND raw = ?'), of, raw)!;
  }
  /** Link held tickets to their review entry (an import links tens of thousands: one statement for all). */
  linkTickets(reviewId: number, ticketIds: readonly number[]): void {
    const link = this.db.prepare('INSERT OR IGNORE INTO list_review_tickets (review_id, ticket_id) VALUES (?, ?)');
    for (const t of ticketIds) link.run(reviewId, t);
  }
  resolve(id: number, to: string, at: number, by: number): void {
    this.db.prepare('UPDATE list_reviews SET resolved_to = ?, resolved_at = ?, resolved_by = ? WHERE id = ?').run(to, at, by, id);
  }
  /** The held tickets of a review entry whose field is still empty (an import since may have filled it). */
  heldTickets(id: number): Array<{ id: number; version: number }> {
    const r = this.review(id);
    if (!r) return [];
    return allRows(
      z.object({ id: int, version: int }),
      this.db.prepare(
        `SELECT t.id, t.version FROM list_review_tickets l JOIN tickets t ON t.id = l.ticket_id
         WHERE l.review_id = ? AND t.${TICKET_COLUMN[r.kind]} IS NULL ORDER BY t.id`,
      ),
      id,
    );
  }
}
