/** Contract methods of the deadlines: the policy, the clocks, and the notification centre. */
import { method } from '../define';
import * as s from '../schemas';
import type { Alert } from '../../core/sla/alert-model';
import type { DeadlineCounts, UrgentClock } from '../../services/deadlines';
import type { SlaPolicy } from '../../services/sla-policy';

export interface DeadlineSummary {
  counts: DeadlineCounts;
  /** The five most urgent running clocks (the tray menu). */
  urgent: UrgentClock[];
  unacknowledged: number;
}

export const deadlineMethods = {
  'deadlines/summary': method<DeadlineSummary>()('agent', s.empty),
  'deadlines/urgent': method<UrgentClock[]>()('agent', s.urgentInput),
  'alerts/list': method<Alert[]>()('agent', s.alertListInput),
  'alerts/acknowledge': method<{ acknowledged: number }>()('agent', s.idsInput),
  'sla/policy': method<SlaPolicy>()('agent', s.empty),
  'sla/savePolicy': method<SlaPolicy & { recomputed: number }>()('admin', s.slaPolicyInput),
  'sla/resetRules': method<SlaPolicy & { recomputed: number }>()('admin', s.empty),
};
