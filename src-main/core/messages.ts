/**
 * Error sentences in the user's language. Domain code raises DomainError with a
 * code and parameters; the edge (API, CLI) turns it into one of these.
 */
import type { DomainError, ErrorCode } from './errors';
import { STATUS_LABELS, LEVEL_LABELS, ROLE_LABELS, type Status, type Level, type Role } from './enums';
import { refusalMessage } from './import/reasons';
import { REFUND_FIELD_LABELS, REFUND_TEMPLATES } from './refunds/messages';
import { exportRefusalMessage } from './export/messages';
import { AUTH_TEMPLATES } from './auth/messages';
import { KNOWLEDGE_TEMPLATES } from './knowledge/messages';
import { WARNING_TEMPLATES } from './warnings/messages';
import { QC_PROJECT_FIELD_LABELS, QC_PROJECT_TEMPLATES } from './qc-projects/messages';
import { ruleName } from './sla/rule-names';
import { LIST_TEMPLATES } from './lists/messages';

export type Locale = 'zh-CN' | 'en';

type Params = Record<string, string | number>;
type Template = (p: Params, locale: Locale) => string;

const ACTION_LABELS: Record<string, { zh: string; en: string }> = {
  accept: { zh: '受理', en: 'accept' },
  start: { zh: '开始处理', en: 'start work on' },
  pend: { zh: '挂起（待客户）', en: 'put on pending' },
  resume: { zh: '恢复处理', en: 'resume' },
  respond: { zh: '答复', en: 'respond to' },
  resolve: { zh: '办结', en: 'resolve' },
  close: { zh: '回访关闭', en: 'close' },
  reopen: { zh: '重开', en: 'reopen' },
  transfer: { zh: '转派', en: 'transfer' },
  collaborate: { zh: '协作', en: 'add a collaborator to' },
  escalate: { zh: '升级', en: 'escalate' },
  void: { zh: '作废', en: 'void' },
  release: { zh: '退回队列', en: 'hand back to the queue' },
  request_transfer: { zh: '申请转派', en: 'ask for a transfer of' },
  decline_transfer: { zh: '驳回转派申请', en: 'decline the transfer request of' },
};

const FIELD_LABELS: Record<string, { zh: string; en: string }> = {
  reason: { zh: '原因', en: 'reason' },
  timeLeft: { zh: '剩余时间颜色阈值', en: 'time-left colour thresholds' },
  note: { zh: '说明', en: 'note' },
  breachCause: { zh: '超时原因', en: 'breach cause' },
  breachCauseText: { zh: '超时原因说明', en: 'breach cause text' },
  breachCauseName: { zh: '超时原因名称', en: 'breach cause name' },
  breachCauseNameEn: { zh: '超时原因英文名称', en: "breach cause's English name" },
  comment: { zh: '审核意见', en: 'review comment' },
  recipients: { zh: '预警接收人', en: 'warning recipients' },
  department: { zh: '责任部门', en: 'department' },
  phone: { zh: '客户号码', en: 'phone number' },
  ticket_no: { zh: '工单编号', en: 'ticket number' },
  ticketNo: { zh: '工单编号', en: 'ticket number' },
  channel: { zh: '受理渠道', en: 'channel' },
  receivedAt: { zh: '受理时间', en: 'received time' },
  categoryId: { zh: '投诉类别', en: 'category' },
  category: { zh: '投诉类别', en: 'category' },
  level: { zh: '工单级别', en: 'level' },
  description: { zh: '投诉内容', en: 'description' },
  username: { zh: '用户名', en: 'user name' },
  password: { zh: '密码', en: 'password' },
  displayName: { zh: '姓名', en: 'name' },
  satisfaction: { zh: '满意度', en: 'satisfaction' },
  assigneeId: { zh: '处理人', en: 'assignee' },
  offset: { zh: '起始行', en: 'offset' },
  limit: { zh: '每页条数', en: 'page size' },
  request: { zh: '请求内容', en: 'request' },
  ...REFUND_FIELD_LABELS,
  ...QC_PROJECT_FIELD_LABELS,
};

