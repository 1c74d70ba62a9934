/**
 * The charts along time: the daily trend with the month's start and end
 * marked (and the day-of-month pattern when the range spans months), the
 * daily breaches by clock, and the hour × weekday heat map of arrivals.
 */
import type { TFunction } from 'i18next';
import { COLORS, type ChartOption } from './echarts';
import { CLOCKS, type Charts } from './types';

const dayLabel = (day: string) => day.slice(5);
const grid = { left: 44, right: 16, top: 36, bottom: 28, containLabel: false };

function monthEdges(days: readonly string[], t: TFunction) {
  const areas: Array<[{ name: string; xAxis: string }, { xAxis: string }]> = [];
  const byMonth = new Map<string, string[]>();
  for (const d of days) byMonth.set(d.slice(0, 7), [...(byMonth.get(d.slice(0, 7)) ?? []), d]);
  for (const [month, list] of byMonth) {
    const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
    const start = list.filter((d) => Number(d.slice(8)) <= 3);
    const end = list.filter((d) => Number(d.slice(8)) > last - 3);
    if (start.length) areas.push([{ name: t('reports.chart.monthStart'), xAxis: dayLabel(start[0]!) }, { xAxis: dayLabel(start.at(-1)!) }]);
    if (end.length) areas.push([{ name: t('reports.chart.monthEnd'), xAxis: dayLabel(end[0]!) }, { xAxis: dayLabel(end.at(-1)!) }]);
  }
  return areas;
}

export function trendOption(c: Charts, t: TFunction): ChartOption {
  const days = c.daily.map((p) => p.day);
  const spansMonths = new Set(days.map((d) => d.slice(0, 7))).size > 1;
  const meanByDom = new Map(c.dayOfMonth.map((p) => [p.dayOfMonth, p.mean]));
  return {
    grid,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, left: 'center' },
    xAxis: { type: 'category', data: days.map(dayLabel), axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: t('reports.chart.daily'),
        type: 'bar',
        data: c.daily.map((p) => p.count),
        itemStyle: { color: COLORS.primary },
        markArea: { silent: true, itemStyle: { color: 'rgba(217, 119, 6, 0.10)' }, label: { color: COLORS.warn }, data: monthEdges(days, t) },
      },
      ...(spansMonths
        ? [
            {
              name: t('reports.chart.dayOfMonthMean'),
              type: 'line' as const,
              data: days.map((d) => Math.round((meanByDom.get(Number(d.slice(8))) ?? 0) * 10) / 10),
              showSymbol: false,
              lineStyle: { color: COLORS.warn, type: 'dashed' as const },
              itemStyle: { color: COLORS.warn },
            },
          ]
        : []),
    ],
  };
}

export const BREACH_COLORS = { first_response: '#f59e0b', resolution: COLORS.danger, follow_up: '#7c3aed' } as const;

export function breachesOption(c: Charts, t: TFunction): ChartOption {
  return {
    grid,
    tooltip: { trigger: 'axis' },
    legend: { top: 0, left: 'center' },
    xAxis: { type: 'category', data: c.daily.map((p) => dayLabel(p.day)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: CLOCKS.map((clock) => ({
      id: clock,
      name: t(`reports.clock.${clock}`),
      type: 'bar' as const,
      stack: 'missed',
      data: c.daily.map((p) => p.breaches[clock]),
      itemStyle: { color: BREACH_COLORS[clock] },
    })),
  };
}

export function heatOption(c: Charts, t: TFunction): ChartOption {
  const weekdays = t('reports.chart.weekdays').split(',');
  const data: Array<[number, number, number]> = [];
  let max = 0;
  c.heat.forEach((hours, w) =>
    hours.forEach((n, h) => {
      data.push([h, w, n]);
      max = Math.max(max, n);
    }),
  );
  return {
    grid: { left: 44, right: 16, top: 8, bottom: 64 },
    tooltip: { position: 'top', formatter: (p: unknown) => heatTip(p, weekdays, t) },
    xAxis: { type: 'category', data: Array.from({ length: 24 }, (_, h) => String(h)), splitArea: { show: true } },
    yAxis: { type: 'category', data: weekdays, inverse: true, splitArea: { show: true } },
    visualMap: {
      type: 'continuous',
      min: 0,
      max: Math.max(1, max),
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 160,
      inRange: { color: ['#f4f8fc', '#8cbde6', COLORS.primary, '#053d69'] },
      text: [String(max), '0'],
    },
    series: [{ name: t('reports.chart.arrivals'), type: 'heatmap', data, emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } } }],
  };
}

function heatTip(p: unknown, weekdays: string[], t: TFunction): string {
  const v = (p as { value?: [number, number, number] }).value;
  if (!v) return '';
  return `${weekdays[v[1]] ?? ''} ${v[0]}:00–${v[0] + 1}:00<br/>${t('reports.chart.arrivals')}: ${v[2]}`;
}
