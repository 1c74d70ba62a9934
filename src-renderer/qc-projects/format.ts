/**
 * How a project's numbers read: a rate as a percentage, a mean in hours; a
 * target typed in % or hours becomes the KPI's own unit (a fraction, ms).
 * The KPI's name is the report's tile name, or the QC measure's.
 */
import type { TFunction } from 'i18next';
import { isQcKpi, projectKpi, type ProjectKpi, type ProjectKpiId } from '../../src-main/core/qc-projects/kpis';
import { pct } from '../reports/format';

const HOUR = 3_600_000;

export function kpiName(id: ProjectKpiId, t: TFunction): string {
  return isQcKpi(id) ? t(`qcProjects.kpi.${id}`) : t(`reports.tile.${id}`);
}

/** The number a chart plots: percent for a rate, hours for a duration. */
export function plotted(kpi: ProjectKpi, v: number | null): number | null {
  if (v === null) return null;
  return Math.round((kpi.unit === 'rate' ? v * 100 : v / HOUR) * 100) / 100;
}

export function formatValue(kpi: ProjectKpi, v: number | null, t: TFunction): string {
  if (v === null) return '—';
  return kpi.unit === 'rate' ? pct(v, 2) : t('qcProjects.effect.hours', { value: (v / HOUR).toFixed(1) });
}

/** A change: percentage points for a rate, hours for a duration, with its sign. */
export function formatChange(kpi: ProjectKpi, d: number, t: TFunction): string {
  const sign = d > 0 ? '+' : d < 0 ? '−' : '';
  const abs = Math.abs(d);
  return kpi.unit === 'rate'
    ? t('qcProjects.effect.points', { value: `${sign}${(abs * 100).toFixed(2)}` })
    : t('qcProjects.effect.hours', { value: `${sign}${(abs / HOUR).toFixed(1)}` });
}

/** The target as typed (% or hours), from the stored unit. */
export function targetInput(id: ProjectKpiId, target: number): string {
  const kpi = projectKpi(id);
  return String(kpi.unit === 'rate' ? Math.round(target * 100_000) / 1000 : Math.round((target / HOUR) * 1000) / 1000);
}

/** The typed target in the KPI's unit; NaN when it is not a number (the server then names the field). */
export function targetValue(id: ProjectKpiId, typed: string): number {
  const n = Number(typed.trim() === '' ? NaN : typed);
  return projectKpi(id).unit === 'rate' ? n / 100 : n * HOUR;
}

/** "南海区 · 网络部" for a project about one district or department; null for the whole branch. */
export function scopeText(p: { district?: string | null; department?: string | null }, t: TFunction): string | null {
  const parts = [p.district, p.department].filter((x): x is string => !!x);
  return parts.length ? t('qcProjects.scope', { scope: parts.join(' · ') }) : null;
}