const label = (table: Record<string, { zh: string; en: string }>, key: string | number | undefined, locale: Locale) => {
  const entry = table[String(key)];
  if (!entry) return String(key ?? '');
  return locale === 'en' ? entry.en : entry.zh;
};
const status = (s: string | number | undefined, l: Locale) =>
  label(STATUS_LABELS as Record<Status, { zh: string; en: string }>, s, l);
const level = (s: string | number | undefined, l: Locale) =>
  label(LEVEL_LABELS as Record<Level, { zh: string; en: string }>, s, l);
export const fieldLabel = (f: string | number | undefined, l: Locale) => label(FIELD_LABELS, f, l);

/** Why an action is illegal, in words a supervisor understands: what to do first. */
function illegal(p: Params, l: Locale): string {
  const action = label(ACTION_LABELS, p.action, l);
  const from = status(p.status, l);
  const hint: Record<string, { zh: string; en: string }> = {
    new: { zh: '请先受理。', en: 'Accept it first.' },
    resolved: { zh: '已办结的工单只能回访关闭或重开。', en: 'A resolved ticket can only be closed or reopened.' },
    closed: { zh: '已关闭的工单只能重开。', en: 'A closed ticket can only be reopened.' },
    voided: { zh: '已作废的工单不能再操作。', en: 'A voided ticket cannot be changed.' },
  };
  const extra = hint[String(p.status)];
  if (l === 'en') return `Cannot ${action} a ticket that is "${from}". ${extra?.en ?? ''}`.trim();
  return `工单当前为「${from}」，不能${action}。${extra?.zh ?? ''}`;
}

