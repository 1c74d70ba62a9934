import { needUser, type HandlersOf } from './types';
import type { exportMethods } from '../methods/export';
import {
  bundleChunk,
  exportFromConsole,
  exportMonths,
  exportProgress,
  exportSettingsView,
  saveExportSettings,
} from '../../services/export/console';
import { queueUpload, retryUploadNow } from '../../services/export/outbox';
import type { OutboxItem } from '../../services/export/outbox';

const shown = ({ bundlePath: _path, ...item }: OutboxItem) => item;

export const exportHandlers: HandlersOf<keyof typeof exportMethods> = {
  'export/months': (_i, env) => exportMonths(env.ctx),
  'export/run': (i, env) => exportFromConsole(env.ctx, needUser(env).id, i.month, i.reason),
  'export/progress': (_i, env) => exportProgress(env.ctx),
  'export/download': (i, env) => bundleChunk(env.ctx, i.month, i.revision, i.offset),
  'export/queue': (i, env) => shown(queueUpload(env.ctx, i.month, i.revision, needUser(env).id)),
  'export/retry': (i, env) => shown(retryUploadNow(env.ctx, i.id)),
  'export/settings': (_i, env) => exportSettingsView(env.ctx),
  'export/saveSettings': (i, env) => saveExportSettings(env.ctx, needUser(env).id, i),
};
