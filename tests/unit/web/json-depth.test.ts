import { describe, expect, it } from 'vitest';
import { nestsDeeperThan } from '../../../src-main/hosts/web/json-depth';

describe('nestsDeeperThan', () => {
  it('counts arrays and objects inside one another', () => {
    expect(nestsDeeperThan('{"a":[1,{"b":2}]}', 3)).toBe(false);
    expect(nestsDeeperThan('{"a":[1,{"b":[2]}]}', 3)).toBe(true);
    expect(nestsDeeperThan('[[[]]]', 3)).toBe(false);
    expect(nestsDeeperThan('[[[[]]]]', 3)).toBe(true);
  });

  it('does not count siblings as depth', () => {
    expect(nestsDeeperThan('[[],[],[],[],[]]', 2)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan('{"q":"[[[[[[[["}', 1)).toBe(false);
    expect(nestsDeeperThan('{"q":"\\"[[[[[[\\""}', 1)).toBe(false);
    expect(nestsDeeperThan('{"q":"\\\\","r":[[[]]]}', 3)).toBe(true);
  });
});
