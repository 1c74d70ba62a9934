/** Input schemas at the edge: nothing reaches a service without passing one of these. */
import { z } from 'zod';
import { CHANNELS, LEVELS, ROLES, SATISFACTIONS, STATUSES } from '../core/enums';
import { MAX_HOLIDAYS, MAX_LIMIT_MIN, MAX_RULE_ID_LENGTH, MAX_RULES, MAX_SPANS, MAX_THRESHOLDS, MAX_WORKDAYS } from '../core/sla/bounds';
import { TICKET_SORT_FIELDS } from '../core/model';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const id = z.number().int().positive();

export const empty = z.object({}).strict();
export const byId = z.object({ id }).strict();

export const setupInput = z
  .object({
    username: text(40),
    displayName: text(40),
    password: z.string().min(1).max(200),
    branchName: text(60),
    branchId: text(20),
    zone: text(60).default('Asia/Shanghai'),
    loadDemo: z.boolean().default(false),
  })
  .strict();

export const loginInput = z.object({ username: text(40), password: z.string().min(1).max(200) }).strict();

export const newUserInput = z
  .object({
    username: text(40),
    displayName: text(40),
    role: z.enum(ROLES),
    department: optionalText(40),
    password: z.string().min(1).max(200),
  })
  .strict();

export const setActiveInput = z.object({ userId: id, active: z.boolean() }).strict();

export const changePasswordInput = z
  .object({
    current: z.string().min(1).max(200),
    password: z.string().min(1).max(200),
  })
  .strict();

export const resetPasswordInput = z
  .object({
    userId: id,
    password: z.string().min(1).max(200),
  })
  .strict();

export const ticketFilter = z
  .object({
    status: z.array(z.enum(STATUSES)).optional(),
    channel: z.array(z.enum(CHANNELS)).optional(),
    level: z.array(z.enum(LEVELS)).optional(),
    categoryId: id.optional(),
    district: z.string().trim().max(40).optional(),
    assigneeId: id.optional(),
    unassigned: z.boolean().optional(),
    q: z.string().trim().max(40).optional(),
    receivedFrom: z.number().int().optional(),
    receivedTo: z.number().int().optional(),
    repeat: z.boolean().optional(),
    open: z.boolean().optional(),
    deadline: z.enum(['breached', 'within2h', 'approaching']).optional(),
    department: z.string().trim().max(40).optional(),
    missed: z.enum(['first_response', 'resolution', 'follow_up', 'any']).optional(),
    breachCause: z.string().trim().min(1).max(40).optional(),
    receivedWindows: z.array(z.tuple([z.number().int(), z.number().int()])).max(400).optional(),
    /** Demo tickets left out once real ones exist, as in the reports (a report's drill-down asks it). */
    notDemo: z.boolean().optional(),
  })
  .strict();

export const ticketPageInput = z
  .object({
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
    sort: z.object({ field: z.enum(TICKET_SORT_FIELDS), dir: z.enum(['asc', 'desc']) }).optional(),
    filter: ticketFilter.optional(),
  })
  .strict();

export const newTicketInput = z
  .object({
    ticketNo: z.string().trim().max(40).optional(),
    channel: z.enum(CHANNELS),
    receivedAt: z.number().int().positive(),
    phone: text(20),
    customerName: optionalText(40),
    city: optionalText(40),
    district: optionalText(40),
    categoryId: id,
    level: z.enum(LEVELS).default('normal'),
    description: text(2000),
    department: optionalText(40),
    assigneeId: id.nullish(),
    /** The dispatch proposal the form showed (智能派单), recorded with the ticket. */
    dispatch: z
      .object({ categoryId: id.nullable(), department: optionalText(40), accepted: z.boolean() })
      .strict()
      .optional(),
  })
  .strict();

/** A complaint's text as typed so far, for the dispatch proposal. */
export const dispatchProposeInput = z.object({ text: text(2000) }).strict();
/** Proposals made in [from, to). */
export const dispatchStatsInput = z
  .object({ from: z.number().int().nonnegative(), to: z.number().int().positive() })
  .strict()
  .refine((r) => r.from < r.to, { message: 'from must be before to', path: ['to'] });

