import { needUser, type HandlersOf } from './types';
import type { deadlineMethods } from '../methods/deadlines';
import { deadlineCounts, urgentClocks } from '../../services/deadlines';
import { acknowledgeAlerts, listAlerts, unacknowledgedAlerts } from '../../services/alerts';
import { ticketsAtRisk } from '../../services/deadline-tickets';
import { getPolicy, resetRules, savePolicy, timeLeftTones } from '../../services/sla-policy';

export const deadlineHandlers: HandlersOf<keyof typeof deadlineMethods> = {
  'deadlines/summary': (_i, env) => ({
    counts: deadlineCounts(env.ctx),
    urgent: urgentClocks(env.ctx, needUser(env), 5),
    unacknowledged: unacknowledgedAlerts(env.ctx, needUser(env)),
    timeLeft: timeLeftTones(env.ctx),
  }),
  'deadlines/urgent': (i, env) => urgentClocks(env.ctx, needUser(env), i.limit),
  'deadlines/atRisk': (i, env) => ticketsAtRisk(env.ctx, needUser(env), i.which, i.limit),
  'alerts/list': (i, env) => listAlerts(env.ctx, needUser(env), i),
  'alerts/acknowledge': (i, env) => ({ acknowledged: acknowledgeAlerts(env.ctx, needUser(env), i.ids) }),
  'sla/policy': (_i, env) => getPolicy(env.ctx),
  'sla/savePolicy': (i, env) => savePolicy(env.ctx, needUser(env).id, i),
  'sla/resetRules': (_i, env) => resetRules(env.ctx, needUser(env).id),
};
