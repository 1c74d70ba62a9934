import { needUser, type HandlersOf } from './types';
import type { deadlineMethods } from '../methods/deadlines';
import { deadlineCounts, urgentClocks } from '../../services/deadlines';
import { acknowledgeAlerts, listAlerts, unacknowledgedAlerts } from '../../services/alerts';
import { ticketsAtRisk } from '../../services/deadline-tickets';
import { forecastTicket, likelyToMiss } from '../../services/foresight';
import { currentUploadReminders } from '../../services/export/reminders';
import { roleAtLeast, type Role } from '../../core/enums';
import { exportMethods } from '../methods/export';
import { unreviewedWarnings } from '../../services/warning-views';
import { getPolicy, previewPolicy, savePolicy, timeLeftTones } from '../../services/sla-policy';

/** Who is reminded about the monthly report: those the contract lets open the 上报 page (export/months). */
function sendsTheMonth(role: Role): boolean {
  const access = exportMethods['export/months'].access;
  return access === 'public' || roleAtLeast(role, access);
}

export const deadlineHandlers: HandlersOf<keyof typeof deadlineMethods> = {
  'deadlines/summary': (_i, env) => ({
    counts: deadlineCounts(env.ctx),
    urgent: urgentClocks(env.ctx, needUser(env), 5),
    unacknowledged: unacknowledgedAlerts(env.ctx, needUser(env)),
    timeLeft: timeLeftTones(env.ctx),
    // Whoever may send the month to headquarters hears about it; the reminders cost two indexed reads.
    uploadReminders: sendsTheMonth(needUser(env).role) ? currentUploadReminders(env.ctx) : [],
    newWarnings: unreviewedWarnings(env.ctx),
  }),
  'deadlines/urgent': (i, env) => urgentClocks(env.ctx, needUser(env), i.limit),
  'deadlines/atRisk': (i, env) => ticketsAtRisk(env.ctx, needUser(env), i.which, i.limit),
  'deadlines/likelyToMiss': (i, env) => likelyToMiss(env.ctx, needUser(env), i.limit, i.locale),
  'deadlines/forecast': (i, env) => forecastTicket(env.ctx, i.id, i.locale),
  'alerts/list': (i, env) => listAlerts(env.ctx, needUser(env), i),
  'alerts/acknowledge': (i, env) => ({ acknowledged: acknowledgeAlerts(env.ctx, needUser(env), i.ids) }),
  'sla/policy': (_i, env) => getPolicy(env.ctx),
  'sla/previewPolicy': (i, env) => previewPolicy(env.ctx, i),
  'sla/savePolicy': ({ expectedVersion, ...policy }, env) => savePolicy(env.ctx, needUser(env).id, policy, expectedVersion),
};
