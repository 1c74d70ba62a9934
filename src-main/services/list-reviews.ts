/**
 * The review list: cities and districts an import brought that the lists do
 * not know. The imported row is not refused and the value is not invented:
 * the ticket is written with that field empty, linked to the review entry.
 * An administrator then maps the value to one of the list (or adds it to the
 * list as written); the held tickets get the value, each with an event in its
 * history, and later imports map the same text without asking again.
 */
import { DomainError } from '../core/errors';
import type { UserInfo } from '../core/model';
import { cleanListName, type ListKind } from '../core/lists/rules';
import type { ListReview } from '../db/lists';
import { inTransaction, type ServiceContext } from './context';
import { addListValue, lists } from './lists';
import { ticketsChanged } from './ticket-hooks';

export function openReviews(ctx: ServiceContext): ListReview[] {
  return lists(ctx).reviews(true);
}

export type ReviewAnswer = { mapTo: string } | { addAs: string };

export interface ResolvedReview {
  review: ListReview;
  /** Held tickets that now carry the value. */
  tickets: number;
}

export function resolveReview(ctx: ServiceContext, actor: UserInfo, id: number, answer: ReviewAnswer): ResolvedReview {
  return inTransaction(ctx, () => {
    const store = lists(ctx);
    const review = store.review(id);
    if (!review) throw new DomainError('not_found', { what: 'review', id });
    if (review.resolvedTo !== null) throw new DomainError('list_value', { kind: review.kind, value: review.raw, why: 'already_mapped' });
    let to: string;
    if ('addAs' in answer) {
      to = addListValue(ctx, actor, review.kind, answer.addAs).name;
    } else {
      to = cleanListName(answer.mapTo);
      // A retired value may be the right answer for old rows: any value of the list will do.
      if (!store.find(review.kind, to)) throw new DomainError('list_value', { kind: review.kind, value: to, why: 'not_on_list' });
    }
    const now = ctx.now();
    store.resolve(id, to, now, actor.id);
    const held = store.heldTickets(id);
    for (const t of held) {
      ctx.write.tickets.update(t.id, t.version, { [review.kind]: to }, now);
      ctx.write.tickets.addEvent({
        ticketId: t.id,
        at: now,
        actorId: actor.id,
        action: 'list_review',
        fromStatus: null,
        toStatus: null,
        changes: { [review.kind]: [null, to] },
        note: review.raw,
      });
    }
    if (held.length > 0) ticketsChanged(ctx, held.map((t) => t.id));
    ctx.audit.add(now, actor.id, 'list.review', review.raw, { kind: review.kind, to, tickets: held.length });
    return { review: store.review(id)!, tickets: held.length };
  });
}

/** Values an import holds for review, per kind: raw text → the tickets that carried it. */
export class HeldValues {
  private readonly held = new Map<string, { kind: ListKind; raw: string; ticketIds: number[]; rows: number }>();

  add(kind: ListKind, raw: string, ticketId: number | null): void {
    const key = `${kind}\u0001${raw}`;
    let entry = this.held.get(key);
    if (!entry) this.held.set(key, (entry = { kind, raw, ticketIds: [], rows: 0 }));
    entry.rows++;
    if (ticketId !== null) entry.ticketIds.push(ticketId);
  }

  /** For the report: each held value with how many rows carried it. */
  summary(): Array<{ kind: ListKind; raw: string; rows: number }> {
    return [...this.held.values()].map(({ kind, raw, rows }) => ({ kind, raw, rows }));
  }

  /** Write the review entries and their tickets (inside the import's transaction). */
  save(ctx: ServiceContext, source: string, at: number): void {
    const store = lists(ctx);
    for (const e of this.held.values()) {
      const id = store.hold(e.kind, e.raw, source, at);
      store.linkTickets(id, e.ticketIds);
    }
  }
}
