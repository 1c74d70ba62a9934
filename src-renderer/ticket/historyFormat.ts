/** How a history event's changed values read: labels for codes, names for user ids, zone times for instants. */
import type { TFunction } from 'i18next';
import type { Level, Satisfaction, Status } from '../api/types';
import { formatDateTime } from '../lib/time';
import type { DeliveryIssue } from '../../src-main/core/knowledge/delivery-grade';

const KNOWN_FIELDS = new Set([
  'status',
  'level',
  'assigneeId',
  'department',
  'collaborators',
  'firstResponderId',
  'firstResponderName',
  'assigneeName',
  'firstResponseAt',
  'resolvedAt',
  'closedAt',
  'satisfaction',
  'isRepeat',
  'isCollective',
  'reopenCount',
  'transferRequest',
  'pickupRequestedAt',
  'pickupAgreedAt',
  'pickedUpAt',
  'promisedAt',
  'deliveredAt',
  'deliveryIssues',
]);

export function changeFieldLabel(field: string, t: TFunction): string {
  return KNOWN_FIELDS.has(field) ? t(`field.${field as 'status'}`) : field;
}

export function formatChangeValue(
  field: string,
  value: unknown,
  ctx: { t: TFunction; zone: string; userName(id: number | null): string | null },
): string {
  const { t } = ctx;
  if (value === null || value === undefined || value === '') return t('common.none');
  switch (field) {
    case 'status':
      return t(`status.${value as Status}`);
    case 'level':
      return t(`level.${value as Level}`);
    case 'satisfaction':
      return t(`satisfaction.${value as Satisfaction}`);
    case 'assigneeId':
    case 'firstResponderId':
      return ctx.userName(Number(value)) ?? `#${String(value)}`;
    case 'firstResponseAt':
    case 'resolvedAt':
    case 'closedAt':
    case 'pickupRequestedAt':
    case 'pickupAgreedAt':
    case 'pickedUpAt':
    case 'promisedAt':
    case 'deliveredAt':
      return formatDateTime(Number(value), ctx.zone);
    case 'deliveryIssues':
      return Array.isArray(value) && value.length
        ? (value as DeliveryIssue[]).map((i) => t(`knowledge.delivery.issue.${i}`)).join('、')
        : t('common.none');
    case 'transferRequest': {
      const r = value as { department: string; assigneeId: number | null };
      return r.assigneeId === null ? r.department : `${r.department} · ${ctx.userName(r.assigneeId) ?? `#${r.assigneeId}`}`;
    }
  }
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (Array.isArray(value)) return value.length ? value.join('、') : t('common.none');
  return String(value);
}

/** Event notes that carry ticket ids (repeat_of:1,2 on create; the group on flag_collective). */
export function relatedIds(action: string, note: string | null): number[] | null {
  if (!note) return null;
  const raw = action === 'create' && note.startsWith('repeat_of:') ? note.slice('repeat_of:'.length) : action === 'flag_collective' ? note : null;
  if (raw === null) return null;
  const ids = raw.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  return ids.length ? ids : null;
}
