/**
 * The tables of the monthly bundle: one machine file each (JSON Lines, stable
 * English keys, in this order) and one sheet of the workbook (Chinese names).
 * docs/EXPORT-FORMAT.md describes every column in words; a new column is added
 * at the end and raises BUNDLE_FORMAT_VERSION's minor part, never renames one.
 */
import { CHANNEL_LABELS, LEVEL_LABELS, SATISFACTION_LABELS, STATUS_LABELS } from '../enums';
import { REFUND_STATUS_LABELS, REFUND_TYPE_LABELS } from '../refunds/messages';

/**
 * How a value is written. In the machine files: text and codes as strings,
 * instants as ISO-8601 with the branch's offset, money as integer fen, rates as
 * fractions 0–1, durations in milliseconds, null when there is none. In the
 * workbook: codes as their Chinese label, instants as Excel dates (the
 * branch's wall-clock), money in yuan with a ¥ format, rates as percentages.
 */
export type ColumnKind = 'text' | 'code' | 'instant' | 'fen' | 'rate' | 'count' | 'bool' | 'kpi_value';

export interface Column {
  key: string;
  /** The workbook's header. */
  zh: string;
  kind: ColumnKind;
  /** For codes: the label shown in the workbook. */
  labels?: Record<string, { zh: string }>;
  /** Widest the workbook lets this column grow (characters). */
  maxWidth?: number;
}

export type TableId = 'kpis' | 'tickets' | 'refunds' | 'breaches' | 'warnings';

export interface TableSpec {
  id: TableId;
  file: string;
  sheet: string;
  columns: readonly Column[];
}

const CLOCK_LABELS = {
  first_response: { zh: '首次响应' },
  resolution: { zh: '办结' },
  follow_up: { zh: '回访' },
  refund: { zh: '退费执行' },
};

const KPI_UNIT_LABELS = {
  count: { zh: '件' },
  per10k: { zh: '件/万户' },
  rate: { zh: '比率' },
  duration_ms: { zh: '小时' },
};

const WARNING_LEVEL_LABELS = { yellow: { zh: '黄色' }, orange: { zh: '橙色' }, red: { zh: '红色' } };

export const KPI_NAMES: Record<string, { zh: string }> = {
  total: { zh: '投诉总量' },
  complaintsPer10k: { zh: '每万户投诉量' },
  resolutionRate: { zh: '投诉解决率' },
  timelinessRate: { zh: '及时率' },
  repeatRate: { zh: '重复投诉率' },
  overlevelRate: { zh: '越级投诉率' },
  satisfactionRate: { zh: '满意率' },
  responseMeanMs: { zh: '平均响应时间' },
  responseMedianMs: { zh: '响应时间中位数' },
  handlingMeanMs: { zh: '平均处理时长' },
  handlingMedianMs: { zh: '处理时长中位数' },
  breached: { zh: '超时工单数' },
};

