/** One monitored category's last 12 months: the count as bars, the month's threshold and the protection value as lines. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../reports/charts/EChart';
import { COLORS, type ChartOption } from '../reports/charts/echarts';
import type { CategorySeries } from './types';

const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

export function WarningChart({ series }: { series: CategorySeries }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, left: 'center' },
      xAxis: { type: 'category', data: series.months.map((m) => m.slice(2)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('warnings.chart.count'),
          type: 'bar',
          data: series.counts.map((c, i) => {
            const th = series.thresholds[i];
            const over = th !== null && th !== undefined && c >= th && c >= series.protection;
            return { value: c, itemStyle: { color: over ? COLORS.danger : COLORS.primary } };
          }),
        },
        {
          name: t('warnings.chart.threshold'),
          type: 'line',
          data: series.thresholds.map(round),
          itemStyle: { color: COLORS.warn },
          lineStyle: { color: COLORS.warn },
          connectNulls: false,
        },
        {
          name: t('warnings.chart.protection'),
          type: 'line',
          data: series.months.map(() => series.protection),
          symbol: 'none',
          itemStyle: { color: COLORS.muted },
          lineStyle: { color: COLORS.muted, type: 'dashed' },
        },
      ],
    }),
    [series, t],
  );
  return (
    <section className="chart-panel">
      <h2>{series.category}</h2>
      <EChart option={option} label={t('warnings.chart.label', { category: series.category })} testId={`warning-chart-${series.category}`} />
    </section>
  );
}
