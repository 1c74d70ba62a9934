/** How the SLA editor words things: problems, limits, a rule's channels and category. */
import type { TFunction } from 'i18next';
import type { Category, Channel } from '../../api/types';
import { CHANNELS } from '../../../src-main/core/enums';
import type { HM, LimitField, Problem } from './draft';
import { ruleName } from '../../../src-main/core/sla/rule-names';
import { currentLocale } from '../../i18n';

/** Index 0 = Sunday, as BusinessCalendar.week. */
export const WEEKDAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
/** The order a Chinese week is shown in: Monday first. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

export function weekdayName(day: number, t: TFunction): string {
  return t(`sla.calendar.weekday.${WEEKDAY_KEYS[day] ?? 'mon'}`);
}

export function clockName(field: LimitField, t: TFunction): string {
  return t(`sla.col.${field}`);
}

export function problemText(p: Problem, t: TFunction): string {
  const params: Record<string, string | number> = { ...(p.params ?? {}) };
  if (typeof params.field === 'string') params.clock = clockName(params.field as LimitField, t);
  // A shipped rule by its name (10086 普通投诉), not its stored key (10086-normal).
  for (const k of ['rule', 'other'] as const) if (typeof params[k] === 'string') params[k] = ruleName(params[k], currentLocale());
  if (typeof params.day === 'number') params.day = weekdayName(params.day, t);
  if (params.list === 'holidays' || params.list === 'workdays') params.list = t(`sla.list.${params.list}`);
  // The templates take different variables each; all of them are in `params`.
  const word = t as unknown as (key: string, options: Record<string, string | number>) => string;
  return word(`sla.problem.${p.code}`, params);
}

/** "48 小时", "30 分钟", "1 小时 30 分". */
export function limitText(min: number, t: TFunction): string {
  const h = Math.floor(min / 60);
  const m = min % 60;
  if (h === 0) return t('duration.m', { m: String(m) });
  if (m === 0) return t('sla.hoursOnly', { h: String(h) });
  return t('duration.hm', { h: String(h), m: String(m) });
}

export function hmText(v: HM, t: TFunction): string {
  const h = Number(v.h.trim() || '0');
  const m = Number(v.m.trim() || '0');
  return Number.isFinite(h) && Number.isFinite(m) ? limitText(h * 60 + m, t) : `${v.h}:${v.m}`;
}


/** The hotline numbers are their own best label; the other channels take their word. */
export function channelShort(c: Channel, t: TFunction): string {
  return /^\d+$/.test(c) ? c : t(`channel.${c}`);
}

export function channelsText(anyChannel: boolean, channels: readonly Channel[], t: TFunction): string {
  if (anyChannel) return t('sla.anyChannel');
  const missing = CHANNELS.filter((c) => !channels.includes(c));
  // Naming every channel is not the same rule as "any channel" (it is more specific), so it is said differently.
  if (missing.length === 0) return t('sla.allChannels', { count: CHANNELS.length });
  if (missing.length === 1 && channels.length > 1) return t('sla.allBut', { channel: channelShort(missing[0]!, t) });
  return CHANNELS.filter((c) => channels.includes(c))
    .map((c) => channelShort(c, t))
    .join(t('sla.listSep'));
}

export function categoryText(categoryId: string, categories: readonly Category[], t: TFunction): string {
  if (categoryId === '') return t('sla.anyCategory');
  const c = categories.find((x) => String(x.id) === categoryId);
  if (!c) return `#${categoryId}`;
  return c.parentId === null ? t('sla.withChildren', { name: c.name }) : c.path;
}
