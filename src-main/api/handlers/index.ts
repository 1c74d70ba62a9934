/** Every contract method's implementation; each area adds its table here. */
import type { Handlers } from './types';
import { coreHandlers } from './core';
import { deadlineHandlers } from './deadlines';

export const handlers: Handlers = {
  ...coreHandlers,
  ...deadlineHandlers,
};

export type { Handlers, HandlerEnv, SessionSlot } from './types';
