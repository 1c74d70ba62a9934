/**
 * The implementation of every contract method: each turns a validated input
 * and the caller's identity into a service call. No rules live here.
 */
import { actionsFor } from '../../core/ticket-roles';
import { categoryPath, inTreeOrder } from '../../core/categories';
import type { UserInfo } from '../../core/model';
import * as tickets from '../../services/tickets';
import * as users from '../../services/users';
import { branchSettings, saveBranchSettings } from '../../services/settings';
import { seedDemo } from '../../services/seed';
import { transferMany } from '../../services/ticket-batch';
import { countByAssignee, teamWorkload } from '../../services/workload';
import { demoStatus, removeDemo } from '../../services/demo';
import { messageFor } from '../../core/messages';
import { ticketClockViews } from '../../services/deadlines';
import type { AuthStatus, TicketDetail } from '../contract';
import { needUser, type HandlerEnv, type HandlersOf } from './types';
import type { coreMethods } from '../methods/core';
import { DEFAULT_LOCK_MINUTES } from '../sessions';


function status(env: HandlerEnv, user: UserInfo | null): AuthStatus {
  return {
    needsSetup: users.needsSetup(env.ctx),
    user,
    branch: branchSettings(env.ctx),
    lockAfterMinutes: DEFAULT_LOCK_MINUTES,
  };
}

function detail(env: HandlerEnv, id: number): TicketDetail {
  const viewer = needUser(env);
  const ticket = tickets.getTicket(env.ctx, viewer, id);
  const state = tickets.ticketState(env.ctx, ticket);
  return {
    ticket,
    allowedActions: actionsFor(state, viewer),
    transferRequest: state.transferRequest,
    history: tickets.ticketHistory(env.ctx, id),
    clocks: ticketClockViews(env.ctx, id),
  };
}

/** A login over an open session ends the old token: one slot, one session. */
function startSession(env: HandlerEnv, user: UserInfo): AuthStatus {
  env.sessions.close(env.slot.get());
  env.slot.set(env.sessions.open(user).token);
  return status(env, user);
}

export const coreHandlers: HandlersOf<keyof typeof coreMethods> = {
  'auth/status': (_i, env) => status(env, env.user),
  'auth/setup': (i, env) => {
    const admin = users.createFirstAdmin(env.ctx, i);
    saveBranchSettings(env.ctx, admin.id, { branchName: i.branchName, branchId: i.branchId, zone: i.zone });
    if (i.loadDemo) seedDemo(env.ctx, admin);
    return startSession(env, admin);
  },
  'auth/login': (i, env) =>
    startSession(env, users.login(env.ctx, env.loginGate, { username: i.username, password: i.password, client: env.slot.client ?? 'local' })),
  'auth/logout': (_i, env) => {
    env.sessions.close(env.slot.get());
    env.slot.set(null);
    return null;
  },
  'auth/changePassword': (i, env) => {
    const user = users.changeOwnPassword(env.ctx, needUser(env), i.current, i.password);
    // Anyone still logged in with the old password elsewhere is let out; this session stays.
    env.sessions.closeUser(user.id, env.slot.get());
    return user;
  },

  'meta/categories': (_i, env) => {
    const nodes = env.ctx.categories.list();
    const byId = new Map(nodes.map((n) => [n.id, n]));
    // Every picker lists the tree parent by parent, each child under its own parent.
    return inTreeOrder(nodes).map((n) => ({ ...n, path: categoryPath(n, byId) }));
  },
  // Disabled colleagues too (flagged): their names still show in history; pickers offer only active ones.
  'meta/users': (_i, env) => users.listUsers(env.ctx),

  'tickets/list': (i, env) => tickets.listTickets(env.ctx, needUser(env), i),
  'tickets/get': (i, env) => detail(env, i.id),
  'tickets/create': (i, env) => tickets.createTicket(env.ctx, needUser(env), i),
  'tickets/act': (i, env) => {
    tickets.actOnTicket(env.ctx, needUser(env), i.id, i.version, i.action, i.dispatch);
    return detail(env, i.id);
  },
  'tickets/revealPhone': (i, env) => ({ phone: tickets.revealPhone(env.ctx, needUser(env), i.id) }),
  'tickets/transferMany': (i, env) => {
    const r = transferMany(env.ctx, needUser(env), i);
    return {
      transferred: r.transferred,
      refused: r.refused.map((x) => ({ id: x.id, ticketNo: x.ticketNo, code: x.error.code, message: { 'zh-CN': messageFor(x.error, 'zh-CN'), en: messageFor(x.error, 'en') } })),
    };
  },
  'tickets/workload': (_i, env) => teamWorkload(env.ctx),
  'tickets/byAssignee': (i, env) => countByAssignee(env.ctx, needUser(env), i.filter),

  'users/create': (i, env) => users.createUser(env.ctx, needUser(env), i),
  'users/resetPassword': (i, env) => {
    const user = users.resetPassword(env.ctx, needUser(env), i.userId, i.password);
    // Whoever is logged in as that user (the old password) is let out; an
    // admin resetting their own keeps this session and loses the others.
    env.sessions.closeUser(user.id, user.id === env.user?.id ? env.slot.get() : null);
    return user;
  },
  'users/setActive': (i, env) => {
    const user = users.setUserActive(env.ctx, needUser(env), i.userId, i.active);
    if (!user.active) env.sessions.closeUser(user.id);
    return user;
  },
  'settings/branch': (i, env) => saveBranchSettings(env.ctx, needUser(env).id, i),
  'demo/load': (_i, env) => ({ tickets: seedDemo(env.ctx, needUser(env)).tickets }),
  'demo/status': (_i, env) => demoStatus(env.ctx),
  'demo/remove': (_i, env) => removeDemo(env.ctx, needUser(env)),
};
