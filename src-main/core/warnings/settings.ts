/** The volume-warning settings (投诉预警), each with its shipped default. */

export interface WarningLevels {
  /** Multiples of the baseline at which a warning is yellow, orange, red. */
  yellow: number;
  orange: number;
  red: number;
}

/** Someone a published warning is sent to (预警管理人员): a name and their role or post. */
export interface WarningRecipient {
  name: string;
  role: string;
}

export interface WarningSettings {
  /**
   * The monitored categories (勾选类型), written as the console shows them:
   * a top-level name ("网络质量") or "一级/二级" ("网络质量/信号覆盖"). A
   * top-level category counts its children's tickets too. null: every
   * top-level category of the current tree.
   */
  categories: string[] | null;
  /** 系数: threshold = baseline × coefficient. */
  coefficient: number;
  /** 保护值: no warning while the count is below it, however small the baseline. */
  protection: number;
  levels: WarningLevels;
  /** Who is told when a warning is published (监控发布); the list is the branch's own. */
  recipients: WarningRecipient[];
}

export const DEFAULT_WARNING_SETTINGS: WarningSettings = {
  categories: null,
  coefficient: 1.3,
  protection: 10,
  levels: { yellow: 1.3, orange: 1.6, red: 2 },
  recipients: [],
};

/** How many whole months the baseline averages. */
export const BASELINE_MONTHS = 6;
/** The rolling period's length in local days (today so far and the 6 days before). */
export const ROLLING_DAYS = 7;
