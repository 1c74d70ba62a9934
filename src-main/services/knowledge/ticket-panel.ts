/**
 * What the ticket page shows beside a ticket: the checklists for its category
 * (or, when the category has none, its parent's) with the ticks made on this
 * ticket, and the reply templates with their placeholders filled from the
 * ticket. Ticking a step is recorded in the ticket's own history.
 */
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import { DomainError } from '../../core/errors';
import { formatFen } from '../../core/money';
import type { UserInfo } from '../../core/model';
import { itemsForCategory, templatesForCategory, TEMPLATE_STAGES, type ChecklistContent, type TemplateContent, type TemplateStage } from '../../core/knowledge/model';
import { fillTemplate, type PlaceholderValues } from '../../core/knowledge/placeholders';
import { ClockStore } from '../../db/clock-store';
import { KnowledgeStore } from '../../db/knowledge-store';
import { RefundReader } from '../../db/refund-reader';
import { inTransaction, type ServiceContext } from '../context';
import { branchSettings } from '../settings';

export interface PanelStep {
  id: string;
  text: string;
  checked: boolean;
  checkedAt: number | null;
  checkedBy: string | null;
}

export interface PanelChecklist {
  key: string;
  title: string;
  version: number;
  steps: PanelStep[];
}

export interface PanelTemplate {
  key: string;
  title: string;
  stage: TemplateStage;
  /** The body with the ticket's values in; a value the ticket lacks reads 【…未填】. */
  text: string;
  missing: string[];
}

export interface KnowledgePanel {
  categoryPath: string;
  /** Where the checklists came from: the ticket's own category, its parent, or none found. */
  matched: 'category' | 'parent' | 'none';
  checklists: PanelChecklist[];
  templates: PanelTemplate[];
}

/** The values a template's placeholders take on this ticket, for this agent. */
export function placeholderValues(ctx: ServiceContext, user: UserInfo, ticketId: number): PlaceholderValues {
  const t = ctx.read.tickets.get(ticketId);
  if (!t) throw new DomainError('not_found', { what: 'ticket', id: ticketId });
  const zone = branchSettings(ctx).zone;
  // The promise made to the customer is the resolution deadline the console is watching.
  const due = new ClockStore(ctx.db).forTicket(ticketId).find((c) => c.clock === 'resolution' && c.subjectId === 0 && !c.cancelled);
  const money = new RefundReader(ctx.db).committedToTicket(ticketId);
  return {
    customerName: t.customerName,
    ticketNo: t.ticketNo,
    promisedTime: due?.dueAt ? format(new TZDate(due.dueAt, zone), 'M月d日 HH:mm') : null,
    amount: money.count > 0 && money.fen > 0 ? formatFen(money.fen) : null,
    agentName: user.displayName,
    category: t.categoryPath,
  };
}

export function knowledgePanel(ctx: ServiceContext, user: UserInfo, ticketId: number): KnowledgePanel {
  const values = placeholderValues(ctx, user, ticketId);
  const categoryPath = values.category ?? '';
  const store = new KnowledgeStore(ctx.db);
  const checklists = store.byKind('checklist').map((i) => ({ ...(i.content as ChecklistContent), version: i.version }));
  const templates = store.byKind('template').map((i) => i.content as TemplateContent);
  const found = itemsForCategory(checklists, categoryPath);
  const ticks = new Map(store.checks(ticketId).map((c) => [`${c.itemKey}/${c.stepId}`, c]));
  const stageOrder = (s: TemplateStage) => TEMPLATE_STAGES.indexOf(s);
  return {
    categoryPath,
    matched: found.matched,
    checklists: found.items.map((c) => ({
      key: c.key,
      title: c.title,
      version: c.version,
      steps: c.steps.map((s) => {
        const tick = ticks.get(`${c.key}/${s.id}`);
        return { id: s.id, text: s.text, checked: !!tick, checkedAt: tick?.at ?? null, checkedBy: tick?.actorName ?? null };
      }),
    })),
    templates: templatesForCategory(templates, categoryPath)
      .sort((a, b) => stageOrder(a.stage) - stageOrder(b.stage) || a.key.localeCompare(b.key))
      .map((tpl) => ({ key: tpl.key, title: tpl.title, stage: tpl.stage, ...fillTemplate(tpl.body, values) })),
  };
}

export function tickStep(
  ctx: ServiceContext,
  user: UserInfo,
  input: { ticketId: number; itemKey: string; stepId: string; checked: boolean },
): KnowledgePanel {
  const store = new KnowledgeStore(ctx.db);
  inTransaction(ctx, () => {
    const t = ctx.read.tickets.get(input.ticketId);
    if (!t) throw new DomainError('not_found', { what: 'ticket', id: input.ticketId });
    const item = store.get(input.itemKey);
    const step = item?.content.kind === 'checklist' ? item.content.steps.find((s) => s.id === input.stepId) : undefined;
    if (!item || !step) throw new DomainError('not_found', { what: `${input.itemKey}/${input.stepId}` });
    if (store.isChecked(t.id, item.key, step.id) === input.checked) return;
    const now = ctx.now();
    store.setCheck(t.id, item.key, step.id, input.checked, now, user.id);
    ctx.write.tickets.addEvent({
      ticketId: t.id,
      at: now,
      actorId: user.id,
      action: input.checked ? 'checklist_check' : 'checklist_uncheck',
      fromStatus: t.status,
      toStatus: t.status,
      changes: {},
      note: `${item.title}：${step.text}`,
    });
  });
  return knowledgePanel(ctx, user, input.ticketId);
}
