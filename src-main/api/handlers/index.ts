/** Every contract method's implementation; each area adds its table here. */
import type { Handlers } from './types';
import { coreHandlers } from './core';

export const handlers: Handlers = {
  ...coreHandlers,
};

export type { Handlers, HandlerEnv, SessionSlot } from './types';
