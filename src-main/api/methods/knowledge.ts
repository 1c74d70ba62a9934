/**
 * Contract methods of the knowledge base (案例库): the panel beside a ticket,
 * ticking a checklist step, search, reading items and their versions for
 * everyone; adding, editing, rolling back, exporting and importing for
 * supervisors and above. Delivery (12580) grading lives here too: it is the
 * compensation rules applied to a ticket.
 */
import { z } from 'zod';
import { method } from '../define';
import { DELIVERY_ISSUES } from '../../core/knowledge/delivery-grade';
import { MAX_FILE_CHARS } from '../../core/knowledge/parse';
import type { KnowledgePanel } from '../../services/knowledge/ticket-panel';
import type { KnowledgeSearch } from '../../services/knowledge/search';
import type { KnowledgeItemView } from '../../services/knowledge/editing';
import type { KnowledgeListItem } from '../../services/knowledge/list';
import type { ImportOutcome } from '../../services/knowledge/transfer';
import type { DeliveryView } from '../../services/knowledge/delivery';

const ticketId = z.number().int().positive();
const key = z.string().trim().min(1).max(80);
const version = z.number().int().positive();
const instant = z.number().int().min(0).max(8_640_000_000_000).nullable();

const tickInput = z.object({ ticketId, itemKey: key, stepId: z.string().trim().min(1).max(40), checked: z.boolean() }).strict();
const searchInput = z.object({ q: z.string().max(200), limit: z.number().int().min(1).max(100).default(20) }).strict();
// The content is checked by core/knowledge/parse.ts, which names the field that is wrong.
const saveInput = z
  .object({ content: z.record(z.string(), z.unknown()), baseVersion: version.nullable(), note: z.string().trim().max(200).nullish() })
  .strict();
const rollbackInput = z.object({ key, toVersion: version, baseVersion: version }).strict();
const importInput = z.object({ text: z.string().max(MAX_FILE_CHARS + 1) }).strict();
const deliveryInput = z
  .object({
    ticketId,
    facts: z
      .object({
        pickupRequestedAt: instant,
        pickupAgreedAt: instant,
        pickedUpAt: instant,
        promisedAt: instant,
        deliveredAt: instant,
        issues: z.array(z.enum(DELIVERY_ISSUES)).max(DELIVERY_ISSUES.length),
      })
      .strict(),
  })
  .strict();

export const knowledgeMethods = {
  'knowledge/forTicket': method<KnowledgePanel>()('agent', z.object({ ticketId }).strict()),
  'knowledge/tick': method<KnowledgePanel>()('agent', tickInput),
  'knowledge/search': method<KnowledgeSearch>()('agent', searchInput),
  'knowledge/list': method<KnowledgeListItem[]>()('agent', z.object({}).strict()),
  'knowledge/get': method<KnowledgeItemView>()('agent', z.object({ key }).strict()),
  'knowledge/save': method<KnowledgeItemView>()('supervisor', saveInput),
  'knowledge/rollback': method<KnowledgeItemView>()('supervisor', rollbackInput),
  'knowledge/export': method<{ fileName: string; text: string; count: number }>()('supervisor', z.object({}).strict()),
  'knowledge/import': method<ImportOutcome>()('supervisor', importInput),
  'delivery/get': method<DeliveryView>()('agent', z.object({ ticketId }).strict()),
  'delivery/save': method<DeliveryView>()('agent', deliveryInput),
};
