/** The six pictures of docs/REQUIREMENTS.md §5; a click on a bar, slice or cell opens the matching tickets. */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../state/route';
import type { Channel } from '../api/types';
import { ChartPanel } from './ChartPanel';
import { drillHref, type Segment } from './drill';
import { EChart } from './charts/EChart';
import type { ChartClick } from './charts/echarts';
import { breachesOption, heatOption, trendOption } from './charts/timeOptions';
import { channelOption, departmentOption, paretoOption } from './charts/mixOptions';
import { CLOCKS, type Dashboard } from './charts/types';
import type { ReportState } from './reportState';

export function ReportCharts({ data, state, zone }: { data: Dashboard; state: ReportState; zone: string }) {
  const { t } = useTranslation();
  const { report, charts } = data;
  // t changes with the language: the charts' words follow it.
  const options = useMemo(
    () => ({
      trend: trendOption(charts, t),
      pareto: paretoOption(report, t),
      channels: channelOption(report, t),
      departments: departmentOption(report, t),
      heat: heatOption(charts, t),
      breaches: breachesOption(charts, t),
    }),
    [charts, report, t],
  );
  const open = useCallback((seg: Segment) => navigate(drillHref(state, zone, seg)), [state, zone]);
  const onTrend = useCallback((e: ChartClick) => open({ day: charts.daily[e.dataIndex]?.day }), [open, charts]);
  const onBreach = useCallback(
    (e: ChartClick) => open({ day: charts.daily[e.dataIndex]?.day, missed: CLOCKS.find((c) => c === e.seriesId) ?? 'any' }),
    [open, charts],
  );
  const onPareto = useCallback((e: ChartClick) => open({ categoryId: report.byCategory[e.dataIndex]?.categoryId }), [open, report]);
  const onChannel = useCallback((e: ChartClick) => open({ channel: report.byChannel[e.dataIndex]?.channel as Channel }), [open, report]);
  const onDepartment = useCallback(
    (e: ChartClick) => {
      const d = report.byDepartment[e.dataIndex]?.department;
      if (d) open({ department: d });
    },
    [open, report],
  );
  const onHeat = useCallback(
    (e: ChartClick) => {
      const cell = Array.isArray(e.data) ? (e.data as number[]) : (e.data as { value?: number[] } | undefined)?.value;
      if (cell) open({ slot: { hour: cell[0]!, weekday: cell[1]! } });
    },
    [open],
  );
  const edge = charts.monthEdgeRatio;

  // Three sections, each starting a page on paper (reports.css): along time; shares; arrivals by hour.
  return (
    <div className="report-charts">
      <div className="report-section">
        <ChartPanel title={t('reports.chart.trend')} note={edge === null ? null : t('reports.chart.trendEdge', { ratio: edge.toFixed(2) })} wide>
          <EChart option={options.trend} label={t('reports.chart.trend')} onClick={onTrend} testId="chart-trend" />
        </ChartPanel>
        <ChartPanel title={t('reports.chart.breaches')} wide>
          <EChart option={options.breaches} label={t('reports.chart.breaches')} onClick={onBreach} testId="chart-breaches" />
        </ChartPanel>
      </div>
      <div className="report-section page-start">
        <ChartPanel title={t('reports.chart.pareto')}>
          <EChart option={options.pareto} label={t('reports.chart.pareto')} onClick={onPareto} testId="chart-pareto" />
        </ChartPanel>
        <ChartPanel title={t('reports.chart.channels')}>
          <EChart option={options.channels} label={t('reports.chart.channels')} onClick={onChannel} testId="chart-channels" />
        </ChartPanel>
        <ChartPanel title={t('reports.chart.departments')}>
          <EChart option={options.departments} label={t('reports.chart.departments')} onClick={onDepartment} testId="chart-departments" />
        </ChartPanel>
      </div>
      <div className="report-section page-start">
        <ChartPanel title={t('reports.chart.heat')}>
          <EChart option={options.heat} label={t('reports.chart.heat')} onClick={onHeat} testId="chart-heat" />
        </ChartPanel>
      </div>
    </div>
  );
}
