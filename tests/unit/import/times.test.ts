import { describe, expect, it } from 'vitest';
import { LocalTimeParser } from '../../../src-main/core/import/times';

const shanghai = new LocalTimeParser('Asia/Shanghai');
const at = (iso: string) => Date.parse(iso);

describe('import times', () => {
  it('reads local times in the branch zone, with - or / and optional seconds', () => {
    expect(shanghai.parse('2026-11-02 10:00')).toBe(at('2026-11-02T02:00:00Z'));
    expect(shanghai.parse('2026-11-02 10:00:30')).toBe(at('2026-11-02T02:00:30Z'));
    expect(shanghai.parse('2026/11/02 10:00:30')).toBe(at('2026-11-02T02:00:30Z'));
    expect(shanghai.parse('2026/1/5 9:03')).toBe(at('2026-01-05T01:03:00Z'));
    expect(shanghai.parse('2026-11-02 10:00:30.250')).toBe(at('2026-11-02T02:00:30.250Z'));
  });

  it('reads ISO-8601 with an offset whatever the branch zone', () => {
    expect(shanghai.parse('2026-11-02T10:00:00+08:00')).toBe(at('2026-11-02T02:00:00Z'));
    expect(shanghai.parse('2026-11-02T02:00:00Z')).toBe(at('2026-11-02T02:00:00Z'));
    expect(shanghai.parse('2026-11-02T10:00:00+0800')).toBe(at('2026-11-02T02:00:00Z'));
    expect(new LocalTimeParser('Europe/Berlin').parse('2026-11-02T10:00:00+08:00')).toBe(at('2026-11-02T02:00:00Z'));
  });

  it('uses the branch zone, including across a daylight-saving switch', () => {
    const berlin = new LocalTimeParser('Europe/Berlin');
    expect(berlin.parse('2026-07-01 12:00')).toBe(at('2026-07-01T10:00:00Z'));
    expect(berlin.parse('2026-03-29 01:30')).toBe(at('2026-03-29T00:30:00Z'));
    expect(berlin.parse('2026-03-29 03:30')).toBe(at('2026-03-29T01:30:00Z'));
    expect(berlin.parse('2026-03-28 12:00')).toBe(at('2026-03-28T11:00:00Z'));
  });

  it('refuses what is not a valid time', () => {
    for (const text of ['', '2026-11-02', '2026-13-01 10:00', '2026-02-30 10:00', '2026-11-02 24:00', '2026-11-02 10:60',
      '2026-11/02 10:00', '02/11/2026 10:00', '0201-11-02 10:00', 'yesterday', '2026-11-02 10:00+25:00', '45000.5']) {
      expect(shanghai.parse(text), text).toBeNull();
    }
    expect(shanghai.parse('2028-02-29 10:00')).not.toBeNull();
  });
});
