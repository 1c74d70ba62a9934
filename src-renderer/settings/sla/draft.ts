/**
 * The SLA policy as the editor holds it (text the admin types) and the way
 * back to the exact shape `sla/savePolicy` takes. Pure: no React, no i18n —
 * problems come out as codes with parameters and the components word them.
 *
 * The checks are the server's own where they can be (the bounds of
 * core/sla/bounds.ts); the rest follow core/sla/policy.ts validatePolicy and
 * core/sla/calendar.ts validateCalendar, so the admin is told before anything
 * is sent. The server checks again.
 */
import type { Channel, InputOf, Level, OutputOf } from '../../api/types';
import { MAX_HOLIDAYS, MAX_LIMIT_MIN, MAX_RULE_ID_LENGTH, MAX_RULES, MAX_SPANS, MAX_THRESHOLDS, MAX_WORKDAYS } from '../../../src-main/core/sla/bounds';
import { MAX_TIME_LEFT_MS } from '../../../src-main/core/sla/time-left';
import { isShippedRule } from '../../../src-main/core/sla/rule-names';

export type SlaPolicy = OutputOf<'sla/policy'>;
export type PolicyInput = InputOf<'sla/savePolicy'>;
export type SlaRule = PolicyInput['rules'][number];

export const LIMIT_FIELDS = ['firstResponseMin', 'resolutionMin', 'followUpMin'] as const;
export type LimitField = (typeof LIMIT_FIELDS)[number];

/** Hours and minutes as typed. */
export interface HM {
  h: string;
  m: string;
}

export interface RuleDraft {
  /** Stable React key and error path; never sent. */
  key: string;
  id: string;
  /** A shipped rule as saved: its id is a key the clocks record, shown by its Chinese name and not renamed. */
  shipped: boolean;
  anyChannel: boolean;
  /** Kept while "any channel" is ticked, so unticking gives the set back. */
  channels: Channel[];
  /** '' = any level. */
  level: Level | '';
  /** '' = any category, else the id as text. */
  categoryId: string;
  limits: Record<LimitField, HM>;
  businessCalendar: boolean;
}

export interface PolicyDraft {
  rules: RuleDraft[];
  /** Working spans per weekday as text, index 0 = Sunday … 6 = Saturday. */
  week: string[];
  holidays: string;
  workdays: string;
  zone: string;
  /** Percentages, e.g. "80" or "80, 90". */
  thresholds: string;
  escalation: HM;
  pauseOnPending: boolean;
  /** Countdowns turn amber with this much time left, orange with this much. */
  soonWithin: HM;
  urgentWithin: HM;
}

/** Where a problem is: `rule:<key>:<field>`, `week:<day>`, `holidays`, `workdays`, `thresholds`, `escalation`, `soonWithin`, `urgentWithin`, `rules`. */
export interface Problem {
  path: string;
  code: ProblemCode;
  params?: Record<string, string | number>;
}

export type ProblemCode =
  | 'rules_empty'
  | 'rules_too_many'
  | 'id_empty'
  | 'id_too_long'
  | 'id_duplicate'
  | 'channels_empty'
  | 'same_match'
  | 'limit_format'
  | 'limit_minutes'
  | 'limit_zero'
  | 'limit_too_long'
  | 'span_format'
  | 'span_order'
  | 'span_overlap'
  | 'span_too_many'
  | 'week_empty'
  | 'date_format'
  | 'date_invalid'
  | 'date_both'
  | 'dates_too_many'
  | 'thresholds_empty'
  | 'threshold_format'
  | 'threshold_range'
  | 'thresholds_too_many'
  | 'escalation_format'
  | 'escalation_zero'
  | 'time_left_format'
  | 'time_left_zero'
  | 'time_left_too_long'
  | 'time_left_order';

/** Which words a rule's precedence tier is explained with (docs/REQUIREMENTS.md §2). */
export type Tier = 'category' | 'level' | 'channel' | 'any';

/** A countdown threshold is at most a week, as the server says. */
const MAX_TIME_LEFT_MIN = MAX_TIME_LEFT_MS / 60_000;

let keySeq = 0;
export const newKey = (): string => `r${++keySeq}`;

// ---------------------------------------------------------------- minutes ⇄ h/m

export function toHM(min: number): HM {
  return { h: String(Math.floor(min / 60)), m: String(min % 60) };
}

type HMResult = { min: number; error: null } | { min: null; error: 'format' | 'minutes' | 'zero' | 'too_long' };

