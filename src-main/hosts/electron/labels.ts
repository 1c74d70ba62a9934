/**
 * Words of the tray, the app menu and the desktop notifications, in the
 * system's language (zh-CN unless it is not Chinese).
 */
import type { Locale } from '../../core/messages';

const LABELS = {
  appName: { zh: '投诉工作台', en: 'Complaint Desk' },
  open: { zh: '打开工作台', en: 'Open' },
  lock: { zh: '锁定', en: 'Lock' },
  quit: { zh: '退出', en: 'Quit' },
  file: { zh: '文件', en: 'File' },
  edit: { zh: '编辑', en: 'Edit' },
  view: { zh: '视图', en: 'View' },
  help: { zh: '帮助', en: 'Help' },
  about: { zh: '关于投诉工作台', en: 'About Complaint Desk' },
  clear: { zh: '无超时工单', en: 'No deadlines at risk' },
  approaching: { zh: '即将超时', en: 'approaching' },
  breached: { zh: '已超时', en: 'overdue' },
  escalated: { zh: '已升级', en: 'escalated' },
  reportReminder: { zh: '上报提醒', en: 'report reminders' },
  // Volume warnings (投诉预警).
  newWarnings: { zh: '新预警', en: 'new warnings' },
  warningRaised: { zh: '投诉预警', en: 'Volume warning' },
  warningLevelRaised: { zh: '预警升级', en: 'Warning level raised' },
  yellow: { zh: '黄色', en: 'yellow' },
  orange: { zh: '橙色', en: 'orange' },
  red: { zh: '红色', en: 'red' },
  branch: { zh: '全分公司', en: 'whole branch' },
  month: { zh: '本月', en: 'this month' },
  rolling7: { zh: '近7天', en: 'last 7 days' },
  // The deadline clocks (docs/REQUIREMENTS.md §2).
  first_response: { zh: '首次响应', en: 'first response' },
  resolution: { zh: '办结', en: 'resolution' },
  follow_up: { zh: '回访', en: 'follow-up' },
  refund: { zh: '退款执行', en: 'refund' },
  // Who an escalation goes to.
  assignee: { zh: '处理人', en: 'assignee' },
  supervisor: { zh: '主管', en: 'supervisor' },
  manager: { zh: '经理', en: 'manager' },
} as const;

export type LabelKey = keyof typeof LABELS;

export function localeOf(systemLocale: string): Locale {
  return systemLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function label(key: LabelKey, locale: Locale): string {
  return locale === 'en' ? LABELS[key].en : LABELS[key].zh;
}
