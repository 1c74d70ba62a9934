/**
 * The province's reports: what each one is, its sheet and its columns (the
 * views of migration 0002 compute them; docs/HQ.md defines every number).
 * The workbook, the JSON endpoint and the command read this one list.
 */
export type ReportColumnKind = 'text' | 'count' | 'rate' | 'hours' | 'fen' | 'bool' | 'month';

export interface ReportColumn {
  key: string;
  zh: string;
  kind: ReportColumnKind;
}

export interface ProvinceReport {
  name: string;
  sheet: string;
  columns: readonly ReportColumn[];
}

const KPI: readonly ReportColumn[] = [
  { key: 'total', zh: '投诉总量', kind: 'count' },
  { key: 'resolved', zh: '已解决', kind: 'count' },
  { key: 'resolution_rate', zh: '投诉解决率', kind: 'rate' },
  { key: 'due', zh: '应办结', kind: 'count' },
  { key: 'on_time', zh: '按时办结', kind: 'count' },
  { key: 'timeliness_rate', zh: '及时率', kind: 'rate' },
  { key: 'repeat', zh: '重复投诉', kind: 'count' },
  { key: 'repeat_rate', zh: '重复投诉率', kind: 'rate' },
  { key: 'overlevel', zh: '越级投诉', kind: 'count' },
  { key: 'overlevel_rate', zh: '越级投诉率', kind: 'rate' },
  { key: 'rated', zh: '已评价', kind: 'count' },
  { key: 'satisfied', zh: '满意', kind: 'count' },
  { key: 'satisfaction_rate', zh: '满意率', kind: 'rate' },
  { key: 'response_mean_hours', zh: '平均响应时间（小时）', kind: 'hours' },
  { key: 'handling_mean_hours', zh: '平均处理时长（小时）', kind: 'hours' },
  { key: 'breached', zh: '超时工单', kind: 'count' },
];

export const PROVINCE_REPORTS: readonly ProvinceReport[] = [
  {
    name: 'kpi-by-branch',
    sheet: '分公司指标',
    columns: [
      { key: 'branch_id', zh: '分公司编号', kind: 'text' },
      { key: 'branch_name', zh: '分公司', kind: 'text' },
      { key: 'city', zh: '地市', kind: 'text' },
      { key: 'draft', zh: '草稿', kind: 'bool' },
      ...KPI,
      { key: 'reported_timeliness_rate', zh: '分公司上报及时率', kind: 'rate' },
    ],
  },
  {
    name: 'kpi-by-district',
    sheet: '区县指标',
    columns: [
      { key: 'city', zh: '地市', kind: 'text' },
      { key: 'district', zh: '区县', kind: 'text' },
      { key: 'branches', zh: '分公司数', kind: 'count' },
      ...KPI,
    ],
  },
  {
    name: 'league',
    sheet: '排行榜',
    columns: [
      { key: 'rank', zh: '名次', kind: 'count' },
      { key: 'branch_id', zh: '分公司编号', kind: 'text' },
      { key: 'branch_name', zh: '分公司', kind: 'text' },
      { key: 'total', zh: '投诉总量', kind: 'count' },
      { key: 'timeliness_rate', zh: '及时率', kind: 'rate' },
      { key: 'resolution_rate', zh: '投诉解决率', kind: 'rate' },
      { key: 'timeliness_rank', zh: '及时率名次', kind: 'count' },
      { key: 'resolution_rank', zh: '解决率名次', kind: 'count' },
    ],
  },
  {
    name: 'refund-totals',
    sheet: '退费汇总',
    columns: [
      { key: 'type', zh: '类型', kind: 'text' },
      { key: 'entries', zh: '笔数', kind: 'count' },
      { key: 'rejected', zh: '驳回笔数', kind: 'count' },
      { key: 'amount_fen', zh: '金额（未驳回）', kind: 'fen' },
      { key: 'executed_fen', zh: '已执行金额', kind: 'fen' },
      { key: 'branches', zh: '分公司数', kind: 'count' },
    ],
  },
  {
    name: 'warnings',
    sheet: '投诉预警',
    columns: [
      { key: 'branch_id', zh: '分公司编号', kind: 'text' },
      { key: 'branch_name', zh: '分公司', kind: 'text' },
      { key: 'level', zh: '预警级别', kind: 'text' },
      { key: 'warnings', zh: '预警次数', kind: 'count' },
      { key: 'categories', zh: '投诉类别', kind: 'text' },
    ],
  },
  {
    name: 'unreported',
    sheet: '未上报',
    columns: [
      { key: 'branch_id', zh: '分公司编号', kind: 'text' },
      { key: 'branch_name', zh: '分公司', kind: 'text' },
      { key: 'city', zh: '地市', kind: 'text' },
      { key: 'has_draft', zh: '仅有草稿', kind: 'bool' },
      { key: 'last_reported', zh: '最近上报月份', kind: 'month' },
    ],
  },
];

export function provinceReport(name: string): ProvinceReport | null {
  return PROVINCE_REPORTS.find((r) => r.name === name) ?? null;
}
