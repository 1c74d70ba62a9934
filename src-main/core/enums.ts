/** The fixed vocabularies of a ticket, with their zh-CN and English labels. */

export const CHANNELS = ['10086', '10080', '12300', 'store', 'online', 'social', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const LEVELS = ['normal', 'major', 'overlevel'] as const;
export type Level = (typeof LEVELS)[number];

export const STATUSES = [
  'new',
  'accepted',
  'in_progress',
  'pending_customer',
  'responded',
  'resolved',
  'closed',
  'voided',
] as const;
export type Status = (typeof STATUSES)[number];

export const SATISFACTIONS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

export const ROLES = ['agent', 'supervisor', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

type Labels<T extends string> = Record<T, { zh: string; en: string }>;

export const CHANNEL_LABELS: Labels<Channel> = {
  '10086': { zh: '10086热线', en: '10086 hotline' },
  '10080': { zh: '10080集团热线', en: '10080 group hotline' },
  '12300': { zh: '12300工信部', en: '12300 regulator' },
  store: { zh: '营业厅', en: 'Store' },
  online: { zh: '在线客服', en: 'Online' },
  social: { zh: '社交媒体', en: 'Social media' },
  other: { zh: '其他', en: 'Other' },
};

export const LEVEL_LABELS: Labels<Level> = {
  normal: { zh: '普通', en: 'Normal' },
  major: { zh: '重大', en: 'Major' },
  overlevel: { zh: '越级', en: 'Over-level' },
};

export const STATUS_LABELS: Labels<Status> = {
  new: { zh: '新建', en: 'New' },
  accepted: { zh: '已受理', en: 'Accepted' },
  in_progress: { zh: '处理中', en: 'In progress' },
  pending_customer: { zh: '待客户（挂起）', en: 'Pending customer' },
  responded: { zh: '已答复', en: 'Responded' },
  resolved: { zh: '已办结', en: 'Resolved' },
  closed: { zh: '已回访关闭', en: 'Closed' },
  voided: { zh: '已作废', en: 'Voided' },
};

export const SATISFACTION_LABELS: Labels<Satisfaction> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basically_satisfied: { zh: '基本满意', en: 'Basically satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
};

export const ROLE_LABELS: Labels<Role> = {
  agent: { zh: '坐席', en: 'Agent' },
  supervisor: { zh: '班长/主管', en: 'Supervisor' },
  manager: { zh: '经理', en: 'Manager' },
  admin: { zh: '管理员', en: 'Administrator' },
};

const ROLE_RANK: Record<Role, number> = { agent: 0, supervisor: 1, manager: 2, admin: 3 };

/** Roles are ordered: a method open to supervisors is open to managers and admins. */
export function roleAtLeast(role: Role, needed: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[needed];
}

const LEVEL_RANK: Record<Level, number> = { normal: 0, major: 1, overlevel: 2 };
export function levelRank(level: Level): number {
  return LEVEL_RANK[level];
}

/** The levels Today's 重大未结 counter and the 重大 chip mean: major and above. */
export const MAJOR_OR_ABOVE: readonly Level[] = LEVELS.filter((l) => LEVEL_RANK[l] >= LEVEL_RANK.major);

/** Statuses in which a ticket is still being worked. */
export const OPEN_STATUSES: readonly Status[] = ['new', 'accepted', 'in_progress', 'pending_customer', 'responded'];
