import type { HandlersOf } from './types';
import type { systemMethods } from '../methods/system';
import { health } from '../../services/integrity';
import { backupDirFor } from '../data-dir';

export const systemHandlers: HandlersOf<keyof typeof systemMethods> = {
  // better-sqlite3 keeps the path the connection was opened with.
  'system/health': (_i, env) => health(env.ctx, backupDirFor(env.ctx.db.name)),
};
