/**
 * ECharts with only what the Reports page draws: bar, line, pie and heat-map
 * series, their axes, tooltips, legends, marked lines/areas and the heat
 * map's colour scale, on canvas. Everything is bundled: nothing is fetched.
 */
import { init, use as register, type ComposeOption, type ECharts } from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkAreaComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

register([
  BarChart,
  LineChart,
  PieChart,
  HeatmapChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkLineComponent,
  MarkAreaComponent,
  VisualMapContinuousComponent,
  CanvasRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | HeatmapSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
  | MarkLineComponentOption
  | MarkAreaComponentOption
  | VisualMapComponentOption
>;

export { init, type ECharts };

/** What a click on a chart tells us (the parts of ECharts' event we use). */
export interface ChartClick {
  componentType: string;
  seriesIndex?: number;
  seriesId?: string;
  dataIndex: number;
  data?: unknown;
}

/** The console's colours (styles/base.css), and a few more that stay apart for the colour-blind. */
export const COLORS = {
  primary: '#0a6ebd',
  primaryLight: '#8cbde6',
  muted: '#9aa5b1',
  danger: '#b42318',
  warn: '#d97706',
  ok: '#0b6b3a',
  series: ['#0a6ebd', '#d97706', '#0b6b3a', '#7c3aed', '#b42318', '#0891b2', '#9aa5b1'],
} as const;

export const FONT = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', sans-serif";
