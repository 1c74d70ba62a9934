import { needUser, type HandlersOf } from './types';
import type { reportMethods } from '../methods/reports';
import { buildDashboard, buildReport } from '../../services/reports/report';
import { reportOptions } from '../../services/reports/options';
import { saveBranchSubscribers } from '../../services/reports/settings';
import { todayNumbers } from '../../services/reports/today';
import { qcReport } from '../../services/reports/qc';
import { breachCauseOptions, breachCausePareto, saveBreachCause } from '../../services/breach-causes';

export const reportHandlers: HandlersOf<keyof typeof reportMethods> = {
  'reports/kpis': (i, env) => buildReport(env.ctx, { range: { from: i.from, to: i.to }, filters: i.filters }),
  'reports/dashboard': (i, env) => buildDashboard(env.ctx, { range: { from: i.from, to: i.to }, filters: i.filters }),
  'reports/qc': (i, env) => qcReport(env.ctx, { range: { from: i.from, to: i.to }, filters: i.filters }),
  'reports/breachCauses': (i, env) => breachCausePareto(env.ctx, { range: { from: i.from, to: i.to }, filters: i.filters }),
  'reports/breachCauseOptions': (_i, env) => breachCauseOptions(env.ctx),
  'reports/saveBreachCause': (i, env) => saveBreachCause(env.ctx, needUser(env).id, i),
  'reports/today': (_i, env) => todayNumbers(env.ctx),
  'reports/options': (_i, env) => reportOptions(env.ctx),
  'reports/setSubscribers': (i, env) => ({ subscribers: saveBranchSubscribers(env.ctx, needUser(env).id, i.subscribers) }),
};
