/**
 * Sentences of the tray menu and the desktop notifications: how long until a
 * deadline (or how far past it), one alert, a group of alerts. zh-CN unless
 * the app runs in English; single words come from labels.ts.
 */
import type { Locale } from '../../core/messages';
import type { Alert, AlertBatch } from '../../core/sla/alert-model';
import type { AlertKind } from '../../core/sla/alerts';
import { label } from './labels';
import { ticketsByLatestStage } from '../../core/sla/alert-groups';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export interface NoticeText {
  title: string;
  body: string;
}

/** "1 小时 20 分钟" / "1 h 20 min": the two largest units, rounded down. */
export function duration(ms: number, locale: Locale): string {
  const en = locale === 'en';
  const units = { d: en ? 'd' : '天', h: en ? 'h' : '小时', m: en ? 'min' : '分钟' };
  const d = Math.floor(ms / DAY);
  const h = Math.floor((ms % DAY) / HOUR);
  const m = Math.floor((ms % HOUR) / MIN);
  const parts: Array<[number, keyof typeof units]> = d > 0 ? [[d, 'd'], [h, 'h']] : h > 0 ? [[h, 'h'], [m, 'm']] : [[m, 'm']];
  return parts
    .filter(([n], i) => i === 0 || n > 0)
    .map(([n, u]) => `${n} ${units[u]}`)
    .join(' ');
}

/** The time left before `dueAt` seen at `at`, or how far past it. */
export function timeLeft(dueAt: number, at: number, locale: Locale): string {
  const ms = dueAt - at;
  const en = locale === 'en';
  if (Math.abs(ms) < MIN) return en ? 'due now' : '已到时限';
  const span = duration(Math.abs(ms), locale);
  if (ms > 0) return en ? `${span} left` : `剩余 ${span}`;
  return en ? `${span} overdue` : `超时 ${span}`;
}

/** One alert: "工单 T-001 已超时" / "办结 · 超时 5 分钟 · 升级至主管". */
export function alertText(a: Alert, locale: Locale): NoticeText {
  const en = locale === 'en';
  const title = en ? `Ticket ${a.ticketNo} ${label(a.kind, locale)}` : `工单 ${a.ticketNo} ${label(a.kind, locale)}`;
  const parts = [label(a.clock, locale)];
  if (a.dueAt !== null) parts.push(timeLeft(a.dueAt, a.raisedAt, locale));
  if (a.kind === 'escalated') {
    const to = label(a.targetRole, locale);
    parts.push(en ? `escalated to ${to}` : `升级至${to}`);
  }
  return { title, body: parts.join(' · ') };
}

const GROUP_ORDER: readonly AlertKind[] = ['breached', 'approaching', 'escalated'];

/**
 * Many alerts at once, counted in tickets, each once at the latest stage it
 * reached (core/sla/alert-groups.ts): "5 个工单已超时，12 个即将超时", or
 * "500 个工单已超时并升级" for an import of long-overdue rows. A catch-up batch
 * says it happened while the console was closed.
 */
export function groupText(batch: AlertBatch, locale: Locale): NoticeText {
  const en = locale === 'en';
  const counts = ticketsByLatestStage(batch.alerts);
  const parts = GROUP_ORDER.map((kind) => ({ kind, n: counts[kind] }))
    .filter((p) => p.n > 0)
    .map(({ kind, n }, i) => {
      const word = kind === 'escalated' ? (en ? 'overdue and escalated' : '已超时并升级') : label(kind, locale);
      if (en) return i === 0 ? `${n} ${n === 1 ? 'ticket' : 'tickets'} ${word}` : `${n} ${word}`;
      return i === 0 ? `${n} 个工单${word}` : `${n} 个${word}`;
    });
  const summary = parts.join(en ? ', ' : '，');
  const body = batch.catchUp ? (en ? `While the console was closed: ${summary}` : `控制台关闭期间：${summary}`) : summary;
  return { title: label('appName', locale), body };
}
