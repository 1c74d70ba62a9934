import { needUser, type HandlersOf } from './types';
import type { warningMethods } from '../methods/warnings';
import { listWarnings, warningChart, warningDetail, warningReport, withState } from '../../services/warning-views';
import { closeWarning, publishByHand, publishWarning, reviewWarning, runWarningCheck } from '../../services/warning-lifecycle';
import { saveWarningSettings, warningSettings } from '../../services/warnings';

export const warningHandlers: HandlersOf<keyof typeof warningMethods> = {
  'warnings/list': (i, env) => listWarnings(env.ctx, i),
  'warnings/get': (i, env) => warningDetail(env.ctx, needUser(env), i.id),
  'warnings/report': (i, env) => warningReport(env.ctx, needUser(env), i),
  'warnings/chart': (_i, env) => warningChart(env.ctx),
  'warnings/settings': (_i, env) => warningSettings(env.ctx),
  'warnings/check': (_i, env) => runWarningCheck(env.ctx, 'on_demand', needUser(env).id),
  'warnings/publishByHand': (i, env) => withState(env.ctx, [publishByHand(env.ctx, needUser(env), i)])[0]!,
  'warnings/review': (i, env) => withState(env.ctx, [reviewWarning(env.ctx, needUser(env), i.id, i.result, i.comment)])[0]!,
  'warnings/publish': (i, env) => withState(env.ctx, [publishWarning(env.ctx, needUser(env), i.id)])[0]!,
  'warnings/close': (i, env) => withState(env.ctx, [closeWarning(env.ctx, needUser(env), i.id, i.reason)])[0]!,
  'warnings/saveSettings': (i, env) => saveWarningSettings(env.ctx, needUser(env).id, i),
};
