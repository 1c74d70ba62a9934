/**
 * Sentences of the monthly report's reminders (core/export/reminders.ts) for
 * the tray menu and the desktop notices, zh-CN unless the app runs in English.
 */
import type { Locale } from '../../core/messages';
import type { UploadReminder } from '../../core/export/reminders';
import { duration, type NoticeText } from './alert-words';

/** A desktop notice: what is wrong and what to do. `at` is the service's clock. */
export function reminderText(r: UploadReminder, at: number, locale: Locale): NoticeText {
  const en = locale === 'en';
  if (r.kind === 'month_not_sent') {
    const queued = r.queued ? (en ? ' It is queued but has not reached headquarters.' : '已排队，尚未送达总部。') : '';
    return en
      ? { title: 'Send last month to headquarters', body: `${r.month} has not been sent yet.${queued} Open 上报 to export and send it.` }
      : { title: '请上报上月数据', body: `${r.month} 尚未上报总部。${queued}请在“上报”页导出并发送。` };
  }
  const since = duration(Math.max(0, at - r.failingSince), locale);
  const why = r.lastError ? (en ? ` Last error: ${r.lastError}.` : `最近错误：${r.lastError}。`) : '';
  if (r.state === 'rejected') {
    return en
      ? { title: 'Headquarters refused the monthly report', body: `${r.month} revision ${r.revision} was refused ${since} ago and will not be retried.${why}` }
      : { title: '总部拒收月度上报', body: `${r.month} 第 ${r.revision} 版已被拒收 ${since}，不会自动重试。${why}` };
  }
  return en
    ? { title: 'Monthly report upload failing for over a day', body: `${r.month} revision ${r.revision} has not gone through for ${since}; it is still retried.${why}` }
    : { title: '月度上报失败已超过一天', body: `${r.month} 第 ${r.revision} 版已连续 ${since} 未能送达，仍在自动重试。${why}` };
}

/** One short line of the tray menu. */
export function reminderLine(r: UploadReminder, locale: Locale): string {
  const en = locale === 'en';
  if (r.kind === 'month_not_sent') return en ? `⚠ ${r.month} not sent to headquarters` : `⚠ ${r.month} 尚未上报`;
  if (r.state === 'rejected') return en ? `⚠ ${r.month} refused by headquarters` : `⚠ ${r.month} 上报被拒收`;
  return en ? `⚠ ${r.month} upload failing for over a day` : `⚠ ${r.month} 上报失败超过一天`;
}
