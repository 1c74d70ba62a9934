/**
 * The columns of each table a person exports to Excel: the ticket list, the
 * refunds list, the approvals queue and the month's report. Each column says
 * its header in both languages, how its value is written and how to read it
 * from a row. Codes are written as the label the screen shows.
 */
import { CHANNEL_LABELS, LEVEL_LABELS, SATISFACTION_LABELS, STATUS_LABELS, type Channel, type Level, type Satisfaction, type Status } from '../enums';
import type { TicketRow } from '../model';
import { REFUND_STATUS_LABELS, REFUND_TYPE_LABELS } from '../refunds/messages';
import type { RefundRow, RefundStatus, RefundType } from '../refunds/types';
import type { Locale } from '../messages';
import type { RawValue, SheetKind } from './cells';

export interface SheetColumn<R> {
  zh: string;
  en: string;
  kind: SheetKind;
  /** Column width in Excel's character units (a CJK character counts two). */
  width: number;
  get(row: R): RawValue;
}

export interface SheetTable<R> {
  /** The sheet's name (XLSX) in each language. */
  zh: string;
  en: string;
  columns: ReadonlyArray<SheetColumn<R>>;
}

type Words = { zh: string; en: string };
const label = <K extends string>(labels: Record<K, Words>, l: Locale) => (k: K | null | undefined) => (k ? labels[k][l === 'en' ? 'en' : 'zh'] : null);
const yesNo = (b: boolean, l: Locale) => (l === 'en' ? (b ? 'Yes' : 'No') : b ? '是' : '否');

export function headerOf(c: { zh: string; en: string }, l: Locale): string {
  return l === 'en' ? c.en : c.zh;
}

/** The ticket list's columns, in the order the grid shows them. */
export function ticketTable(l: Locale): SheetTable<TicketRow> {
  const channel = label<Channel>(CHANNEL_LABELS, l);
  const level = label<Level>(LEVEL_LABELS, l);
  const status = label<Status>(STATUS_LABELS, l);
  const satisfaction = label<Satisfaction>(SATISFACTION_LABELS, l);
  return {
    zh: '工单',
    en: 'Tickets',
    columns: [
      { zh: '工单编号', en: 'Ticket no.', kind: 'text', width: 20, get: (r) => r.ticketNo },
      { zh: '状态', en: 'Status', kind: 'text', width: 14, get: (r) => status(r.status) },
      { zh: '到期时间', en: 'Due', kind: 'instant', width: 17, get: (r) => r.dueAt },
      { zh: '级别', en: 'Level', kind: 'text', width: 8, get: (r) => level(r.level) },
      { zh: '渠道', en: 'Channel', kind: 'text', width: 14, get: (r) => channel(r.channel) },
      { zh: '投诉类别', en: 'Category', kind: 'text', width: 22, get: (r) => r.categoryPath },
      { zh: '客户号码', en: 'Phone', kind: 'text', width: 14, get: (r) => r.phone },
      { zh: '客户姓名', en: 'Customer', kind: 'text', width: 10, get: (r) => r.customerName },
      { zh: '区县', en: 'District', kind: 'text', width: 10, get: (r) => r.district },
      { zh: '受理时间', en: 'Received', kind: 'instant', width: 17, get: (r) => r.receivedAt },
      { zh: '处理人', en: 'Assignee', kind: 'text', width: 10, get: (r) => r.assigneeName },
      { zh: '首问负责人', en: 'First responder', kind: 'text', width: 12, get: (r) => r.firstResponderName },
      { zh: '处理部门', en: 'Department', kind: 'text', width: 12, get: (r) => r.department },
      { zh: '满意度', en: 'Satisfaction', kind: 'text', width: 10, get: (r) => satisfaction(r.satisfaction) },
      { zh: '重复投诉', en: 'Repeat', kind: 'text', width: 9, get: (r) => yesNo(r.isRepeat, l) },
      { zh: '集体投诉', en: 'Collective', kind: 'text', width: 9, get: (r) => yesNo(r.isCollective, l) },
    ],
  };
}

/** The refunds list's columns. */
export function refundTable(l: Locale): SheetTable<RefundRow> {
  const type = label<RefundType>(REFUND_TYPE_LABELS, l);
  const status = label<RefundStatus>(REFUND_STATUS_LABELS, l);
  return {
    zh: '退费补偿',
    en: 'Refunds',
    columns: [
      { zh: '录入时间', en: 'Entered', kind: 'instant', width: 17, get: (r) => r.createdAt },
      { zh: '工单编号', en: 'Ticket no.', kind: 'text', width: 20, get: (r) => r.ticketNo },
      { zh: '类型', en: 'Type', kind: 'text', width: 12, get: (r) => type(r.type) },
      { zh: '金额', en: 'Amount', kind: 'money', width: 12, get: (r) => r.amountFen },
      { zh: '状态', en: 'Status', kind: 'text', width: 12, get: (r) => status(r.status) },
      { zh: '原因', en: 'Reason', kind: 'text', width: 40, get: (r) => r.reason },
      { zh: '冲正的条目', en: 'Reverses', kind: 'count', width: 10, get: (r) => r.reversesId },
      { zh: '录入人', en: 'Entered by', kind: 'text', width: 10, get: (r) => r.createdByName },
      { zh: '审批人', en: 'Decided by', kind: 'text', width: 10, get: (r) => r.decidedByName },
      { zh: '执行时间', en: 'Executed', kind: 'instant', width: 17, get: (r) => r.executedAt },
      { zh: '凭证号', en: 'Voucher no.', kind: 'text', width: 16, get: (r) => r.voucherNo },
    ],
  };
}

/** One entry of the approvals queue, as the queue shows it. */
export interface ApprovalLine {
  submittedAt: number | null;
  ticketNo: string;
  categoryPath: string;
  type: RefundType;
  amountFen: number;
  reason: string;
  createdByName: string;
  ticketTotalFen: number;
}

export function approvalTable(l: Locale): SheetTable<ApprovalLine> {
  const type = label<RefundType>(REFUND_TYPE_LABELS, l);
  return {
    zh: '待审批',
    en: 'Awaiting approval',
    columns: [
      { zh: '提交时间', en: 'Submitted', kind: 'instant', width: 17, get: (r) => r.submittedAt },
      { zh: '工单编号', en: 'Ticket no.', kind: 'text', width: 20, get: (r) => r.ticketNo },
      { zh: '投诉类别', en: 'Category', kind: 'text', width: 22, get: (r) => r.categoryPath },
      { zh: '类型', en: 'Type', kind: 'text', width: 12, get: (r) => type(r.type) },
      { zh: '金额', en: 'Amount', kind: 'money', width: 12, get: (r) => r.amountFen },
      { zh: '原因', en: 'Reason', kind: 'text', width: 40, get: (r) => r.reason },
      { zh: '录入人', en: 'Entered by', kind: 'text', width: 10, get: (r) => r.createdByName },
      { zh: '该工单累计', en: 'Ticket total', kind: 'money', width: 12, get: (r) => r.ticketTotalFen },
    ],
  };
}
