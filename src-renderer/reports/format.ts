/** How the report's numbers read: rates as percentages, durations in hours or minutes, "—" for nothing. */
import type { TFunction } from 'i18next';

export const pct = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(digits)}%`);

export function duration(ms: number | null | undefined, t: TFunction): string {
  if (ms === null || ms === undefined) return '—';
  const minutes = ms / 60_000;
  if (minutes < 90) return t('reports.minutes', { value: minutes.toFixed(0) });
  return t('reports.hours', { value: (minutes / 60).toFixed(1) });
}

export const count = (v: number | null | undefined, locale: string) => (v === null || v === undefined ? '—' : v.toLocaleString(locale));
