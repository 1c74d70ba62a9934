/**
 * The SLA policy (docs/REQUIREMENTS.md §2): rules matched by channel, level and optionally
 * category, each giving the three limits. The most specific rule wins — one
 * naming a category beats one naming a level, which beats one naming only a
 * channel — and a tie goes to the shorter limit, clock by clock.
 */
import { CHANNELS, type Channel, type Level } from '../enums';

export type TicketClockKind = 'first_response' | 'resolution' | 'follow_up';
export type ClockKind = TicketClockKind | 'refund';
export const TICKET_CLOCKS: readonly TicketClockKind[] = ['first_response', 'resolution', 'follow_up'];

export interface SlaRule {
  id: string;
  /** Channels the rule covers; null means any channel. */
  channels: Channel[] | null;
  level: Level | null;
  /** A top-level category covers its sub-categories. */
  categoryId: number | null;
  /** Limits in minutes. */
  firstResponseMin: number;
  resolutionMin: number;
  followUpMin: number;
  /** Count only working time of the branch's business calendar. */
  businessCalendar: boolean;
}

export interface RuleMatch {
  limitsMin: Record<TicketClockKind, number>;
  businessCalendar: boolean;
  ruleIds: string[];
}

const H = 60;
const ALL_BUT_12300 = CHANNELS.filter((c) => c !== '12300');

/** The shipped defaults. The SP rule names its category by name; the service binds it to an id. */
export const DEFAULT_RULES: ReadonlyArray<Omit<SlaRule, 'categoryId'> & { categoryName?: string }> = [
  { id: 'fallback', channels: null, level: null, firstResponseMin: 2 * H, resolutionMin: 24 * H, followUpMin: 24 * H, businessCalendar: false },
  { id: '10086-normal', channels: ['10086'], level: 'normal', firstResponseMin: 4 * H, resolutionMin: 48 * H, followUpMin: 24 * H, businessCalendar: false },
  { id: '10080', channels: ['10080'], level: null, firstResponseMin: 2 * H, resolutionMin: 24 * H, followUpMin: 24 * H, businessCalendar: false },
  { id: '12300', channels: ['12300'], level: null, firstResponseMin: 1 * H, resolutionMin: 12 * H, followUpMin: 24 * H, businessCalendar: false },
  { id: 'other-normal', channels: ['store', 'online', 'social', 'other'], level: 'normal', firstResponseMin: 2 * H, resolutionMin: 48 * H, followUpMin: 24 * H, businessCalendar: false },
  { id: 'major', channels: ALL_BUT_12300, level: 'major', firstResponseMin: 30, resolutionMin: 24 * H, followUpMin: 24 * H, businessCalendar: false },
  // SP complaints: the SP must reply within 4 h; the 72 h for the refund itself is the refund clock's.
  { id: 'sp', channels: null, level: null, categoryName: '增值业务', firstResponseMin: 1 * H, resolutionMin: 4 * H, followUpMin: 24 * H, businessCalendar: false },
];

export interface TicketFacts {
  channel: Channel;
  level: Level;
  categoryId: number;
  /** The parent of the ticket's category, when it is a sub-category. */
  parentCategoryId: number | null;
}

function specificity(r: SlaRule): number {
  return (r.categoryId !== null ? 4 : 0) + (r.level !== null ? 2 : 0) + (r.channels !== null ? 1 : 0);
}

function matches(r: SlaRule, t: TicketFacts): boolean {
  if (r.channels !== null && !r.channels.includes(t.channel)) return false;
  if (r.level !== null && r.level !== t.level) return false;
  if (r.categoryId !== null && r.categoryId !== t.categoryId && r.categoryId !== t.parentCategoryId) return false;
  return true;
}

export function matchRule(rules: readonly SlaRule[], t: TicketFacts): RuleMatch | null {
  const candidates = rules.filter((r) => matches(r, t));
  if (candidates.length === 0) return null;
  const best = Math.max(...candidates.map(specificity));
  const tied = candidates.filter((r) => specificity(r) === best);
  return {
    limitsMin: {
      first_response: Math.min(...tied.map((r) => r.firstResponseMin)),
      resolution: Math.min(...tied.map((r) => r.resolutionMin)),
      follow_up: Math.min(...tied.map((r) => r.followUpMin)),
    },
    businessCalendar: tied.some((r) => r.businessCalendar),
    ruleIds: tied.map((r) => r.id),
  };
}

export type PolicyProblem =
  | { rule: string; problem: 'limit_not_positive'; field: string }
  | { rule: string; problem: 'same_match'; other: string }
  | { rule: string; problem: 'empty_channels' }
  | { rule: string; problem: 'duplicate_id' };

function matchKey(r: SlaRule): string {
  return JSON.stringify([r.channels ? [...r.channels].sort() : null, r.level, r.categoryId]);
}

/** Limits must be positive and no two rules may match exactly the same tickets. */
export function validatePolicy(rules: readonly SlaRule[]): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  const seenKeys = new Map<string, string>();
  const seenIds = new Set<string>();
  for (const r of rules) {
    if (seenIds.has(r.id)) problems.push({ rule: r.id, problem: 'duplicate_id' });
    seenIds.add(r.id);
    for (const f of ['firstResponseMin', 'resolutionMin', 'followUpMin'] as const) {
      if (!(Number.isInteger(r[f]) && r[f] > 0)) problems.push({ rule: r.id, problem: 'limit_not_positive', field: f });
    }
    if (r.channels !== null && r.channels.length === 0) problems.push({ rule: r.id, problem: 'empty_channels' });
    const key = matchKey(r);
    const other = seenKeys.get(key);
    if (other) problems.push({ rule: r.id, problem: 'same_match', other });
    else seenKeys.set(key, r.id);
  }
  return problems;
}
