/** Every contract method's implementation; each area adds its table here. */
import type { Handlers } from './types';
import { coreHandlers } from './core';
import { importHandlers } from './import';
import { deadlineHandlers } from './deadlines';
import { reportHandlers } from './reports';
import { refundHandlers } from './refunds';
import { systemHandlers } from './system';
import { auditHandlers } from './audit';
import { exportHandlers } from './export';
import { knowledgeHandlers } from './knowledge';
import { warningHandlers } from './warnings';
import { sheetHandlers } from './sheets';
import { dispatchHandlers } from './dispatch';
import { qcProjectHandlers } from './qc-projects';
import { listHandlers } from './lists';

export const handlers: Handlers = {
  ...coreHandlers,
  ...importHandlers,
  ...deadlineHandlers,
  ...reportHandlers,
  ...refundHandlers,
  ...systemHandlers,
  ...auditHandlers,
  ...exportHandlers,
  ...knowledgeHandlers,
  ...warningHandlers,
  ...sheetHandlers,
  ...dispatchHandlers,
  ...qcProjectHandlers,
  ...listHandlers,
};

export type { Handlers, HandlerEnv, SessionSlot } from './types';
