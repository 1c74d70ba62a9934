import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, neutralizeFormula } from '../../../src-main/core/cells';

describe('neutralizeFormula: no cell the console writes can run as a formula', () => {
  it.each([
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ["+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"],
    ['-2+3', "'-2+3"],
    ['+86 138 0013 8000', "'+86 138 0013 8000"],
    ['-', "'-"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
  ])('%j becomes %j', (input, expected) => {
    expect(neutralizeFormula(input)).toBe(expected);
  });

  it.each(['13800138000', '投诉内容', '', 'a=b', ' =1'])('%j stays as it is', (input) => {
    expect(neutralizeFormula(input)).toBe(input);
  });
});

describe('csvCell and csvLine', () => {
  it('quotes what CSV needs quoted, after neutralising', () => {
    expect(csvCell('-2+3,4')).toBe(`"'-2+3,4"`);
    expect(csvCell('say "hi"')).toBe(`"say ""hi"""`);
    expect(csvCell('two\nlines')).toBe(`"two\nlines"`);
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvLine(['a', '+1', 'b c'])).toBe(`a,'+1,b c\r\n`);
  });
});
