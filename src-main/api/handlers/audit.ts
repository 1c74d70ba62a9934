import { exportAudit, listAudit } from '../../services/audit';
import type { auditMethods } from '../methods/audit';
import { needUser, type HandlersOf } from './types';

export const auditHandlers: HandlersOf<keyof typeof auditMethods> = {
  'audit/list': ({ offset, limit, ...q }, env) => listAudit(env.ctx, q, offset, limit),
  'audit/export': ({ locale, ...q }, env) => exportAudit(env.ctx, needUser(env), q, locale),
};