const TEMPLATES: Record<ErrorCode, Template> = {
  validation: (p, l) => {
    const f = fieldLabel(p.field, l);
    const rule = String(p.rule ?? '');
    const zh: Record<string, string> = {
      required: `请填写${f}。`,
      too_long: `${f}太长（最多 ${p.max} 个字）。`,
      invalid: `${f}的格式不对${p.value !== undefined ? `：${p.value}` : ''}。`,
      same_as_current: '转派目标与当前责任部门和处理人相同。',
      already_involved: '该部门已参与处理此工单。',
      in_future: `${f}不能晚于现在。`,
      too_old: `${f}不能早于一年前（更早的工单请通过 CRM 导入）。`,
      taken: `${f}已被使用。`,
      unknown_user: `找不到${f}：没有编号为 ${p.value} 的在用账号。`,
      control_chars: `${f}含有控制字符（不可见的代码，如 NUL 或终端转义），请删除后再提交。`,
      too_small: `${f}不能小于 ${p.min}。`,
      too_large: `${f}不能大于 ${p.max}。`,
      too_few: `${f}至少需要 ${p.min} 项。`,
      too_many: `${f}最多 ${p.max} 项。`,
      unknown_field: `请求中有无法识别的字段「${p.field}」。`,
      not_assigned: '该工单没有处理人，已在队列中。',
      request_open: '该工单已有一个待确认的转派申请。',
      no_request: '该工单没有待确认的转派申请。',
      order: '“标橙”的剩余时间不能长于“标黄”的。',
      not_delivery: '只有速递类工单可以记录 12580 速递时间。',
      order_levels: '预警级别倍数须满足 黄色 ≤ 橙色 ≤ 红色。',
      retired_cause: `超时原因「${p.value}」已停用，请从列表中另选一项。`,
      shipped_cause: `「${p.value}」是 QC 课题给出的默认原因，保留在列表中，不能停用（可以改名）。`,
    };
    const en: Record<string, string> = {
      required: `Please fill in the ${f}.`,
      too_long: `The ${f} is too long (at most ${p.max} characters).`,
      invalid: `The ${f} is not valid${p.value !== undefined ? `: ${p.value}` : ''}.`,
      same_as_current: 'The transfer target is the same department and assignee as now.',
      already_involved: 'That department is already working on this ticket.',
      in_future: `The ${f} cannot be in the future.`,
      too_old: `The ${f} cannot be more than a year ago (bring older tickets in through the CRM import).`,
      taken: `That ${f} is already taken.`,
      unknown_user: `No active account has id ${p.value}, so it cannot be the ${f}.`,
      control_chars: `The ${f} contains control characters (invisible codes such as NUL or terminal escapes); remove them and try again.`,
      too_small: `The ${f} must be at least ${p.min}.`,
      too_large: `The ${f} must be at most ${p.max}.`,
      too_few: `The ${f} needs at least ${p.min} items.`,
      too_many: `The ${f} takes at most ${p.max} items.`,
      unknown_field: `The request has a field this console does not know: "${p.field}".`,
      not_assigned: 'This ticket has no assignee: it is already in the queue.',
      request_open: 'This ticket already has a transfer request waiting for a supervisor.',
      no_request: 'This ticket has no transfer request waiting.',
      order: 'The orange threshold cannot be longer than the amber one.',
      not_delivery: 'Only a delivery (速递) ticket takes 12580 delivery times.',
      order_levels: 'The level multiples must be yellow ≤ orange ≤ red.',
      retired_cause: `The breach cause "${p.value}" has been retired; pick another from the list.`,
      shipped_cause: `"${p.value}" is one of the QC studies' default causes: it stays on the list and cannot be retired (it can be renamed).`,
    };
    return (l === 'en' ? en[rule] : zh[rule]) ?? (l === 'en' ? `The ${f} is not valid.` : `${f}无效。`);
  },
  not_found: (p, l) => (l === 'en' ? `${p.what ?? 'Record'} ${p.id ?? ''} was not found.` : `找不到${p.what ?? '记录'} ${p.id ?? ''}。`),
  forbidden: (p, l) => {
    const needed = label(ROLE_LABELS as Record<Role, { zh: string; en: string }>, p.needed, l);
    return l === 'en' ? `Your role cannot do this (needs ${needed}).` : `您的角色无权执行此操作（需要${needed}）。`;
  },
  action_forbidden: (p, l) => {
    const action = label(ACTION_LABELS, p.action, l);
    const needed = label(ROLE_LABELS as Record<Role, { zh: string; en: string }>, p.needed, l);
    if (p.why === 'not_assignee') {
      return l === 'en' ? 'You can hand back only a ticket assigned to you.' : '只能退回分派给自己的工单。';
    }
    const hint =
      p.action === 'transfer'
        ? { zh: '您可以「申请转派」，由班长/主管确认。', en: ' You can ask for a transfer, which a supervisor confirms.' }
        : { zh: '', en: '' };
    return l === 'en'
      ? `Only a ${needed.toLowerCase()} or above may ${action} a ticket.${hint.en}`
      : `只有${needed}及以上可以${action}工单。${hint.zh}`;
  },
  unauthenticated: (_p, l) => (l === 'en' ? 'Please log in.' : '请先登录。'),
  locked: (_p, l) => (l === 'en' ? 'The console locked after inactivity. Log in again.' : '长时间未操作，控制台已锁定，请重新登录。'),
  conflict: (_p, l) =>
    l === 'en' ? 'Someone changed this ticket meanwhile. Reload it and try again.' : '该工单已被他人修改，请刷新后重试。',
  illegal_transition: illegal,
  invalid_phone: (p, l) =>
    l === 'en'
      ? `"${p.value}" is neither an 11-digit mainland mobile number nor a fixed line with its area code (020-12345678).`
      : `「${p.value}」既不是 11 位大陆手机号码，也不是带区号的固定电话（如 020-12345678）。`,
  duplicate_ticket: (p, l) =>
    l === 'en' ? `Ticket ${p.ticketNo} already exists for channel ${p.channel}.` : `渠道 ${p.channel} 已有工单 ${p.ticketNo}。`,
  unknown_category: (p, l) => (l === 'en' ? `Unknown category "${p.value}".` : `未知的投诉类别「${p.value}」。`),
  reason_required: (p, l) => (l === 'en' ? `Please give the ${fieldLabel(p.field, l)}.` : `请填写${fieldLabel(p.field, l)}。`),
  setup_done: (_p, l) => (l === 'en' ? 'The administrator account already exists.' : '管理员账号已创建。'),
  demo_needs_empty: (p, l) =>
    l === 'en'
      ? `Demo data goes only into an empty database; this one holds ${p.tickets} tickets, and fake ones would change its reports.`
      : `演示数据只能载入空数据库；当前已有 ${p.tickets} 张工单，载入假数据会改变报表数字。`,
  bad_credentials: (_p, l) => (l === 'en' ? 'Wrong user name or password.' : '用户名或密码错误。'),
  weak_password: (p, l) =>
    l === 'en' ? `The password needs at least ${p.min} characters.` : `密码至少需要 ${p.min} 个字符。`,
  level_not_higher: (p, l) =>
    l === 'en'
      ? `Escalation must raise the level: it is "${level(p.from, l)}", "${level(p.to, l)}" is not higher.`
      : `升级必须提高级别：当前为「${level(p.from, l)}」，「${level(p.to, l)}」并不更高。`,
  db_too_new: (p, l) =>
    l === 'en'
      ? `This database was written by a newer Complaint Desk (schema ${p.found}, this version knows ${p.known}). Update the application; the database was not changed.`
      : `该数据库由更新版本的投诉工作台创建（结构版本 ${p.found}，本程序支持到 ${p.known}）。请升级程序；数据库未被修改。`,
  // A damaged file always comes with the way back: the newest checked backup and the command that restores it.
  db_corrupt: (p, l) => {
    const where = p.backupDir ? (l === 'en' ? ` (daily backups are in ${p.backupDir})` : `（每日备份在 ${p.backupDir}）`) : '';
    return l === 'en'
      ? `The database failed its integrity check: ${p.problem}. Close the console and restore the newest backup that passed its check with \`complaint-desk restore FILE\`${where}.`
      : `数据库完整性检查未通过：${p.problem}。请关闭控制台，用最近一份通过检查的备份恢复：complaint-desk restore 备份文件${where}。`;
  },
  import_refused: refusalMessage,
  export_refused: exportRefusalMessage,
  ...REFUND_TEMPLATES,
  ...WARNING_TEMPLATES,
  ...QC_PROJECT_TEMPLATES,
  ...AUTH_TEMPLATES,
  ...KNOWLEDGE_TEMPLATES,
  ...LIST_TEMPLATES,
  sla_policy_invalid: (p, l) => {
    const why: Record<string, { zh: string; en: string }> = {
      limit_not_positive: { zh: '时限必须是大于 0 的整数分钟', en: 'every limit must be a whole number of minutes above 0' },
      same_match: { zh: '与另一条规则的匹配条件完全相同', en: 'it matches exactly the same tickets as another rule' },
      empty_channels: { zh: '至少选择一个渠道，或选择“任意渠道”', en: 'choose at least one channel, or "any channel"' },
      duplicate_id: { zh: '规则编号重复', en: 'its id is used twice' },
    };
    const w = why[String(p.problem)] ?? { zh: String(p.problem), en: String(p.problem) };
    const rule = ruleName(String(p.rule), l);
    return l === 'en' ? `SLA rule "${rule}" is not valid: ${w.en}.` : `时限规则「${rule}」无效：${w.zh}。`;
  },
  sla_calendar_invalid: (p, l) => {
    const why: Record<string, { zh: string; en: string }> = {
      no_working_time: { zh: '一周中没有任何工作时间', en: 'it has no working time in the week' },
      bad_span: { zh: '工作时段的开始必须早于结束', en: 'a working span must start before it ends' },
      bad_date: { zh: '日期须为 YYYY-MM-DD', en: 'dates must be YYYY-MM-DD' },
    };
    const w = why[String(p.problem)] ?? { zh: String(p.problem), en: String(p.problem) };
    return l === 'en' ? `The business calendar is not valid: ${w.en}.` : `工作日历无效：${w.zh}。`;
  },
  sla_policy_changed: (_p, l) =>
    l === 'en'
      ? 'Someone else saved the deadline rules after your preview. Nothing was saved: preview your change again against their rules, then confirm.'
      : '处理时限规则在您预览之后已被他人修改并保存，本次未保存。请在最新规则上重新预览，再确认保存。',
  internal: (_p, l) => (l === 'en' ? 'Something went wrong inside the console.' : '控制台内部出错。'),
};

export function messageFor(error: DomainError, locale: Locale): string {
  return TEMPLATES[error.code](error.params, locale);
}
