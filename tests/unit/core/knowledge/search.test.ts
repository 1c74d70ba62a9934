import { describe, expect, it } from 'vitest';
import { ftsExpression, highlight, searchTerms, snippet, usesIndex } from '../../../../src-main/core/knowledge/search';

describe('knowledge search helpers', () => {
  it('sends terms of three characters or more to the trigram index, shorter ones to the scan', () => {
    expect(usesIndex(searchTerms('注册失败'))).toBe(true);
    expect(usesIndex(searchTerms('掉话'))).toBe(false);
    expect(usesIndex(searchTerms('VoLTE 注册'))).toBe(false);
    expect(usesIndex(searchTerms('   '))).toBe(false);
  });
  it('quotes terms so FTS5 syntax in a query is only text', () => {
    expect(ftsExpression(['a"b', 'NOT'])).toBe('"a""b" AND "NOT"');
  });
  it('marks every occurrence, case-insensitively', () => {
    expect(highlight('VoLTE 注册，volte', ['volte'])).toEqual([
      { text: 'VoLTE', hit: true },
      { text: ' 注册，', hit: false },
      { text: 'volte', hit: true },
    ]);
  });
  it('cuts a snippet around the first match', () => {
    const text = `${'甲'.repeat(100)}掉话${'乙'.repeat(100)}`;
    const s = snippet(text, ['掉话'], 30);
    expect(s.startsWith('…')).toBe(true);
    expect(s).toContain('掉话');
    expect(s.length).toBeLessThanOrEqual(32);
  });
});
