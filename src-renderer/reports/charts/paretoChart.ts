/**
 * A Pareto chart (排列图) of any counted items, largest first: bars (the vital
 * few in full colour, the rest grey), the cumulative share as a line on a
 * 0–100 % axis, and the 80 % line marked. The categories' chart and the
 * breach causes' chart are both this.
 */
import { COLORS, type ChartOption } from './echarts';

export interface ParetoBar {
  label: string;
  count: number;
  /** 0..1, up to and including this bar. */
  cumulative: number;
  vital: boolean;
}

export interface ParetoNames {
  count: string;
  cumulative: string;
  line80: string;
}

export function paretoChart(bars: readonly ParetoBar[], names: ParetoNames): ChartOption {
  return {
    grid: { left: 44, right: 48, top: 36, bottom: 48 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, left: 'center' },
    xAxis: { type: 'category', data: bars.map((b) => b.label), axisLabel: { interval: 0, rotate: bars.length > 7 ? 30 : 0, width: 80, overflow: 'truncate' } },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      {
        name: names.count,
        type: 'bar',
        data: bars.map((b) => ({ value: b.count, itemStyle: { color: b.vital ? COLORS.primary : COLORS.muted } })),
        label: { show: true, position: 'top', fontSize: 11 },
        barMaxWidth: 56,
        // A cause met once beside causes met fifty times is still seen, and can still be clicked.
        barMinHeight: 4,
      },
      {
        name: names.cumulative,
        type: 'line',
        yAxisIndex: 1,
        data: bars.map((b) => Math.round(b.cumulative * 1000) / 10),
        itemStyle: { color: COLORS.warn },
        lineStyle: { color: COLORS.warn },
        symbolSize: 6,
        tooltip: { valueFormatter: (v) => `${String(v)}%` },
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: COLORS.danger, type: 'dashed' },
          label: { formatter: names.line80, position: 'insideEndTop', color: COLORS.danger },
          data: [{ yAxis: 80 }],
        },
      },
    ],
  };
}
