/** Contract methods of the deadlines: the policy, the clocks, and the notification centre. */
import { method } from '../define';
import * as s from '../schemas';
import type { AlertEntry } from '../../core/sla/alert-model';
import type { TimeLeftTones } from '../../core/sla/time-left';
import type { UploadReminder } from '../../core/export/reminders';
import type { DeadlineCounts, UrgentClock } from '../../services/deadlines';
import type { SlaPolicy } from '../../services/sla-policy';
import type { PolicyPreview } from '../../services/sla-preview';
import type { TicketsAtRisk } from '../../services/deadline-tickets';
import type { LikelyToMiss, TicketForecast } from '../../services/foresight';

export interface DeadlineSummary {
  counts: DeadlineCounts;
  /** The five most urgent running clocks (the tray menu). */
  urgent: UrgentClock[];
  /** Clocks with an alert addressed to the viewer's role (or below) that nobody has acknowledged. */
  unacknowledged: number;
  /** The countdown colour thresholds (time left), so every countdown colours alike. */
  timeLeft: TimeLeftTones;
  /** The monthly report's reminders, for those who send it (supervisors and above); empty for others. */
  uploadReminders: UploadReminder[];
  /** Open volume warnings nobody has reviewed yet (Today's 新预警, the bell, the tray). */
  newWarnings: number;
}

export const deadlineMethods = {
  'deadlines/summary': method<DeadlineSummary>()('agent', s.empty),
  'deadlines/urgent': method<UrgentClock[]>()('agent', s.urgentInput),
  /** Today's lists: the breached tickets, or those with a clock due within 2 h, each with its clock and the list's total. */
  'deadlines/atRisk': method<TicketsAtRisk>()('agent', s.atRiskInput),
  /** Today's "likely to miss": not yet warned, but the branch's history says they will finish past their limit (agents: their own). */
  'deadlines/likelyToMiss': method<LikelyToMiss>()('agent', s.likelyToMissInput),
  /** One ticket's forecast for its page: estimated finish, risk of missing its resolution limit, and why. */
  'deadlines/forecast': method<TicketForecast>()('agent', s.forecastInput),
  'alerts/list': method<AlertEntry[]>()('agent', s.alertListInput),
  'alerts/acknowledge': method<{ acknowledged: number }>()('agent', s.idsInput),
  'sla/policy': method<SlaPolicy>()('agent', s.empty),
  /** What saving would do to the running clocks (due times before/after), written nowhere; its version goes back with the save. */
  'sla/previewPolicy': method<PolicyPreview>()('admin', s.slaPolicyInput),
  /** `expectedVersion` (the preview's): refused with sla_policy_changed when the stored policy changed since. */
  'sla/savePolicy': method<SlaPolicy & { recomputed: number }>()('admin', s.slaPolicySave),
};