/** Blank counts as 0; hours up to 4 digits, minutes 0–59; the total must be above 0. */
export function parseHM(v: HM): HMResult {
  const h = v.h.trim();
  const m = v.m.trim();
  if ((h !== '' && !/^\d{1,4}$/.test(h)) || (m !== '' && !/^\d{1,2}$/.test(m))) return { min: null, error: 'format' };
  const hours = h === '' ? 0 : Number(h);
  const minutes = m === '' ? 0 : Number(m);
  if (minutes > 59) return { min: null, error: 'minutes' };
  const total = hours * 60 + minutes;
  if (total <= 0) return { min: null, error: 'zero' };
  if (total > MAX_LIMIT_MIN) return { min: null, error: 'too_long' };
  return { min: total, error: null };
}

// ---------------------------------------------------------------- spans

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (min: number) => `${pad(Math.floor(min / 60))}:${pad(min % 60)}`;

export function formatSpans(spans: ReadonlyArray<readonly [number, number]>): string {
  return spans.map(([s, e]) => `${hhmm(s)}–${hhmm(e)}`).join(', ');
}

type SpansResult = { spans: Array<[number, number]>; problem: null } | { spans: null; problem: { code: ProblemCode; token?: string } };

/** "08:30–12:00, 13:30–17:30" (any dash, ~ or 至; comma, 、 or space between); blank is a day off. */
export function parseSpans(text: string): SpansResult {
  const normal = text.trim().replace(/\s*[-–—~～至到]\s*/g, '-').replace(/：/g, ':');
  if (normal === '') return { spans: [], problem: null };
  const spans: Array<[number, number]> = [];
  for (const token of normal.split(/[\s,，;；、]+/).filter(Boolean)) {
    const m = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(token);
    if (!m) return { spans: null, problem: { code: 'span_format', token } };
    const [sh, sm, eh, em] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    if (sm > 59 || em > 59 || sh > 24 || eh > 24) return { spans: null, problem: { code: 'span_format', token } };
    const start = sh * 60 + sm;
    const end = eh * 60 + em;
    if (start >= 1440 || end > 1440 || start >= end) return { spans: null, problem: { code: 'span_order', token } };
    spans.push([start, end]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i]![0] < spans[i - 1]![1]) return { spans: null, problem: { code: 'span_overlap', token: formatSpans([spans[i - 1]!, spans[i]!]) } };
  }
  if (spans.length > MAX_SPANS) return { spans: null, problem: { code: 'span_too_many' } };
  return { spans, problem: null };
}

// ---------------------------------------------------------------- dates

type DatesResult = { dates: string[]; problem: null } | { dates: null; problem: { code: ProblemCode; token?: string } };

/** One date a line (commas and spaces also separate); 2026/10/1 is taken as 2026-10-01. Sorted, without repeats. */
export function parseDates(text: string, max: number): DatesResult {
  const out = new Set<string>();
  for (const token of text.split(/[\s,，;；、]+/).filter(Boolean)) {
    const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(token);
    if (!m) return { dates: null, problem: { code: 'date_format', token } };
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const probe = new Date(Date.UTC(y, mo - 1, d));
    if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
      return { dates: null, problem: { code: 'date_invalid', token } };
    }
    out.add(`${y}-${pad(mo)}-${pad(d)}`);
  }
  const dates = [...out].sort();
  if (dates.length > max) return { dates: null, problem: { code: 'dates_too_many', token: String(max) } };
  return { dates, problem: null };
}

// ---------------------------------------------------------------- thresholds

export function formatThresholds(fractions: readonly number[]): string {
  return fractions.map((f) => String(Math.round(f * 10_000) / 100)).join(', ');
}

type ThresholdsResult = { thresholds: number[]; problem: null } | { thresholds: null; problem: { code: ProblemCode; token?: string } };

/** "80" or "80, 90 %": percentages strictly between 0 and 100, as fractions, sorted, without repeats. */
export function parseThresholds(text: string): ThresholdsResult {
  const tokens = text.replace(/[%％]/g, ' ').split(/[\s,，;；、]+/).filter(Boolean);
  if (tokens.length === 0) return { thresholds: null, problem: { code: 'thresholds_empty' } };
  const out = new Set<number>();
  for (const token of tokens) {
    if (!/^\d{1,3}(\.\d{1,2})?$/.test(token)) return { thresholds: null, problem: { code: 'threshold_format', token } };
    const pct = Number(token);
    if (!(pct > 0 && pct < 100)) return { thresholds: null, problem: { code: 'threshold_range', token } };
    out.add(Math.round(pct * 100) / 10_000);
  }
  const thresholds = [...out].sort((a, b) => a - b);
  if (thresholds.length > MAX_THRESHOLDS) return { thresholds: null, problem: { code: 'thresholds_too_many', token: String(MAX_THRESHOLDS) } };
  return { thresholds, problem: null };
}

