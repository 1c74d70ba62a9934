import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, matchRule, validatePolicy, type SlaRule } from '../../../../src-main/core/sla/policy';
import type { Channel, Level } from '../../../../src-main/core/enums';

const SP = 30; // the 增值业务 category id in these tests
const SP_CHILD = 31;
const NETWORK = 1;
const RULES: SlaRule[] = DEFAULT_RULES.map(({ categoryName, ...r }) => ({ ...r, categoryId: categoryName ? SP : null }));
const parents = new Map<number, number | null>([[SP_CHILD, SP], [SP, null], [NETWORK, null]]);

function limits(channel: Channel, level: Level, categoryId = NETWORK) {
  const m = matchRule(RULES, { channel, level, categoryId, parentCategoryId: parents.get(categoryId) ?? null });
  if (!m) throw new Error('no rule');
  return [m.limitsMin.first_response / 60, m.limitsMin.resolution / 60, m.limitsMin.follow_up / 60, m.ruleIds.join('+')];
}

describe('default SLA rules (docs/REQUIREMENTS.md §2)', () => {
  it('10086 normal: 4 h / 48 h / 24 h', () => expect(limits('10086', 'normal')).toEqual([4, 48, 24, '10086-normal']));
  it('10080 any level: 2 h / 24 h / 24 h', () => expect(limits('10080', 'overlevel')).toEqual([2, 24, 24, '10080']));
  it('12300 any level: 1 h / 12 h / 24 h', () => expect(limits('12300', 'overlevel')).toEqual([1, 12, 24, '12300']));
  for (const ch of ['store', 'online', 'social', 'other'] as const) {
    it(`${ch} normal: 2 h / 48 h / 24 h`, () => expect(limits(ch, 'normal')).toEqual([2, 48, 24, 'other-normal']));
  }
  it('major on any channel but 12300: 30 min / 24 h / 24 h', () => {
    expect(limits('10086', 'major')).toEqual([0.5, 24, 24, 'major']);
    expect(limits('store', 'major')).toEqual([0.5, 24, 24, 'major']);
  });
  it('SP category: 1 h / 4 h / 24 h, also for its sub-categories', () => {
    expect(limits('10086', 'normal', SP)).toEqual([1, 4, 24, 'sp']);
    expect(limits('online', 'normal', SP_CHILD)).toEqual([1, 4, 24, 'sp']);
  });
  it('a ticket no specific rule covers (10086 over-level) falls back to 2 h / 24 h / 24 h', () => {
    expect(limits('10086', 'overlevel')).toEqual([2, 24, 24, 'fallback']);
  });
});

describe('precedence', () => {
  it('a level rule beats a channel-only rule: 10080 major takes the major limits', () => {
    expect(limits('10080', 'major')).toEqual([0.5, 24, 24, 'major']);
  });
  it('the major rule leaves 12300 to its own channel rule', () => {
    expect(limits('12300', 'major')).toEqual([1, 12, 24, '12300']);
  });
  it('a category rule beats a level rule', () => {
    expect(limits('10086', 'major', SP)).toEqual([1, 4, 24, 'sp']);
  });
  it('a tie goes to the shorter limit, clock by clock', () => {
    const rules: SlaRule[] = [
      { id: 'a', channels: ['store'], level: null, categoryId: null, firstResponseMin: 60, resolutionMin: 600, followUpMin: 100, businessCalendar: false },
      { id: 'b', channels: ['store', 'online'], level: null, categoryId: null, firstResponseMin: 90, resolutionMin: 300, followUpMin: 200, businessCalendar: false },
    ];
    const m = matchRule(rules, { channel: 'store', level: 'normal', categoryId: 1, parentCategoryId: null });
    expect(m?.limitsMin).toEqual({ first_response: 60, resolution: 300, follow_up: 100 });
    expect(m?.ruleIds).toEqual(['a', 'b']);
  });
});

describe('policy validation', () => {
  const base = RULES[1]!;
  it('accepts the defaults', () => expect(validatePolicy(RULES)).toEqual([]));
  it('refuses a zero or fractional limit', () => {
    expect(validatePolicy([{ ...base, resolutionMin: 0 }])).toEqual([{ rule: base.id, problem: 'limit_not_positive', field: 'resolutionMin' }]);
    expect(validatePolicy([{ ...base, firstResponseMin: 1.5 }])[0]?.problem).toBe('limit_not_positive');
  });
  it('refuses two rules with the same match, whatever the channel order', () => {
    const a = { ...base, id: 'x', channels: ['store', 'online'] as Channel[] };
    const b = { ...base, id: 'y', channels: ['online', 'store'] as Channel[] };
    expect(validatePolicy([a, b])).toEqual([{ rule: 'y', problem: 'same_match', other: 'x' }]);
  });
});
