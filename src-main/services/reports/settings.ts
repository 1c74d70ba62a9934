/** The report's own settings: the branch's subscriber count (for complaints per 10,000 subscribers). */
import type { ServiceContext } from '../context';

export const SUBSCRIBERS_KEY = 'branch.subscribers';

/** The subscriber count the admin entered, or null when none (the per-10,000 rate is then undefined). */
export function branchSubscribers(ctx: ServiceContext): number | null {
  const v = ctx.settings.get<unknown>(SUBSCRIBERS_KEY);
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null;
}

export function saveBranchSubscribers(ctx: ServiceContext, actorId: number, subscribers: number | null): number | null {
  ctx.settings.set(SUBSCRIBERS_KEY, subscribers, ctx.now(), actorId);
  ctx.audit.add(ctx.now(), actorId, 'settings.subscribers', null, { subscribers });
  return branchSubscribers(ctx);
}
