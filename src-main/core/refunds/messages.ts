/** The refund rules' error sentences (zh-CN and English) and the words they use. */
import { ROLE_LABELS, type Role } from '../enums';
import type { RefundAction, RefundStatus, RefundType } from './types';

type Locale = 'zh-CN' | 'en';
type Params = Record<string, string | number>;
type Words = { zh: string; en: string };

export const REFUND_TYPE_LABELS: Record<RefundType, Words> = {
  sp_info_fee: { zh: '信息费退费', en: 'SP information-fee refund' },
  overcharge: { zh: '多收费退还', en: 'Overcharge refund' },
  goodwill_credit: { zh: '话费补偿', en: 'Goodwill credit' },
  compensation: { zh: '赔付', en: 'Compensation' },
  other: { zh: '其他', en: 'Other' },
};

export const REFUND_STATUS_LABELS: Record<RefundStatus, Words> = {
  draft: { zh: '草稿', en: 'Draft' },
  pending_approval: { zh: '待审批', en: 'Pending approval' },
  approved: { zh: '已审批待执行', en: 'Approved' },
  rejected: { zh: '已驳回', en: 'Rejected' },
  executed: { zh: '已执行', en: 'Executed' },
};

const ACTION_WORDS: Record<RefundAction, Words> = {
  submit: { zh: '提交', en: 'submit' },
  approve: { zh: '审批通过', en: 'approve' },
  reject: { zh: '驳回', en: 'reject' },
  execute: { zh: '执行', en: 'execute' },
  reverse: { zh: '冲正', en: 'reverse' },
};

/** Reasons that are not a status but block an action all the same. */
const SPECIAL: Record<string, Words> = {
  reversal: { zh: '冲正记录本身不能再冲正。', en: 'A reversal cannot itself be reversed.' },
  already_reversed: { zh: '该笔退费已有冲正记录。', en: 'This entry already has a reversal.' },
  voided_ticket: { zh: '已作废的工单不能录入退费。', en: 'A voided ticket cannot take refunds.' },
  not_yours: { zh: '只有录入人可以提交该草稿。', en: 'Only the person who entered this draft can submit it.' },
};

const pick = (w: Words | undefined, l: Locale, fallback: string) => (w ? (l === 'en' ? w.en : w.zh) : fallback);

export const REFUND_TEMPLATES = {
  refund_amount: (p: Params, l: Locale) =>
    l === 'en' ? `The amount must be above ¥0.00 and at most ${p.max}.` : `退费金额须大于 ¥0.00 且不超过 ${p.max}。`,
  refund_duplicate: (p: Params, l: Locale) => {
    const type = pick(REFUND_TYPE_LABELS[p.type as RefundType], l, String(p.type));
    return l === 'en'
      ? `This ticket already has a ${type} of ${p.amount} entered within 24 hours: likely a duplicate. Confirm it is not before adding it.`
      : `该工单 24 小时内已有一笔相同类型（${type}）、相同金额（${p.amount}）的退费，可能重复。请确认不是重复录入后再提交。`;
  },
  refund_self_approval: (_p: Params, l: Locale) =>
    l === 'en'
      ? 'You cannot approve an entry you entered; another person with enough authority must decide it.'
      : '不能审批自己录入的退费，须由其他有权限的人审批。',
  refund_authority: (p: Params, l: Locale) => {
    const role = pick(ROLE_LABELS[p.needed as Role], l, String(p.needed));
    return l === 'en'
      ? `This entry needs approval by a ${role.toLowerCase()}; it is beyond your authority.`
      : `该笔退费须由${role}审批，超出您的审批权限。`;
  },
  refund_executor: (p: Params, l: Locale) => {
    const role = pick(ROLE_LABELS[p.needed as Role], l, String(p.needed));
    return l === 'en'
      ? `Only a ${role.toLowerCase()} or above may execute a refund and record its voucher.`
      : `只有${role}及以上可以执行退费并登记凭证号。`;
  },
  refund_voucher_used: (p: Params, l: Locale) =>
    l === 'en'
      ? `Voucher ${p.voucher} is already recorded on refund ${p.id} (ticket ${p.ticketNo}); one payment cannot settle two entries. Check the voucher number.`
      : `凭证号 ${p.voucher} 已登记在工单 ${p.ticketNo} 的退费 ${p.id} 上，一笔付款不能结两笔退费，请核对凭证号。`,
  refund_state: (p: Params, l: Locale) => {
    const special = SPECIAL[String(p.status)];
    if (special) return pick(special, l, '');
    const status = pick(REFUND_STATUS_LABELS[p.status as RefundStatus], l, String(p.status));
    const action = pick(ACTION_WORDS[p.action as RefundAction], l, String(p.action));
    return l === 'en' ? `Cannot ${action} an entry that is "${status}".` : `该笔退费当前为「${status}」，不能${action}。`;
  },
};

/** Field names of the refund inputs, for the shared validation sentences. */
export const REFUND_FIELD_LABELS: Record<string, Words> = {
  amountFen: { zh: '金额', en: 'amount' },
  voucherNo: { zh: '计费系统凭证号', en: 'voucher number' },
  comment: { zh: '审批意见', en: 'comment' },
  type: { zh: '退费类型', en: 'refund type' },
  agentLimitFen: { zh: '坐席单笔权限', en: 'agent limit per entry' },
  supervisorLimitFen: { zh: '班长单笔权限', en: 'supervisor limit per entry' },
  ticketTotalFen: { zh: '单张工单累计上限', en: 'per-ticket total' },
  executeWithinHours: { zh: '执行时限（小时）', en: 'hours to execute' },
};
