import { addListValue, listValues, renameListValue, setListValueActive } from '../../services/lists';
import { openReviews, resolveReview } from '../../services/list-reviews';
import { updateUser } from '../../services/users';
import type { listMethods } from '../methods/lists';
import { needUser, type HandlersOf } from './types';

export const listHandlers: HandlersOf<keyof typeof listMethods> = {
  'lists/all': (_i, env) => listValues(env.ctx),
  'lists/add': (i, env) => addListValue(env.ctx, needUser(env), i.kind, i.name),
  'lists/rename': (i, env) => renameListValue(env.ctx, needUser(env), i.id, i.name),
  'lists/setActive': (i, env) => setListValueActive(env.ctx, needUser(env), i.id, i.active),
  'lists/reviews': (_i, env) => openReviews(env.ctx),
  'lists/resolveReview': (i, env) =>
    resolveReview(env.ctx, needUser(env), i.id, i.addAs !== undefined ? { addAs: i.addAs } : { mapTo: i.mapTo ?? '' }),
  'users/update': (i, env) => {
    const before = env.ctx.read.users.get(i.userId);
    const user = updateUser(env.ctx, needUser(env), i.userId, { displayName: i.displayName, role: i.role, department: i.department ?? null });
    // A new role takes effect at the next login: the sessions holding the old one end now.
    if (before && before.role !== user.role) env.sessions.closeUser(user.id);
    return user;
  },
};
