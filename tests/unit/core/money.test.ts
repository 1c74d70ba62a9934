import { describe, expect, it } from 'vitest';
import { checkYuan, fenToYuanText, formatFen, parseYuan } from '../../../src-main/core/money';

describe('parseYuan: what people type, to fen, exactly', () => {
  it.each([
    ['12', 1200],
    ['12.3', 1230],
    ['12.34', 1234],
    ['¥12.34', 1234],
    ['￥12.34', 1234],
    ['1,234.50', 123_450],
    ['¥1,234,567.89', 123_456_789],
    ['80元', 8000],
    ['¥ 80 元', 8000],
    [' 0.01 ', 1],
    ['0.1', 10],
    ['0', 0],
    ['007.50', 750],
    // The classic float trap: 0.1 + 0.2 and 1.005 × 100 are not exact in binary.
    ['1.005'.slice(0, 4), 100],
    ['19.99', 1999],
    ['4.35', 435],
    ['99999999.99', 9_999_999_999],
  ])('%s → %i fen', (text, fen) => {
    expect(parseYuan(text)).toBe(fen);
  });

  it.each([
    ['12.345', 'decimals'],
    ['1.005', 'decimals'],
    ['-5', 'negative'],
    ['¥-5', 'negative'],
    ['−5', 'negative'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['abc', 'format'],
    ['12.', 'format'],
    ['.5', 'format'],
    ['1,23', 'format'],
    ['12,34.5', 'format'],
    ['1e3', 'format'],
    ['12.3.4', 'format'],
    ['0x10', 'format'],
    ['12 34', 'format'],
    ['12345678901234', 'too_large'],
  ])('refuses %j (%s)', (text, problem) => {
    expect(checkYuan(text)).toEqual({ ok: false, problem });
    expect(parseYuan(text)).toBeNull();
  });
});

describe('formatFen', () => {
  it.each([
    [1234, '¥12.34'],
    [0, '¥0.00'],
    [1, '¥0.01'],
    [10, '¥0.10'],
    [8000, '¥80.00'],
    [123_450, '¥1,234.50'],
    [10_000_000, '¥100,000.00'],
    [-500, '-¥5.00'],
  ])('%i → %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text);
  });

  it('round-trips through parseYuan for every cent of a range', () => {
    for (let fen = 0; fen < 20_000; fen += 7) expect(parseYuan(formatFen(fen))).toBe(fen);
    expect(fenToYuanText(123_450)).toBe('1234.50');
    expect(parseYuan(fenToYuanText(99))).toBe(99);
  });

  it('refuses a fractional number of fen rather than rounding it', () => {
    expect(() => formatFen(12.5)).toThrow(RangeError);
  });
});

describe('money.ts stays importable by the renderer', () => {
  it('has no imports of its own (eslint allows the renderer to use it as a value only because of that)', async () => {
    const fs = await import('node:fs');
    const source = fs.readFileSync(new URL('../../../src-main/core/money.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^\s*import\s/m);
    expect(source).not.toMatch(/\brequire\(/);
  });
});
