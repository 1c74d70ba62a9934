/**
 * The KPI period by period (line), the target (dashed line), the project's
 * run shaded and the baseline periods shaded lighter: before, during and
 * after at a glance. Each point's tooltip gives its numerator and denominator.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../reports/charts/EChart';
import { COLORS, type ChartOption } from '../reports/charts/echarts';
import type { LineSeriesOption } from 'echarts/charts';
import type { ProjectKpiId } from '../../src-main/core/qc-projects/kpis';
import { formatValue, kpiName, plotted } from './format';
import type { ProjectChart } from './types';

interface Axis {
  seriesIndex: number;
  dataIndex: number;
}

export function ProjectChartView({ chart, kpiId, grainLabel }: { chart: ProjectChart; kpiId: ProjectKpiId; grainLabel: string }) {
  const { t } = useTranslation();
  const option = useMemo<ChartOption>(() => {
    const { kpi, series, effect } = chart;
    const labels = series.map((p) => p.label);
    // Periods sit at x = 0, 1, 2 … on a value axis, so a shaded span can cover whole periods (i − ½ to j + ½),
    // a single month included, which category positions (the centres) cannot.
    const span = (pick: (i: number) => boolean): [number, number] | null => {
      const idx = series.map((_, i) => i).filter(pick);
      return idx.length ? [idx[0]! - 0.5, idx.at(-1)! + 0.5] : null;
    };
    const areas: NonNullable<NonNullable<LineSeriesOption['markArea']>['data']> = [];
    const baseline = span((i) => series[i]!.inBaseline);
    const during = span((i) => series[i]!.phase === 'during');
    if (baseline) areas.push([{ name: t('qcProjects.chart.baseline'), xAxis: baseline[0], itemStyle: { color: 'rgba(154,165,177,0.16)' } }, { xAxis: baseline[1] }]);
    if (during) areas.push([{ name: t('qcProjects.chart.period'), xAxis: during[0], itemStyle: { color: 'rgba(10,110,189,0.10)' } }, { xAxis: during[1] }]);
    const name = kpiName(kpiId, t);
    return {
      grid: { left: 52, right: 24, top: 40, bottom: 28 },
      legend: { top: 0, left: 'center' },
      tooltip: {
        trigger: 'axis',
        formatter: (raw: unknown) => {
          const first = ((Array.isArray(raw) ? raw : [raw]) as Axis[]).find((a) => a.seriesIndex === 0);
          const p = first ? series[first.dataIndex] : undefined;
          if (!p) return '';
          const tally = !p.tally ? '' : kpi.unit === 'rate' ? ` (${p.tally.num} / ${p.tally.den})` : ` (n = ${p.tally.den})`;
          const value = p.value === null ? t('qcProjects.chart.noValue') : formatValue(kpi, p.value, t);
          return `${p.label}<br/>${name}: ${value}${tally}<br/>${t('qcProjects.chart.target')}: ${formatValue(kpi, effect.target, t)}`;
        },
      },
      xAxis: {
        type: 'value',
        min: -0.5,
        max: series.length - 0.5,
        // Ticks fall at min + k × interval: at halves, so that the whole ones carry the periods' names.
        interval: 0.5,
        splitLine: { show: false },
        axisTick: { show: false },
        axisLabel: { hideOverlap: true, formatter: (v: number) => (Number.isInteger(v) ? (labels[v] ?? '') : '') },
        axisPointer: { snap: true },
      },
      yAxis: { type: 'value', scale: true, axisLine: { onZero: false }, axisLabel: { formatter: kpi.unit === 'rate' ? '{value}%' : '{value} h' } },
      series: [
        {
          name,
          type: 'line',
          data: series.map((p, i) => [i, plotted(kpi, p.value)]),
          connectNulls: false,
          symbolSize: 7,
          itemStyle: { color: COLORS.primary },
          lineStyle: { color: COLORS.primary, width: 2 },
          label: { show: series.length <= 14, position: 'top', fontSize: 10, formatter: (p: { value: unknown }) => `${(p.value as [number, number | null])[1] ?? ''}${kpi.unit === 'rate' ? '%' : ''}` },
          markArea: { silent: true, label: { position: 'insideTop', color: '#555', fontSize: 10 }, data: areas },
        },
        {
          name: t('qcProjects.chart.target'),
          type: 'line',
          data: [
            [-0.5, plotted(kpi, effect.target)],
            [series.length - 0.5, plotted(kpi, effect.target)],
          ],
          symbol: 'none',
          itemStyle: { color: COLORS.danger },
          lineStyle: { color: COLORS.danger, type: 'dashed', width: 1.5 },
        },
      ],
    };
  }, [chart, kpiId, t]);
  return (
    <EChart
      option={option}
      label={t('qcProjects.chart.label', { kpi: kpiName(kpiId, t), grain: grainLabel })}
      testId="qc-project-chart"
      className="qc-chart"
    />
  );
}
