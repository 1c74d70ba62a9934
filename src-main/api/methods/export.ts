/**
 * Contract methods of the monthly export (月度上报): the months and their
 * state, making a bundle (with its progress), saving it in chunks, queuing it
 * for headquarters and retrying, the public key, and the export settings
 * (masking, endpoint, token: administrators only). Supervisors and above.
 */
import { z } from 'zod';
import { method } from '../define';
import type { ExportResult } from '../../services/export/export-month';
import type { ExportProgress, ExportSettingsView, MonthRow } from '../../services/export/console';
import type { OutboxItem } from '../../services/export/outbox';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const revision = z.number().int().positive().nullable().default(null);

export interface BundleChunk {
  fileName: string;
  size: number;
  offset: number;
  data: string;
  next: number | null;
}

export type QueuedUpload = Omit<OutboxItem, 'bundlePath'>;

export const exportMethods = {
  'export/months': method<MonthRow[]>()('supervisor', z.object({}).strict()),
  'export/run': method<ExportResult>()('supervisor', z.object({ month, reason: z.string().trim().max(500).nullable().default(null) }).strict()),
  'export/progress': method<ExportProgress | null>()('supervisor', z.object({}).strict()),
  'export/download': method<BundleChunk>()('supervisor', z.object({ month, revision, offset: z.number().int().min(0).default(0) }).strict()),
  'export/queue': method<QueuedUpload>()('supervisor', z.object({ month, revision }).strict()),
  'export/retry': method<QueuedUpload>()('supervisor', z.object({ id: z.number().int().positive() }).strict()),
  'export/settings': method<ExportSettingsView>()('supervisor', z.object({}).strict()),
  'export/saveSettings': method<ExportSettingsView>()(
    'admin',
    z
      .object({
        masking: z.object({ phones: z.boolean(), names: z.boolean() }).strict(),
        uploadUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]),
        /** null keeps the token already set. */
        token: z.string().trim().min(8).max(500).nullable(),
      })
      .strict(),
  ),
};
