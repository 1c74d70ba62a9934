/**
 * A supervisor's view of who holds what: the Today page's team panel (each
 * assignee's open tickets and how many are past due now) and the ticket
 * list's 按处理人 counts under the list's current filter.
 */
import { assigneeCounts, workloadRows, type AssigneeCount, type WorkloadRow } from '../db/workload';
import type { TicketFilter, UserInfo } from '../core/model';
import type { ServiceContext } from './context';
import { canSeePhone } from './tickets';

export type { AssigneeCount, WorkloadRow };

export function teamWorkload(ctx: ServiceContext): WorkloadRow[] {
  return workloadRows(ctx.db, ctx.now());
}

/**
 * The list's tickets per assignee. The search box matches phone numbers the
 * way the list does for this viewer (masked: the whole number or its last
 * four digits only), so the counts tell nobody more than the list does.
 */
export function countByAssignee(ctx: ServiceContext, viewer: UserInfo, filter: TicketFilter | undefined): AssigneeCount[] {
  return assigneeCounts(ctx.db, filter, ctx.now(), canSeePhone(viewer) ? 'any' : 'masked');
}
