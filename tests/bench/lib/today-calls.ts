/**
 * Every call the Today page (src-renderer/pages/TodayPage.tsx) makes when it
 * opens, as an administrator sees it, in the order it sends them: the
 * foresight list last (LikelyToMissList waits for the others to go out).
 */
import { OPEN_STATUSES } from '../../../src-main/core/enums';

/** The foresight list (预计超时): the one call that reads the history. */
export const FORESIGHT_CALL = ['deadlines/likelyToMiss', { limit: 20, locale: 'zh-CN' }] as const;

export const TODAY_CALLS: ReadonlyArray<readonly [string, unknown]> = [
  ['deadlines/summary', {}],
  ['deadlines/atRisk', { which: 'within2h', limit: 20 }],
  ['deadlines/atRisk', { which: 'breached', limit: 20 }],
  ['refunds/queueCount', {}],
  ['reports/today', {}],
  ['tickets/workload', {}],
  ['tickets/list', { limit: 1 }],
  ...OPEN_STATUSES.map((s) => ['tickets/list', { limit: 1, filter: { status: [s] } }] as const),
  ['tickets/list', { limit: 1, filter: { open: true } }],
  ['tickets/list', { limit: 1, filter: { open: true, level: ['major', 'overlevel'] } }],
  ['tickets/list', { limit: 1, filter: { open: true, repeat: true } }],
  FORESIGHT_CALL,
];
