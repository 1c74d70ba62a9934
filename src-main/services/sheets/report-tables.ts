/**
 * The month's report as tables for Excel: the KPIs of the range beside the
 * period before (环比) and the same period last year (同比), then the
 * categories, channels and departments as the report page lists them.
 */
import { CHANNEL_LABELS } from '../../core/enums';
import type { Locale } from '../../core/messages';
import type { RawValue, SheetKind } from '../../core/sheets/cells';
import { KPI_DEFINITIONS, KPI_IDS, type KpiId } from '../../core/reports/definitions';
import { KPI_NAMES } from '../../core/export/tables';
import type { Report } from '../reports/report';
import type { SheetColumnOut } from './writer';

export interface TableRows {
  name: string;
  columns: SheetColumnOut[];
  rows: Array<{ values: RawValue[]; kinds?: SheetKind[] }>;
}

const EN_KPI: Record<KpiId, string> = {
  total: 'Complaints',
  complaintsPer10k: 'Complaints per 10,000 subscribers',
  resolutionRate: 'Resolution rate',
  timelinessRate: 'Timeliness rate',
  repeatRate: 'Repeat rate',
  overlevelRate: 'Over-level rate',
  satisfactionRate: 'Satisfaction rate',
  responseMeanMs: 'Mean response time',
  responseMedianMs: 'Median response time',
  handlingMeanMs: 'Mean handling time',
  handlingMedianMs: 'Median handling time',
  breached: 'Tickets breached',
};

function kindOf(id: KpiId): SheetKind {
  const d = KPI_DEFINITIONS[id];
  if (d.kind === 'rate') return 'rate';
  if (d.kind === 'mean' || d.kind === 'median') return 'hours';
  return 'count';
}

const w = (l: Locale, zh: string, en: string) => (l === 'en' ? en : zh);

export function reportTables(r: Report, l: Locale): TableRows[] {
  const period = (range: { from: string; to: string }) => `${range.from} – ${range.to}`;
  const kpis: TableRows = {
    name: w(l, '汇总指标', 'KPIs'),
    columns: [
      { header: w(l, '指标', 'KPI'), kind: 'text', width: 20 },
      { header: `${w(l, '本期', 'This period')} ${period(r.range)}`, kind: 'count', width: 26 },
      { header: `${w(l, '环比', 'Previous period')} ${period(r.previous.range)}`, kind: 'count', width: 26 },
      { header: `${w(l, '同比', 'Same period last year')} ${period(r.lastYear.range)}`, kind: 'count', width: 26 },
    ],
    rows: KPI_IDS.map((id) => {
      const kind = kindOf(id);
      return {
        values: [l === 'en' ? EN_KPI[id] : KPI_NAMES[id]!.zh, r[id], r.previous.kpis[id], r.lastYear.kpis[id]],
        kinds: ['text', kind, kind, kind],
      };
    }),
  };
  const categories: TableRows = {
    name: w(l, '投诉类别', 'Categories'),
    columns: [
      { header: w(l, '类别', 'Category'), kind: 'text', width: 24 },
      { header: w(l, '数量', 'Count'), kind: 'count', width: 10 },
      { header: w(l, '占比', 'Share'), kind: 'rate', width: 10 },
      { header: w(l, '累计占比', 'Cumulative'), kind: 'rate', width: 10 },
    ],
    rows: r.byCategory.map((c) => ({ values: [c.name, c.count, c.share, c.cumulative] })),
  };
  const channels: TableRows = {
    name: w(l, '受理渠道', 'Channels'),
    columns: [
      { header: w(l, '渠道', 'Channel'), kind: 'text', width: 16 },
      { header: w(l, '数量', 'Count'), kind: 'count', width: 10 },
      { header: w(l, '占比', 'Share'), kind: 'rate', width: 10 },
    ],
    rows: r.byChannel.map((c) => ({ values: [CHANNEL_LABELS[c.channel][l === 'en' ? 'en' : 'zh'], c.count, c.share] })),
  };
  const departments: TableRows = {
    name: w(l, '处理部门', 'Departments'),
    columns: [
      { header: w(l, '部门', 'Department'), kind: 'text', width: 16 },
      { header: w(l, '工单', 'Tickets'), kind: 'count', width: 10 },
      { header: w(l, '已办结', 'Resolved'), kind: 'count', width: 10 },
      { header: w(l, '平均处理时长', 'Mean handling time'), kind: 'hours', width: 14 },
      { header: w(l, '超时', 'Breached'), kind: 'count', width: 10 },
      { header: w(l, '超时占比', 'Breached share'), kind: 'rate', width: 10 },
    ],
    rows: r.byDepartment.map((d) => ({
      values: [d.department ?? w(l, '（未分派）', '(not assigned)'), d.count, d.resolved, d.handlingMeanMs, d.breached, d.breachedShare],
    })),
  };
  return [kpis, categories, channels, departments];
}
