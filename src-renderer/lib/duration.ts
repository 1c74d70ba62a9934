import type { TFunction } from 'i18next';

/** "3 天 4 小时" / "2 小时 5 分" / "12 分钟": how long something has been open, coarse on purpose. */
export function formatDuration(ms: number, t: TFunction): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  if (d > 0) return t('duration.dh', { d: String(d), h: String(h) });
  if (h > 0) return t('duration.hm', { h: String(h), m: String(m) });
  return t('duration.m', { m: String(m) });
}
