/** The 12580 delivery times and reported problems recorded on a delivery ticket. */
import type { Db } from './open';
import type { DeliveryFacts, DeliveryIssue } from '../core/knowledge/delivery-grade';
import { z } from 'zod';
import { intOrNull, oneRow, text } from './rows';

const Row = z.object({
  pickupRequestedAt: intOrNull,
  pickupAgreedAt: intOrNull,
  pickedUpAt: intOrNull,
  promisedAt: intOrNull,
  deliveredAt: intOrNull,
  issues: text,
});

export class DeliveryFactsStore {
  constructor(private readonly db: Db) {}

  get(ticketId: number): DeliveryFacts | null {
    const r = oneRow(
      Row,
      this.db.prepare(
        `SELECT pickup_requested_at AS pickupRequestedAt, pickup_agreed_at AS pickupAgreedAt, picked_up_at AS pickedUpAt,
           promised_at AS promisedAt, delivered_at AS deliveredAt, issues
         FROM delivery_facts WHERE ticket_id = ?`,
      ),
      ticketId,
    );
    return r ? { ...r, issues: JSON.parse(r.issues) as DeliveryIssue[] } : null;
  }

  save(ticketId: number, f: DeliveryFacts, at: number, by: number): void {
    this.db
      .prepare(
        `INSERT INTO delivery_facts (ticket_id, pickup_requested_at, pickup_agreed_at, picked_up_at, promised_at, delivered_at, issues, updated_at, updated_by)
         VALUES (@ticketId, @pickupRequestedAt, @pickupAgreedAt, @pickedUpAt, @promisedAt, @deliveredAt, @issues, @at, @by)
         ON CONFLICT (ticket_id) DO UPDATE SET pickup_requested_at = excluded.pickup_requested_at, pickup_agreed_at = excluded.pickup_agreed_at,
           picked_up_at = excluded.picked_up_at, promised_at = excluded.promised_at, delivered_at = excluded.delivered_at,
           issues = excluded.issues, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run({ ticketId, ...f, issues: JSON.stringify(f.issues), at, by });
  }
}
