/**
 * Coded columns as a CRM writes them: the code (`10086`, `in_progress`), the
 * console's Chinese or English label (`10086热线`, 处理中, In progress) or a
 * common variant of the label (工信部, 挂起, 已关闭). Anything else is refused
 * rather than guessed.
 */
import {
  CHANNELS,
  CHANNEL_LABELS,
  LEVELS,
  LEVEL_LABELS,
  SATISFACTIONS,
  SATISFACTION_LABELS,
  STATUSES,
  STATUS_LABELS,
  type Channel,
  type Level,
  type Satisfaction,
  type Status,
} from '../enums';
import { levelOnArrival } from '../arrival';

/** Width, case, spaces, underscores, hyphens and brackets do not change a value's meaning. */
export function valueKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-()（）【】[\]]+/g, '');
}

type Labels<T extends string> = Record<T, { zh: string; en: string }>;

function vocabulary<T extends string>(
  codes: readonly T[],
  labels: Labels<T>,
  extra: Partial<Record<T, readonly string[]>>,
): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const code of codes) {
    for (const word of [code, labels[code].zh, labels[code].en, ...(extra[code] ?? [])]) map.set(valueKey(word), code);
  }
  return map;
}

const CHANNEL_WORDS = vocabulary(CHANNELS, CHANNEL_LABELS, {
  '10086': ['10086客服热线', '10086热线电话'],
  '10080': ['集团热线', '10080热线'],
  '12300': ['工信部', '工信部申诉', '管局', '12300管局', '12300申诉', '电信用户申诉受理中心'],
  store: ['营业厅现场', '实体营业厅', '门店'],
  online: ['在线', '网上客服', '网上营业厅'],
  social: ['微博', '社交媒体投诉', '新媒体'],
  other: ['其它'],
});

const LEVEL_WORDS = vocabulary(LEVELS, LEVEL_LABELS, {
  normal: ['一般', '普通投诉', '一般投诉'],
  major: ['重大投诉', '重大升级投诉', '升级投诉'],
  overlevel: ['越级投诉'],
});

const STATUS_WORDS = vocabulary(STATUSES, STATUS_LABELS, {
  new: ['待受理', '未受理'],
  accepted: ['受理'],
  in_progress: ['处理中', '在办', '办理中'],
  pending_customer: ['待客户', '挂起', '已挂起', '待客户挂起'],
  responded: ['答复', '已回复'],
  resolved: ['办结', '已解决'],
  closed: ['已关闭', '关闭', '已回访', '已归档', '回访关闭'],
  voided: ['作废', '已撤销'],
});

const SATISFACTION_WORDS = vocabulary(SATISFACTIONS, SATISFACTION_LABELS, {});

export const parseChannel = (text: string): Channel | null => CHANNEL_WORDS.get(valueKey(text)) ?? null;
export const parseLevel = (text: string): Level | null => LEVEL_WORDS.get(valueKey(text)) ?? null;
export const parseStatus = (text: string): Status | null => STATUS_WORDS.get(valueKey(text)) ?? null;
export const parseSatisfaction = (text: string): Satisfaction | null => SATISFACTION_WORDS.get(valueKey(text)) ?? null;

/** The level of a new ticket whose file leaves it blank. */
export function defaultLevel(channel: Channel): Level {
  return levelOnArrival(channel, 'normal');
}
