/** The Today page's team panel: each assignee's open tickets and how many of them are past due now. */
import { workloadRows, type WorkloadRow } from '../db/workload';
import type { ServiceContext } from './context';

export type { WorkloadRow };

export function teamWorkload(ctx: ServiceContext): WorkloadRow[] {
  return workloadRows(ctx.db, ctx.now());
}