// ---------------------------------------------------------------- rules

export function tierOf(r: Pick<RuleDraft, 'anyChannel' | 'level' | 'categoryId'>): Tier {
  if (r.categoryId !== '') return 'category';
  if (r.level !== '') return 'level';
  if (!r.anyChannel) return 'channel';
  return 'any';
}

export function ruleToDraft(r: SlaRule): RuleDraft {
  return {
    key: newKey(),
    id: r.id,
    shipped: isShippedRule(r.id),
    anyChannel: r.channels === null,
    channels: r.channels ? [...r.channels] : [],
    level: r.level ?? '',
    categoryId: r.categoryId === null ? '' : String(r.categoryId),
    limits: { firstResponseMin: toHM(r.firstResponseMin), resolutionMin: toHM(r.resolutionMin), followUpMin: toHM(r.followUpMin) },
    businessCalendar: r.businessCalendar,
  };
}

/** A new rule: any channel, normal level, the 10086 defaults as a starting point, an id not yet used. */
export function blankRule(existing: readonly RuleDraft[]): RuleDraft {
  const ids = new Set(existing.map((r) => r.id.trim()));
  let n = existing.length + 1;
  while (ids.has(`新规则${n}`)) n++;
  return {
    key: newKey(),
    id: `新规则${n}`,
    shipped: false,
    anyChannel: false,
    channels: [],
    level: '',
    categoryId: '',
    limits: { firstResponseMin: toHM(240), resolutionMin: toHM(48 * 60), followUpMin: toHM(24 * 60) },
    businessCalendar: false,
  };
}

export function policyToDraft(p: SlaPolicy): PolicyDraft {
  return {
    rules: p.rules.map(ruleToDraft),
    week: Array.from({ length: 7 }, (_, i) => formatSpans(p.calendar.week[i] ?? [])),
    holidays: p.calendar.holidays.join('\n'),
    workdays: p.calendar.workdays.join('\n'),
    zone: p.calendar.zone,
    thresholds: formatThresholds(p.alerts.thresholds),
    escalation: toHM(Math.round(p.alerts.escalationDelayMs / 60_000)),
    pauseOnPending: p.pauseOnPending,
    soonWithin: toHM(Math.round(p.timeLeft.soonMs / 60_000)),
    urgentWithin: toHM(Math.round(p.timeLeft.urgentMs / 60_000)),
  };
}

/** The exact key the server compares "same match" by. */
function matchKey(channels: readonly Channel[] | null, level: Level | null, categoryId: number | null): string {
  return JSON.stringify([channels ? [...channels].sort() : null, level, categoryId]);
}

export const rulePath = (key: string, field: string) => `rule:${key}:${field}`;

