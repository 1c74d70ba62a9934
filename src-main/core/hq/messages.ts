/**
 * Headquarters' refusals and errors, in the caller's language (zh-CN by
 * default, en). The receiver's JSON answers, the admin endpoints and the `hq`
 * command all say them from here.
 */
import type { Locale } from '../messages';

export type HqErrorCode =
  | 'unknown_branch'
  | 'unauthorized'
  | 'admin_unauthorized'
  | 'branch_id_invalid'
  | 'branch_name_invalid'
  | 'public_key_invalid'
  | 'token_invalid'
  | 'month_invalid'
  | 'report_unknown'
  | 'revision_conflict'
  | 'bundle_unreadable';

type Params = Record<string, string | number>;

const TEXT: Record<HqErrorCode, { zh: (p: Params) => string; en: (p: Params) => string }> = {
  unknown_branch: { zh: (p) => `分公司 ${p.branch} 未在总部登记，上报包未存储。`, en: (p) => `Branch ${p.branch} is not registered at headquarters; nothing was stored.` },
  unauthorized: { zh: (p) => `分公司 ${p.branch} 的令牌不正确，上报包未存储。`, en: (p) => `Wrong token for branch ${p.branch}; nothing was stored.` },
  admin_unauthorized: { zh: () => '需要总部管理令牌（Authorization: Bearer …）。', en: () => "Headquarters' admin token is required (Authorization: Bearer …)." },
  branch_id_invalid: { zh: () => '分公司编号只能由 1–64 个字母、数字、- 或 _ 组成。', en: () => 'A branch id is 1–64 letters, digits, - or _.' },
  branch_name_invalid: { zh: () => '分公司名称不能为空，且不超过 200 个字符。', en: () => 'A branch name is 1–200 characters.' },
  public_key_invalid: { zh: (p) => `公钥无效（需要 Ed25519 公钥，PEM 或 base64）：${p.detail}`, en: (p) => `Not a valid Ed25519 public key (PEM or base64): ${p.detail}` },
  token_invalid: { zh: () => '令牌须为 16–200 个可见字符。', en: () => 'A token is 16–200 printable characters.' },
  month_invalid: { zh: (p) => `月份 "${p.month}" 无效，应为 YYYY-MM。`, en: (p) => `"${p.month}" is not a month (YYYY-MM).` },
  report_unknown: { zh: (p) => `没有名为 "${p.report}" 的报表。可用：${p.known}`, en: (p) => `No report named "${p.report}". Known: ${p.known}` },
  revision_conflict: {
    zh: (p) => `分公司 ${p.branch} ${p.month} 的第 ${p.revision} 版已以另一内容存档，上报包未存储。`,
    en: (p) => `Branch ${p.branch}'s ${p.month} revision ${p.revision} is already filed with other contents; nothing was stored.`,
  },
  bundle_unreadable: { zh: (p) => `上报包的数据文件无法读入：${p.detail}。上报包未存储。`, en: (p) => `The bundle's data files could not be read in: ${p.detail}. Nothing was stored.` },
};

export function hqMessage(code: HqErrorCode, params: Params, locale: Locale): string {
  const t = TEXT[code];
  return locale === 'en' ? t.en(params) : t.zh(params);
}

export const BRANCH_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** '2026-10' → '2026-10-01' (a partition's period), or null. */
export function periodOfMonth(month: string): string | null {
  return MONTH_PATTERN.test(month) ? `${month}-01` : null;
}

/** The month before `month` ('2026-01' → '2025-12'). */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
