import { needUser, type HandlerEnv, type HandlersOf } from './types';
import type { refundMethods } from '../methods/refunds';
import * as cmd from '../../services/refunds/commands';
import { approvalCount, approvalQueue, listRefunds, ticketRefunds, totalsOfRefunds, waitingForOthers } from '../../services/refunds/queries';
import { refundSettings } from '../../services/refunds/settings';
import { saveRefundSettings } from '../../services/refunds/admin';
import type { StoredRefund } from '../../db/refund-reader';

/** Every step answers with the ticket's refunds as they now stand, so the page never shows a guess. */
const after = (env: HandlerEnv, r: StoredRefund) => ticketRefunds(env.ctx, needUser(env), r.ticketId);

export const refundHandlers: HandlersOf<keyof typeof refundMethods> = {
  'refunds/forTicket': (i, env) => ticketRefunds(env.ctx, needUser(env), i.ticketId),
  'refunds/create': (i, env) => after(env, cmd.createRefund(env.ctx, needUser(env), i)),
  'refunds/submit': (i, env) => after(env, cmd.submitRefund(env.ctx, needUser(env), i.id, i.version)),
  'refunds/approve': (i, env) =>
    after(env, cmd.decideRefund(env.ctx, needUser(env), i.id, i.version, { approve: true, comment: i.comment ?? null })),
  'refunds/reject': (i, env) => after(env, cmd.decideRefund(env.ctx, needUser(env), i.id, i.version, { approve: false, comment: i.comment })),
  'refunds/execute': (i, env) => after(env, cmd.executeRefund(env.ctx, needUser(env), i.id, i.version, i.voucherNo)),
  'refunds/reverse': (i, env) => after(env, cmd.reverseRefund(env.ctx, needUser(env), i.id, i.reason)),
  'refunds/queue': (i, env) => approvalQueue(env.ctx, needUser(env), i.limit),
  'refunds/waiting': (i, env) => waitingForOthers(env.ctx, needUser(env), i.limit),
  'refunds/queueCount': (_i, env) => ({ count: approvalCount(env.ctx, needUser(env)) }),
  'refunds/list': (i, env) => listRefunds(env.ctx, needUser(env), i),
  'refunds/totals': (i, env) => totalsOfRefunds(env.ctx, i.filter),
  'refunds/settings': (_i, env) => refundSettings(env.ctx),
  'refunds/saveSettings': (i, env) => saveRefundSettings(env.ctx, needUser(env).id, i),
};
