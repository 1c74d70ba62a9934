/** Exported cells: formula-looking text stays text, CSV quoting, values in the branch's wall-clock. */
import { describe, expect, it } from 'vitest';
import { cellWriter, csvField, looksLikeFormula } from '../../../src-main/core/sheets/cells';

describe('formula-looking text', () => {
  it('is text that starts with = + - @, a tab or a carriage return', () => {
    for (const s of ['=1+1', '+86 138', '-5', '@SUM(A1)', '\tx', '\rx']) expect(looksLikeFormula(s)).toBe(true);
    for (const s of ['张三', '1=1', 'a+b', '', ' =x']) expect(looksLikeFormula(s)).toBe(false);
  });

  it('gets a leading apostrophe in a CSV field, and quoting where needed', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('\t=cmd')).toBe("'\t=cmd");
    expect(csvField('\r=cmd')).toBe(`"'\r=cmd"`);
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('普通文本')).toBe('普通文本');
  });

  it('is a string cell in the XLSX, never a formula', () => {
    expect(cellWriter('Asia/Shanghai').xlsx('text', '=HYPERLINK("x")')).toEqual({ value: '=HYPERLINK("x")' });
  });
});

describe('values', () => {
  const c = cellWriter('Asia/Shanghai');
  const at = Date.parse('2026-11-02T01:30:00Z'); // 09:30 in Shanghai
  it('instants at the branch wall-clock', () => {
    expect(c.csv('instant', at)).toBe('2026-11-02 09:30');
    expect(c.xlsx('instant', at)).toEqual({ value: new Date('2026-11-02T09:30:00Z'), numFmt: 'yyyy-mm-dd hh:mm' });
  });
  it('money in yuan, rates as percentages, durations in hours, nothing as empty', () => {
    expect(c.csv('money', -1250)).toBe('-12.50');
    expect(c.xlsx('money', 1250).value).toBe(12.5);
    expect(c.csv('rate', 0.1234)).toBe('12.3%');
    expect(c.csv('hours', 5_400_000)).toBe('1.5');
    expect(c.csv('text', null)).toBe('');
    expect(c.xlsx('count', null)).toEqual({ value: null });
  });
});
