/** Contract methods about the console itself: the soundness of its database and backups. */
import { method } from '../define';
import * as s from '../schemas';
import type { Health } from '../../services/integrity';

export type { Health };

export const systemMethods = {
  // Everyone reads it: the banner that says the file is damaged is for whoever is at the desk.
  'system/health': method<Health>()('agent', s.empty),
};
