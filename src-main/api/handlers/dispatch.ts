import { needUser, type HandlersOf } from './types';
import type { dispatchMethods } from '../methods/dispatch';
import { dispatchStats, proposeDispatch, recordedProposal } from '../../services/dispatch';
import { getTicket } from '../../services/tickets';

export const dispatchHandlers: HandlersOf<keyof typeof dispatchMethods> = {
  'dispatch/propose': (i, env) => proposeDispatch(env.ctx, i.text),
  'dispatch/stats': (i, env) => dispatchStats(env.ctx, i.from, i.to),
  'dispatch/recorded': (i, env) => {
    // A ticket that is not there is said so, as tickets/get says it.
    getTicket(env.ctx, needUser(env), i.id);
    return recordedProposal(env.ctx, i.id);
  },
};