export const TABLES: readonly TableSpec[] = [
  {
    id: 'kpis',
    file: 'data/kpis.jsonl',
    sheet: '汇总指标',
    columns: [
      { key: 'kpi', zh: '指标', kind: 'code', labels: KPI_NAMES },
      { key: 'unit', zh: '单位', kind: 'code', labels: KPI_UNIT_LABELS },
      { key: 'current', zh: '本期', kind: 'kpi_value' },
      { key: 'previous', zh: '上期', kind: 'kpi_value' },
      { key: 'last_year', zh: '去年同期', kind: 'kpi_value' },
    ],
  },
  {
    id: 'tickets',
    file: 'data/tickets.jsonl',
    sheet: '工单明细',
    columns: [
      { key: 'ticket_no', zh: '工单编号', kind: 'text' },
      { key: 'channel', zh: '受理渠道', kind: 'code', labels: CHANNEL_LABELS },
      { key: 'received_at', zh: '受理时间', kind: 'instant' },
      { key: 'phone', zh: '客户号码', kind: 'text' },
      { key: 'customer_name', zh: '客户姓名', kind: 'text' },
      { key: 'city', zh: '地市', kind: 'text' },
      { key: 'district', zh: '区县', kind: 'text' },
      { key: 'category', zh: '投诉类别', kind: 'text' },
      { key: 'level', zh: '工单级别', kind: 'code', labels: LEVEL_LABELS },
      { key: 'status', zh: '处理状态', kind: 'code', labels: STATUS_LABELS },
      { key: 'department', zh: '责任部门', kind: 'text' },
      { key: 'assignee', zh: '处理人', kind: 'text' },
      { key: 'first_response_at', zh: '首次响应时间', kind: 'instant' },
      { key: 'resolved_at', zh: '办结时间', kind: 'instant' },
      { key: 'closed_at', zh: '回访关闭时间', kind: 'instant' },
      { key: 'satisfaction', zh: '满意度', kind: 'code', labels: SATISFACTION_LABELS },
      { key: 'is_repeat', zh: '重复投诉', kind: 'bool' },
      { key: 'is_collective', zh: '群体投诉', kind: 'bool' },
      { key: 'reopen_count', zh: '重开次数', kind: 'count' },
      { key: 'root_cause', zh: '问题原因', kind: 'text', maxWidth: 40 },
      { key: 'description', zh: '投诉内容', kind: 'text', maxWidth: 60 },
    ],
  },
  {
    id: 'refunds',
    file: 'data/refunds.jsonl',
    sheet: '退费赔付',
    columns: [
      { key: 'refund_id', zh: '退费编号', kind: 'count' },
      { key: 'ticket_no', zh: '工单编号', kind: 'text' },
      { key: 'channel', zh: '受理渠道', kind: 'code', labels: CHANNEL_LABELS },
      { key: 'type', zh: '类型', kind: 'code', labels: REFUND_TYPE_LABELS },
      { key: 'amount_fen', zh: '金额', kind: 'fen' },
      { key: 'status', zh: '状态', kind: 'code', labels: REFUND_STATUS_LABELS },
      { key: 'reverses_id', zh: '冲正的退费编号', kind: 'count' },
      { key: 'submitted_at', zh: '提交时间', kind: 'instant' },
      { key: 'decided_at', zh: '审批时间', kind: 'instant' },
      { key: 'executed_at', zh: '执行时间', kind: 'instant' },
      { key: 'execute_due_at', zh: '执行时限', kind: 'instant' },
      { key: 'voucher_no', zh: '凭证号', kind: 'text' },
      { key: 'reason', zh: '原因', kind: 'text', maxWidth: 50 },
    ],
  },
  {
    id: 'breaches',
    file: 'data/breaches.jsonl',
    sheet: '超时明细',
    columns: [
      { key: 'ticket_no', zh: '工单编号', kind: 'text' },
      { key: 'channel', zh: '受理渠道', kind: 'code', labels: CHANNEL_LABELS },
      { key: 'clock', zh: '超时环节', kind: 'code', labels: CLOCK_LABELS },
      { key: 'due_at', zh: '时限', kind: 'instant' },
      { key: 'stopped_at', zh: '完成时间', kind: 'instant' },
      { key: 'category', zh: '投诉类别', kind: 'text' },
      { key: 'department', zh: '责任部门', kind: 'text' },
      { key: 'assignee', zh: '处理人', kind: 'text' },
      { key: 'root_cause', zh: '问题原因', kind: 'text', maxWidth: 40 },
    ],
  },
  {
    id: 'warnings',
    file: 'data/warnings.jsonl',
    sheet: '投诉预警',
    columns: [
      { key: 'raised_at', zh: '预警时间', kind: 'instant' },
      { key: 'category', zh: '投诉类别', kind: 'text' },
      { key: 'scope', zh: '范围', kind: 'text' },
      { key: 'count', zh: '投诉量', kind: 'count' },
      { key: 'baseline', zh: '基线', kind: 'count' },
      { key: 'threshold', zh: '阈值', kind: 'count' },
      { key: 'level', zh: '预警级别', kind: 'code', labels: WARNING_LEVEL_LABELS },
    ],
  },
];

export const WORKBOOK_FILE = 'report.xlsx';
export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';

export function tableSpec(id: TableId): TableSpec {
  const spec = TABLES.find((t) => t.id === id);
  if (!spec) throw new RangeError(`no table ${id}`);
  return spec;
}

/** One machine-file line: the row's values in the table's column order, so equal rows give equal bytes. */
export function jsonLine(spec: TableSpec, row: Record<string, unknown>): string {
  const ordered: Record<string, unknown> = {};
  for (const c of spec.columns) ordered[c.key] = row[c.key] ?? null;
  return JSON.stringify(ordered) + '\n';
}
