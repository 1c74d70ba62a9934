import { needUser, type HandlersOf } from './types';
import type { sheetMethods } from '../methods/sheets';
import { exportSheet, sheetChunk, sheetProgress } from '../../services/sheets/export-sheet';

export const sheetHandlers: HandlersOf<keyof typeof sheetMethods> = {
  'sheets/export': (i, env) => exportSheet(env.ctx, needUser(env), i),
  'sheets/progress': (i, env) => sheetProgress(needUser(env), i.jobId),
  'sheets/chunk': (i, env) => sheetChunk(needUser(env), i.fileId, i.offset),
};
