/**
 * 12580 delivery tickets: the times and problems the agent records, the
 * 一级/二级 grade the compensation rules give them (core/knowledge/delivery-grade.ts),
 * and for a 二级 claim the 赔付 entry to propose on the ticket's refunds.
 */
import { DomainError } from '../../core/errors';
import type { UserInfo } from '../../core/model';
import { DELIVERY_ISSUES, gradeDelivery, type DeliveryFacts, type DeliveryGrade } from '../../core/knowledge/delivery-grade';
import { DeliveryFactsStore } from '../../db/delivery-facts';
import { inTransaction, type ServiceContext } from '../context';
import { branchSettings } from '../settings';

/** The top-level category whose tickets are 12580 delivery complaints. */
export const DELIVERY_CATEGORY = '速递';

export interface DeliveryView {
  /** Whether the ticket is a delivery complaint at all (its category is under 速递). */
  applies: boolean;
  facts: DeliveryFacts;
  grade: DeliveryGrade;
}

const EMPTY: DeliveryFacts = { pickupRequestedAt: null, pickupAgreedAt: null, pickedUpAt: null, promisedAt: null, deliveredAt: null, issues: [] };

export function deliveryFor(ctx: ServiceContext, ticketId: number): DeliveryView {
  const t = ctx.read.tickets.get(ticketId);
  if (!t) throw new DomainError('not_found', { what: 'ticket', id: ticketId });
  const applies = t.categoryPath === DELIVERY_CATEGORY || t.categoryPath.startsWith(`${DELIVERY_CATEGORY}/`);
  const facts = new DeliveryFactsStore(ctx.db).get(ticketId) ?? EMPTY;
  return { applies, facts, grade: gradeDelivery(facts, ctx.now(), branchSettings(ctx).zone) };
}

const FIELDS = ['pickupRequestedAt', 'pickupAgreedAt', 'pickedUpAt', 'promisedAt', 'deliveredAt'] as const;

export function saveDelivery(ctx: ServiceContext, user: UserInfo, ticketId: number, facts: DeliveryFacts): DeliveryView {
  const issues = [...new Set(facts.issues)].filter((i) => DELIVERY_ISSUES.includes(i));
  const clean: DeliveryFacts = { ...facts, issues };
  inTransaction(ctx, () => {
    const before = deliveryFor(ctx, ticketId);
    if (!before.applies) throw new DomainError('validation', { field: 'category', rule: 'not_delivery' });
    const changes: Record<string, [unknown, unknown]> = {};
    for (const f of FIELDS) if (before.facts[f] !== clean[f]) changes[f] = [before.facts[f], clean[f]];
    if (before.facts.issues.join(',') !== issues.join(',')) changes.deliveryIssues = [before.facts.issues, issues];
    if (Object.keys(changes).length === 0) return;
    const now = ctx.now();
    new DeliveryFactsStore(ctx.db).save(ticketId, clean, now, user.id);
    const t = ctx.read.tickets.get(ticketId)!;
    const after = gradeDelivery(clean, now, branchSettings(ctx).zone);
    ctx.write.tickets.addEvent({
      ticketId,
      at: now,
      actorId: user.id,
      action: 'delivery_facts',
      fromStatus: t.status,
      toStatus: t.status,
      changes,
      note: after.grade ? `grade:${after.grade}` : null,
    });
  });
  return deliveryFor(ctx, ticketId);
}
