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

/**
 * Whether a change prints as zero at the precision a tile shows it with: a
 * rate's difference in tenths of a point, otherwise the relative change in
 * tenths of a percent, or a whole count when there is no relative change.
 */
export function showsAsZero(delta: number, relative: number | null, isRate: boolean): boolean {
  if (isRate) return Math.round(Math.abs(delta) * 1000) === 0;
  if (relative === null) return Math.round(Math.abs(delta)) === 0;
  return Math.round(Math.abs(relative) * 1000) === 0;
}