const reason = text(500);
export const ticketAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('accept') }),
  z.object({ type: z.literal('start') }),
  z.object({ type: z.literal('pend'), reason }),
  z.object({ type: z.literal('resume') }),
  z.object({ type: z.literal('respond'), note: text(2000) }),
  z.object({
    type: z.literal('resolve'),
    note: text(2000),
    rootCause: z.string().trim().max(500).optional(),
    breachCause: z.string().trim().min(1).max(40).optional(),
    breachCauseText: z.string().trim().max(500).optional(),
  }),
  z.object({ type: z.literal('close'), satisfaction: z.enum(SATISFACTIONS), note: z.string().trim().max(500).optional() }),
  z.object({ type: z.literal('reopen'), reason }),
  z.object({ type: z.literal('transfer'), department: text(40), assigneeId: id.nullable(), reason: z.string().trim().max(500).optional() }),
  z.object({ type: z.literal('collaborate'), department: text(40), note: z.string().trim().max(500).optional() }),
  z.object({ type: z.literal('escalate'), level: z.enum(LEVELS), reason }),
  z.object({ type: z.literal('void'), reason }),
  z.object({ type: z.literal('release'), reason }),
  z.object({ type: z.literal('request_transfer'), department: text(40), assigneeId: id.nullable(), reason }),
  z.object({ type: z.literal('decline_transfer'), reason }),
]);

export const byAssigneeInput = z.object({ filter: ticketFilter.optional() }).strict();

export const transferManyInput = z
  .object({
    items: z.array(z.object({ id, version: z.number().int().positive() }).strict()).min(1).max(200),
    department: text(40),
    assigneeId: id.nullable(),
    reason: z.string().trim().max(500).optional(),
  })
  .strict();

export const actInput = z
  .object({
    id,
    version: z.number().int().positive(),
    action: ticketAction,
    /** The department proposal a transfer form showed (智能派单), recorded with the transfer. */
    dispatch: z.object({ department: text(40), accepted: z.boolean() }).strict().optional(),
  })
  .strict();
/** One ticket, for the proposal recorded when it arrived. */
export const dispatchRecordedInput = z.object({ id }).strict();

export const branchInput = z
  .object({ branchName: text(60), branchId: text(20), zone: text(60) })
  .strict();

export const alertListInput = z
  .object({
    unacknowledgedOnly: z.boolean().default(false),
    limit: z.number().int().min(1).max(500).default(100),
    ticketId: id.optional(),
  })
  .strict();

export const idsInput = z.object({ ids: z.array(id).min(1).max(5000) }).strict();

export const urgentInput = z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict();
export const atRiskInput = z.object({ which: z.enum(['breached', 'within2h']), limit: z.number().int().min(1).max(100).default(20) }).strict();
export const forecastInput = z.object({ id, locale: z.enum(['zh-CN', 'en']).default('zh-CN') }).strict();
export const likelyToMissInput = z
  .object({ limit: z.number().int().min(1).max(100).default(20), locale: z.enum(['zh-CN', 'en']).default('zh-CN') })
  .strict();

const minutes = z.number().int().positive().max(MAX_LIMIT_MIN);
export const slaRule = z
  .object({
    id: text(MAX_RULE_ID_LENGTH),
    channels: z.array(z.enum(CHANNELS)).nullable(),
    level: z.enum(LEVELS).nullable(),
    categoryId: id.nullable(),
    firstResponseMin: minutes,
    resolutionMin: minutes,
    followUpMin: minutes,
    businessCalendar: z.boolean(),
  })
  .strict();

const span = z.tuple([z.number().int().min(0).max(1440), z.number().int().min(0).max(1440)]);
const isoDate = z.string().regex(/^\d{4}-\d\d-\d\d$/);
const timeLeftMs = z.number().int().positive().max(7 * 24 * 3_600_000);
export const slaPolicyInput = z
  .object({
    rules: z.array(slaRule).min(1).max(MAX_RULES),
    calendar: z
      .object({
        zone: text(60),
        week: z.array(z.array(span).max(MAX_SPANS)).length(7),
        holidays: z.array(isoDate).max(MAX_HOLIDAYS),
        workdays: z.array(isoDate).max(MAX_WORKDAYS),
      })
      .strict(),
    alerts: z.object({ thresholds: z.array(z.number().gt(0).lt(1)).min(1).max(MAX_THRESHOLDS), escalationDelayMs: z.number().int().positive() }).strict(),
    pauseOnPending: z.boolean(),
    timeLeft: z.object({ soonMs: timeLeftMs, urgentMs: timeLeftMs }).strict().optional(),
  })
  .strict();
/** A save after its preview: the version the preview was made against. */
export const slaPolicySave = slaPolicyInput.extend({ expectedVersion: z.string().max(64).optional() });