/** The policy to send, or every problem found (in the order the form shows them). */
export function draftToPolicy(d: PolicyDraft): { policy: PolicyInput; problems: [] } | { policy: null; problems: Problem[] } {
  const problems: Problem[] = [];
  const rules: SlaRule[] = [];
  if (d.rules.length === 0) problems.push({ path: 'rules', code: 'rules_empty' });
  if (d.rules.length > MAX_RULES) problems.push({ path: 'rules', code: 'rules_too_many', params: { max: MAX_RULES } });

  const ids = new Map<string, string>();
  const matches = new Map<string, RuleDraft>();
  for (const r of d.rules) {
    const id = r.id.trim();
    const name = id || '?';
    if (id === '') problems.push({ path: rulePath(r.key, 'id'), code: 'id_empty' });
    else if (id.length > MAX_RULE_ID_LENGTH) problems.push({ path: rulePath(r.key, 'id'), code: 'id_too_long', params: { rule: name, max: MAX_RULE_ID_LENGTH } });
    else if (ids.has(id)) problems.push({ path: rulePath(r.key, 'id'), code: 'id_duplicate', params: { rule: name } });
    else ids.set(id, r.key);

    if (!r.anyChannel && r.channels.length === 0) problems.push({ path: rulePath(r.key, 'channels'), code: 'channels_empty', params: { rule: name } });

    const limits: Partial<Record<LimitField, number>> = {};
    for (const f of LIMIT_FIELDS) {
      const parsed = parseHM(r.limits[f]);
      if (parsed.error === null) limits[f] = parsed.min;
      else {
        const code = ({ format: 'limit_format', minutes: 'limit_minutes', zero: 'limit_zero', too_long: 'limit_too_long' } as const)[parsed.error];
        problems.push({ path: rulePath(r.key, f), code, params: { rule: name, field: f } });
      }
    }

    const channels = r.anyChannel ? null : [...r.channels];
    const level = r.level === '' ? null : r.level;
    const categoryId = r.categoryId === '' ? null : Number(r.categoryId);
    const key = matchKey(channels, level, categoryId);
    const first = matches.get(key);
    if (first) {
      problems.push({ path: rulePath(r.key, 'match'), code: 'same_match', params: { rule: name, other: first.id.trim() || '?' } });
      problems.push({ path: rulePath(first.key, 'match'), code: 'same_match', params: { rule: first.id.trim() || '?', other: name } });
    } else matches.set(key, r);

    if (limits.firstResponseMin && limits.resolutionMin && limits.followUpMin) {
      rules.push({
        id,
        channels,
        level,
        categoryId,
        firstResponseMin: limits.firstResponseMin,
        resolutionMin: limits.resolutionMin,
        followUpMin: limits.followUpMin,
        businessCalendar: r.businessCalendar,
      });
    }
  }

  const week: Array<Array<[number, number]>> = [];
  d.week.forEach((text, day) => {
    const parsed = parseSpans(text);
    if (parsed.problem) problems.push({ path: `week:${day}`, code: parsed.problem.code, params: { day, token: parsed.problem.token ?? '', max: MAX_SPANS } });
    else week.push(parsed.spans);
  });
  if (week.length === 7 && week.every((spans) => spans.length === 0)) problems.push({ path: 'week:1', code: 'week_empty' });

  const holidays = parseDates(d.holidays, MAX_HOLIDAYS);
  if (holidays.problem) problems.push({ path: 'holidays', code: holidays.problem.code, params: { token: holidays.problem.token ?? '', list: 'holidays' } });
  const workdays = parseDates(d.workdays, MAX_WORKDAYS);
  if (workdays.problem) problems.push({ path: 'workdays', code: workdays.problem.code, params: { token: workdays.problem.token ?? '', list: 'workdays' } });
  if (holidays.dates && workdays.dates) {
    const both = workdays.dates.find((x) => holidays.dates.includes(x));
    if (both) problems.push({ path: 'workdays', code: 'date_both', params: { token: both } });
  }

  const thresholds = parseThresholds(d.thresholds);
  if (thresholds.problem) problems.push({ path: 'thresholds', code: thresholds.problem.code, params: { token: thresholds.problem.token ?? '' } });
  const escalation = parseHM(d.escalation);
  if (escalation.error !== null) {
    problems.push({ path: 'escalation', code: escalation.error === 'zero' ? 'escalation_zero' : 'escalation_format' });
  }

  const soon = parseHM(d.soonWithin);
  const urgent = parseHM(d.urgentWithin);
  for (const [path, r] of [['soonWithin', soon], ['urgentWithin', urgent]] as const) {
    if (r.error === 'zero') problems.push({ path, code: 'time_left_zero' });
    else if (r.error !== null) problems.push({ path, code: 'time_left_format' });
    else if (r.min > MAX_TIME_LEFT_MIN) problems.push({ path, code: 'time_left_too_long' });
  }
  if (soon.min !== null && urgent.min !== null && urgent.min > soon.min) problems.push({ path: 'urgentWithin', code: 'time_left_order' });

  if (problems.length > 0 || !holidays.dates || !workdays.dates || !thresholds.thresholds || escalation.min === null || soon.min === null || urgent.min === null) {
    return { policy: null, problems };
  }
  return {
    policy: {
      rules,
      calendar: { zone: d.zone, week, holidays: holidays.dates, workdays: workdays.dates },
      alerts: { thresholds: thresholds.thresholds, escalationDelayMs: escalation.min * 60_000 },
      pauseOnPending: d.pauseOnPending,
      timeLeft: { soonMs: soon.min * 60_000, urgentMs: urgent.min * 60_000 },
    },
    problems: [],
  };
}

/** Rule ids the server named in an sla_policy_invalid refusal (its details are the problem list). */
export function rulesNamedIn(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((p: unknown) => (p && typeof p === 'object' && 'rule' in p && typeof p.rule === 'string' ? [p.rule] : []));
}
