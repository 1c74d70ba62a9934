/**
 * What each action's small form asks for, and how its values become the
 * TicketAction the backend expects (src-main/core/lifecycle.ts). Required
 * texts are checked here too so the form can point at the empty field.
 */
import type { TFunction } from 'i18next';
import type { ActionType, Level, Satisfaction, TicketAction } from '../api/types';

export type ActionField = 'reason' | 'note' | 'rootCause' | 'breachCause' | 'breachCauseText' | 'satisfaction' | 'level' | 'department' | 'assigneeId';

export interface ActionValues {
  reason: string;
  note: string;
  rootCause: string;
  breachCause: string;
  breachCauseText: string;
  satisfaction: Satisfaction | '';
  level: Level | '';
  department: string;
  assigneeId: string;
}

export const EMPTY_VALUES: ActionValues = {
  reason: '',
  note: '',
  rootCause: '',
  breachCause: '',
  breachCauseText: '',
  satisfaction: '',
  level: '',
  department: '',
  assigneeId: '',
};

/** Fields per action; `true` means required. */
export const ACTION_FIELDS: Record<ActionType, Partial<Record<ActionField, boolean>>> = {
  accept: {},
  start: {},
  resume: {},
  pend: { reason: true },
  respond: { note: true },
  // The server refuses settling a ticket whose clock was missed without a breach cause (超时原因).
  resolve: { note: true, rootCause: false, breachCause: false, breachCauseText: false },
  close: { satisfaction: true, note: false },
  reopen: { reason: true },
  void: { reason: true },
  escalate: { level: true, reason: true },
  transfer: { department: true, assigneeId: false, reason: false },
  collaborate: { department: true, note: false },
  release: { reason: true },
  request_transfer: { department: true, assigneeId: false, reason: true },
  decline_transfer: { reason: true },
};

export function fieldLabel(field: ActionField, t: TFunction): string {
  const key = { level: 'form.targetLevel', assigneeId: 'form.assignee' } as const;
  return field === 'level' || field === 'assigneeId' ? t(key[field]) : t(`form.${field}`);
}

export function buildAction(
  type: ActionType,
  v: ActionValues,
  t: TFunction,
): { action: TicketAction | null; errors: Partial<Record<ActionField, string>> } {
  const errors: Partial<Record<ActionField, string>> = {};
  for (const [field, required] of Object.entries(ACTION_FIELDS[type]) as [ActionField, boolean][]) {
    if (required && !String(v[field]).trim()) errors[field] = t('common.required', { field: fieldLabel(field, t) });
  }
  if (Object.keys(errors).length) return { action: null, errors };
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  const reason = v.reason.trim();
  const note = v.note.trim();
  const build = (): TicketAction => {
    switch (type) {
      case 'accept':
      case 'start':
      case 'resume':
        return { type };
      case 'pend':
      case 'reopen':
      case 'void':
      case 'release':
      case 'decline_transfer':
        return { type, reason };
      case 'respond':
        return { type, note };
      case 'resolve':
        return { type, note, rootCause: opt(v.rootCause), breachCause: opt(v.breachCause), breachCauseText: opt(v.breachCauseText) };
      case 'close':
        return { type, satisfaction: v.satisfaction as Satisfaction, note: opt(v.note) };
      case 'escalate':
        return { type, level: v.level as Level, reason };
      case 'transfer':
        return { type, department: v.department.trim(), assigneeId: v.assigneeId ? Number(v.assigneeId) : null, reason: opt(v.reason) };
      case 'collaborate':
        return { type, department: v.department.trim(), note: opt(v.note) };
      case 'request_transfer':
        return { type, department: v.department.trim(), assigneeId: v.assigneeId ? Number(v.assigneeId) : null, reason };
    }
  };
  return { action: build(), errors };
}
