/**
 * The desktop notice for volume warnings a check raised: one notice per check,
 * naming the warning when there is one, counting them when there are more.
 */
import type { Locale } from '../../core/messages';
import type { WarningNotice, WarningNotices } from '../../core/warnings';
import { label } from './labels';
import type { NoticeText } from './alert-words';

function where(n: WarningNotice, locale: Locale): string {
  return `${n.category} · ${n.district ?? label('branch', locale)} · ${label(n.period, locale)}`;
}

export function warningNoticeText(batch: WarningNotices, locale: Locale): NoticeText | null {
  const [first] = batch.notices;
  if (!first) return null;
  if (batch.notices.length === 1) {
    const title = label(first.kind === 'raised' ? 'warningRaised' : 'warningLevelRaised', locale);
    const body =
      locale === 'en'
        ? `${where(first, locale)}: ${first.count} complaints, ${label(first.level, locale)}`
        : `${where(first, locale)}：${first.count} 件，${label(first.level, locale)}预警`;
    return { title, body };
  }
  const n = batch.notices.length;
  return {
    title: label('warningRaised', locale),
    body: locale === 'en' ? `${n} volume warnings raised or raised in level` : `${n} 条投诉预警新发或升级`,
  };
}
