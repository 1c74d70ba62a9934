/** The shipped rules' names, as the editor, the preview and the server's messages say them. */
import { describe, expect, it } from 'vitest';
import { ruleName } from '../../../../src-main/core/sla/rule-names';

describe('ruleName', () => {
  it('names the shipped rules in Chinese (or English), a tie by both, and leaves the branch’s own names alone', () => {
    expect(ruleName('10086-normal', 'zh-CN')).toBe('10086 普通投诉');
    expect(ruleName('fallback', 'zh-CN')).toBe('兜底规则（其余工单）');
    expect(ruleName('major+sp', 'zh-CN')).toBe('重大投诉、增值业务（SP）投诉');
    expect(ruleName('major', 'en')).toBe('Major complaints');
    expect(ruleName('夜间+周末', 'zh-CN')).toBe('夜间+周末');
  });
});
