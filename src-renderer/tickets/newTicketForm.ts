/**
 * The new-ticket form's values and the checks made before anything is sent.
 * The server checks everything again; these only save a round trip and point
 * at the field.
 */
import type { TFunction } from 'i18next';
import type { Category, Channel, InputOf, Level } from '../api/types';
import { normalizePhone } from '../../src-main/core/phone';
import { fromLocalInput } from '../lib/time';
import { childrenOf } from './CategorySelect';

export interface NewTicketValues {
  channel: Channel;
  receivedAt: string;
  phone: string;
  customerName: string;
  city: string;
  district: string;
  topCategoryId: number | null;
  categoryId: number | null;
  level: Level;
  description: string;
  department: string;
  ticketNo: string;
}

export type NewTicketErrors = Partial<Record<keyof NewTicketValues, string>>;

export function validateNewTicket(
  v: NewTicketValues,
  categories: Category[],
  zone: string,
  now: number,
  t: TFunction,
): { errors: NewTicketErrors; input: InputOf<'tickets/create'> | null } {
  const errors: NewTicketErrors = {};
  const required = (field: string) => t('common.required', { field });
  const phone = normalizePhone(v.phone);
  if (!phone) errors.phone = v.phone.trim() ? t('newTicket.badPhone') : required(t('newTicket.phone'));
  const receivedAt = fromLocalInput(v.receivedAt, zone);
  if (receivedAt === null) errors.receivedAt = required(t('newTicket.receivedAt'));
  else if (receivedAt > now + 60_000) errors.receivedAt = t('newTicket.future');
  if (v.topCategoryId === null) errors.topCategoryId = required(t('newTicket.category'));
  const needsChild = v.topCategoryId !== null && childrenOf(categories, v.topCategoryId).length > 0;
  if (needsChild && v.categoryId === null) errors.categoryId = required(t('newTicket.subcategory'));
  if (!v.description.trim()) errors.description = required(t('newTicket.description'));
  if (Object.keys(errors).length > 0 || !phone || receivedAt === null) return { errors, input: null };

  const opt = (s: string) => (s.trim() ? s.trim() : null);
  return {
    errors,
    input: {
      channel: v.channel,
      receivedAt,
      phone,
      customerName: opt(v.customerName),
      city: opt(v.city),
      district: opt(v.district),
      categoryId: (needsChild ? v.categoryId : v.topCategoryId)!,
      level: v.level,
      description: v.description.trim(),
      department: opt(v.department),
      ...(v.ticketNo.trim() ? { ticketNo: v.ticketNo.trim() } : {}),
    },
  };
}

/** Which form field a server-side validation error is about (details.field). */
export function fieldOfServerError(details: unknown): keyof NewTicketValues | null {
  const field = details && typeof details === 'object' && 'field' in details ? String((details as { field: unknown }).field) : '';
  const map: Record<string, keyof NewTicketValues> = {
    phone: 'phone',
    receivedAt: 'receivedAt',
    description: 'description',
    categoryId: 'topCategoryId',
    ticketNo: 'ticketNo',
    customerName: 'customerName',
    city: 'city',
    district: 'district',
    department: 'department',
  };
  return map[field] ?? null;
}
