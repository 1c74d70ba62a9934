/** Contract methods of refunds and compensation (docs/REQUIREMENTS.md §4), with their input schemas. */
import { z } from 'zod';
import { method } from '../define';
import type { Page } from '../../core/model';
import type { RefundSettings } from '../../core/refunds/authority';
import { REFUND_SORT_FIELDS, REFUND_STATUSES, REFUND_TYPES, type RefundListRow, type RefundTotals } from '../../core/refunds/types';
import type { ApprovalItem, TicketRefunds } from '../../services/refunds/queries';

const id = z.number().int().positive();
const version = z.number().int().positive();
const text = (max: number) => z.string().trim().min(1).max(max);
const fen = z.number().int();

const ticketInput = z.object({ ticketId: id }).strict();
const createInput = z
  .object({
    ticketId: id,
    type: z.enum(REFUND_TYPES),
    // Integer fen; the console parses what people type with core/money.ts.
    amountFen: fen,
    reason: text(500),
    submit: z.boolean().default(true),
    confirmDuplicate: z.boolean().default(false),
  })
  .strict();
const stepInput = z.object({ id, version }).strict();
const approveInput = z.object({ id, version, comment: z.string().trim().max(500).nullish() }).strict();
const rejectInput = z.object({ id, version, comment: text(500) }).strict();
const executeInput = z.object({ id, version, voucherNo: text(60) }).strict();
const reverseInput = z.object({ id, reason: text(500) }).strict();

const filter = z
  .object({
    status: z.array(z.enum(REFUND_STATUSES)).optional(),
    type: z.array(z.enum(REFUND_TYPES)).optional(),
    q: z.string().trim().max(40).optional(),
    createdFrom: z.number().int().optional(),
    createdTo: z.number().int().optional(),
    overdue: z.boolean().optional(),
  })
  .strict();
export const refundPageInput = z
  .object({
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
    sort: z.object({ field: z.enum(REFUND_SORT_FIELDS), dir: z.enum(['asc', 'desc']) }).optional(),
    filter: filter.optional(),
  })
  .strict();
const totalsInput = z.object({ filter: filter.optional() }).strict();
const queueInput = z.object({ limit: z.number().int().min(1).max(500).default(200) }).strict();

const limitFen = z.number().int().positive().max(10_000_000);
const settingsInput = z
  .object({
    agentLimitFen: limitFen,
    supervisorLimitFen: limitFen,
    ticketTotalFen: z.number().int().positive().max(1_000_000_000),
    executeWithinHours: z.number().int().min(1).max(720),
    secondPersonWithinLimit: z.boolean(),
  })
  .strict();

export const refundMethods = {
  'refunds/forTicket': method<TicketRefunds>()('agent', ticketInput),
  'refunds/create': method<TicketRefunds>()('agent', createInput),
  'refunds/submit': method<TicketRefunds>()('agent', stepInput),
  'refunds/approve': method<TicketRefunds>()('supervisor', approveInput),
  'refunds/reject': method<TicketRefunds>()('supervisor', rejectInput),
  'refunds/execute': method<TicketRefunds>()('supervisor', executeInput),
  'refunds/reverse': method<TicketRefunds>()('agent', reverseInput),
  'refunds/queue': method<ApprovalItem[]>()('supervisor', queueInput),
  /** Pending entries someone else must decide (a manager's, or the viewer's own), read-only beside the queue. */
  'refunds/waiting': method<ApprovalItem[]>()('supervisor', queueInput),
  /** The queue's length for this viewer (Today's counter), without building its entries. */
  'refunds/queueCount': method<{ count: number }>()('supervisor', z.object({}).strict()),
  'refunds/list': method<Page<RefundListRow>>()('agent', refundPageInput),
  'refunds/totals': method<RefundTotals>()('agent', totalsInput),
  'refunds/settings': method<RefundSettings>()('agent', z.object({}).strict()),
  'refunds/saveSettings': method<RefundSettings>()('admin', settingsInput),
};
