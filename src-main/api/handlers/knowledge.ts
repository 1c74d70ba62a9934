import { needUser, type HandlersOf } from './types';
import type { knowledgeMethods } from '../methods/knowledge';
import { knowledgePanel, tickStep } from '../../services/knowledge/ticket-panel';
import { searchKnowledge } from '../../services/knowledge/search';
import { knowledgeItem, rollbackKnowledge, saveKnowledge } from '../../services/knowledge/editing';
import { listKnowledge } from '../../services/knowledge/list';
import { exportKnowledge, importKnowledge } from '../../services/knowledge/transfer';
import { deliveryFor, saveDelivery } from '../../services/knowledge/delivery';

export const knowledgeHandlers: HandlersOf<keyof typeof knowledgeMethods> = {
  'knowledge/forTicket': (i, env) => knowledgePanel(env.ctx, needUser(env), i.ticketId),
  'knowledge/tick': (i, env) => tickStep(env.ctx, needUser(env), i),
  'knowledge/search': (i, env) => searchKnowledge(env.ctx, i.q, i.limit),
  'knowledge/list': (_i, env) => listKnowledge(env.ctx),
  'knowledge/get': (i, env) => knowledgeItem(env.ctx, i.key),
  'knowledge/save': (i, env) => saveKnowledge(env.ctx, needUser(env), i),
  'knowledge/rollback': (i, env) => rollbackKnowledge(env.ctx, needUser(env), i),
  'knowledge/export': (_i, env) => exportKnowledge(env.ctx, needUser(env)),
  'knowledge/import': (i, env) => importKnowledge(env.ctx, needUser(env), i.text),
  'delivery/get': (i, env) => deliveryFor(env.ctx, i.ticketId),
  'delivery/save': (i, env) => saveDelivery(env.ctx, needUser(env), i.ticketId, i.facts),
};
