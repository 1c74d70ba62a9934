import type { HandlersOf } from './types';
import type { dispatchMethods } from '../methods/dispatch';
import { dispatchStats, proposeDispatch } from '../../services/dispatch';

export const dispatchHandlers: HandlersOf<keyof typeof dispatchMethods> = {
  'dispatch/propose': (i, env) => proposeDispatch(env.ctx, i.text),
  'dispatch/stats': (i, env) => dispatchStats(env.ctx, i.from, i.to),
};
