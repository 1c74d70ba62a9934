/**
 * The charts of shares: the categories' Pareto (bars, the cumulative share as
 * a line, the 80 % line marked, the vital few in full colour), the channel
 * mix, and handling time by department.
 */
import type { TFunction } from 'i18next';
import type { Channel } from '../../api/types';
import { COLORS, type ChartOption } from './echarts';
import type { Report } from './types';
import { paretoChart } from './paretoChart';

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);
const hours = (ms: number | null) => (ms === null ? null : Math.round((ms / 3_600_000) * 10) / 10);

export function paretoOption(r: Report, t: TFunction): ChartOption {
  const bars = r.byCategory.map((c) => ({ label: c.name, count: c.count, cumulative: c.cumulative, vital: c.vital }));
  return paretoChart(bars, { count: t('reports.chart.count'), cumulative: t('reports.chart.cumulative'), line80: t('reports.chart.line80') });
}

export function channelOption(r: Report, t: TFunction): ChartOption {
  const name = (c: Channel) => t(`channel.${c}`);
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { orient: 'vertical', right: 8, top: 'middle', formatter: (n: string) => `${n}  ${pct(r.byChannel.find((c) => name(c.channel) === n)?.share)}` },
    series: [
      {
        name: t('reports.channel'),
        type: 'pie',
        radius: ['42%', '72%'],
        center: ['36%', '52%'],
        avoidLabelOverlap: true,
        label: { formatter: '{b}\n{c}' },
        data: r.byChannel.map((c) => ({ name: name(c.channel), value: c.count })),
      },
    ],
  };
}

export function departmentOption(r: Report, t: TFunction): ChartOption {
  const rows = r.byDepartment;
  // Every department named, whatever the width (ECharts would drop labels that collide): slanted when many.
  const slanted = rows.length > 5;
  return {
    grid: { left: 44, right: 48, top: 36, bottom: slanted ? 58 : 28 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, left: 'center' },
    xAxis: {
      type: 'category',
      data: rows.map((d) => d.department ?? t('reports.unassigned')),
      axisLabel: { interval: 0, rotate: slanted ? 30 : 0, width: slanted ? 90 : 140, overflow: 'truncate' },
    },
    yAxis: [
      { type: 'value', name: 'h', nameGap: 8 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { name: t('reports.chart.handlingMean'), type: 'bar', data: rows.map((d) => hours(d.handlingMeanMs)), itemStyle: { color: COLORS.primary } },
      { name: t('reports.chart.handlingMedian'), type: 'bar', data: rows.map((d) => hours(d.handlingMedianMs)), itemStyle: { color: COLORS.primaryLight } },
      {
        name: t('reports.chart.breachedShare'),
        type: 'line',
        yAxisIndex: 1,
        data: rows.map((d) => (d.breachedShare === null ? null : Math.round(d.breachedShare * 1000) / 10)),
        itemStyle: { color: COLORS.danger },
        lineStyle: { color: COLORS.danger },
        tooltip: { valueFormatter: (v) => `${String(v)}%` },
      },
    ],
  };
}
