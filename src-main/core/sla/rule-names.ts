/**
 * What the shipped rules are called (DEFAULT_RULES' ids are stable keys kept
 * in settings and on every clock, so they stay as they are): the editor, the
 * change preview and the server's messages say the name; a rule the branch
 * added is called by the name the admin gave it.
 */
import type { Locale } from '../messages';

const SHIPPED: Readonly<Record<string, { zh: string; en: string }>> = {
  fallback: { zh: '兜底规则（其余工单）', en: 'Fallback (anything else)' },
  '10086-normal': { zh: '10086 普通投诉', en: '10086, normal' },
  '10080': { zh: '10080 集团热线', en: '10080 group hotline' },
  '12300': { zh: '12300 工信部申诉', en: '12300 ministry appeals' },
  'other-normal': { zh: '营业厅、在线、社交媒体等普通投诉', en: 'Stores, online, social and other, normal' },
  major: { zh: '重大投诉', en: 'Major complaints' },
  sp: { zh: '增值业务（SP）投诉', en: 'Value-added services (SP)' },
};

export function isShippedRule(id: string): boolean {
  return Object.hasOwn(SHIPPED, id);
}

/** "10086-normal+sp" (a tie of two rules, as a clock records it) names both. */
export function ruleName(id: string, locale: Locale): string {
  const parts = id.split('+');
  if (!parts.some(isShippedRule)) return id; // a name the branch gave, '+' and all
  return parts
    .map((part) => {
      const n = SHIPPED[part];
      return n ? (locale === 'en' ? n.en : n.zh) : part;
    })
    .join(locale === 'en' ? ' + ' : '、');
}
