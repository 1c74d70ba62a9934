/**
 * Which column of the file holds which field. CRM exports differ between
 * provinces and versions: headers come in Chinese or English, in any order,
 * with markers (*工单编号), full-width characters or spaces, next to columns
 * the console does not use (ignored, never an error).
 */
import { IMPORT_FIELDS, REQUIRED_FIELDS, type ImportField } from './types';

/** docs/REQUIREMENTS.md §6's names first (zh, en), then what real exports also call them. */
const HEADER_NAMES: Record<ImportField, readonly string[]> = {
  ticketNo: ['工单编号', 'ticket_no', '工单号', '工单流水号', '投诉工单号', 'ticket number', 'ticket'],
  channel: ['受理渠道', 'channel', '投诉渠道', '渠道', '来源渠道'],
  receivedAt: ['受理时间', 'received_at', '客户发起时间', '发起时间', '投诉时间', '受理日期时间', 'received'],
  phone: ['客户号码', 'phone', '客户手机号', '手机号码', '用户号码', '投诉号码', '联系电话', 'mobile', 'phone number'],
  customerName: ['客户姓名', 'customer_name', '用户姓名', '客户名称', 'customer'],
  city: ['地市', 'city', '地市名称', '所属地市'],
  district: ['区县', 'district', '区县名称', '所属区县'],
  category: ['投诉类别', 'category', '投诉类型', '投诉分类', '类别'],
  description: ['投诉内容', 'description', '投诉描述', '问题描述', '内容'],
  level: ['工单级别', 'level', '投诉级别', '级别'],
  status: ['处理状态', 'status', '工单状态', '状态'],
  assignee: ['处理人', 'assignee', '当前处理人', '责任人', 'handler'],
  firstResponder: ['首问负责人', 'first_responder', '首问责任人', '首问人', 'first responder'],
  firstResponseAt: ['首次响应时间', 'first_response_at', '首响时间', 'first response'],
  resolvedAt: ['办结时间', 'resolved_at', '解决时间', '完成时间', 'resolved'],
  closedAt: ['关闭时间', 'closed_at', '回访关闭时间', '回访时间', '归档时间', 'closed'],
  satisfaction: ['满意度', 'satisfaction', '回访满意度', '客户满意度'],
};

/** Compare headers as a person reads them: width, case, spaces, _ - * markers do not matter. */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-*#:：]+/g, '');
}

const BY_KEY: ReadonlyMap<string, ImportField> = new Map(
  IMPORT_FIELDS.flatMap((field) => HEADER_NAMES[field].map((name) => [headerKey(name), field] as const)),
);

/** The header every report uses for a field the file does not name (zh, en). */
export const FIELD_HEADERS: Record<ImportField, { zh: string; en: string }> = Object.fromEntries(
  IMPORT_FIELDS.map((f) => [f, { zh: HEADER_NAMES[f][0]!, en: HEADER_NAMES[f][1]! }]),
) as Record<ImportField, { zh: string; en: string }>;

export interface MappedColumn {
  index: number;
  header: string;
  /** null: a column the console does not use (or a second column for a field already mapped). */
  field: ImportField | null;
  /** The field was chosen by a user for this header (remembered per header list), not recognised by name. */
  chosen?: true;
}

export interface HeaderMap {
  columns: MappedColumn[];
  /** Field → column index, for the fields the file has. */
  index: Partial<Record<ImportField, number>>;
  /** Required fields with no column: the file cannot be imported. */
  missing: ImportField[];
}

/**
 * The key a user's mapping is remembered by: the file's header list as a
 * person reads it (each header through headerKey, in order), so the next
 * export of the same shape maps the same way and a file of another shape does not.
 */
export function headerSetKey(cells: readonly string[]): string {
  return cells.map((c) => headerKey(c)).join('\u001f');
}

/**
 * Columns to fields. `chosen` (headerKey → field) is what a user mapped for
 * headers the console does not know; a known header's own field wins over it.
 */
export function mapHeaders(cells: readonly string[], chosen: Readonly<Record<string, ImportField>> = {}): HeaderMap {
  const index: Partial<Record<ImportField, number>> = {};
  const columns = cells.map((raw, i): MappedColumn => {
    const header = raw.trim();
    const known = BY_KEY.get(headerKey(header)) ?? null;
    const picked = known === null ? (chosen[headerKey(header)] ?? null) : null;
    const field = known ?? picked;
    // The first column for a field wins; the preview shows the second as unused.
    if (field === null || index[field] !== undefined) return { index: i, header, field: null };
    index[field] = i;
    return picked ? { index: i, header, field, chosen: true } : { index: i, header, field };
  });
  const missing = REQUIRED_FIELDS.filter((f) => index[f] === undefined);
  return { columns, index, missing };
}

/**
 * Some exports put a title or a blank line above the header. The header is the
 * first row that names most of the required columns.
 */
export function looksLikeHeader(cells: readonly string[]): boolean {
  const found = new Set(cells.map((c) => BY_KEY.get(headerKey(c))).filter((f) => f !== undefined));
  return REQUIRED_FIELDS.filter((f) => found.has(f)).length >= Math.ceil(REQUIRED_FIELDS.length / 2);
}

/** How many rows from the top may hold a title before the header must have appeared. */
export const HEADER_SEARCH_ROWS = 10;
