/**
 * Contract methods of the CRM import (docs/REQUIREMENTS.md §6). A file travels in chunks
 * ('import/upload', ≤ 1 MiB each, base64), is previewed, run or dry-run by its
 * upload id, and the rejected rows come back as a CSV in chunks
 * ('import/rejects'). Supervisors and above.
 */
import { z } from 'zod';
import type { SavedHeaderMap } from '../../db/import-header-maps';
import { method } from '../define';
import { MAX_CHUNK_BASE64 } from '../../core/import/limits';
import { IMPORT_FIELDS } from '../../core/import/types';
import type { ImportPreview } from '../../services/import/preview';
import type { ImportRunResult } from '../../services/import/console';

const uploadId = z.uuid();
const locale = z.enum(['zh-CN', 'en']).default('zh-CN');
const sheet = z.string().trim().min(1).max(100).optional();

export const importUploadInput = z
  .object({
    uploadId: uploadId.optional(),
    fileName: z.string().trim().min(1).max(200),
    offset: z.number().int().min(0),
    data: z.string().max(MAX_CHUNK_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/),
  })
  .strict();

export const importPreviewInput = z.object({ uploadId, sheet, locale }).strict();
export const importRunInput = z.object({ uploadId, sheet, locale, dryRun: z.boolean().default(false) }).strict();
export const importMapHeadersInput = z
  .object({ uploadId, sheet, mapping: z.record(z.string().trim().min(1).max(200), z.enum(IMPORT_FIELDS).nullable()) })
  .strict()
  .refine((v) => Object.keys(v.mapping).length <= 200, { message: 'too many columns', path: ['mapping'] });
export const importRejectsInput = z.object({ token: z.uuid(), offset: z.number().int().min(0).default(0) }).strict();

export type ImportPreviewResult = ImportPreview & { fileName: string };
export type { ImportRunResult };
export type SavedHeaderMapping = SavedHeaderMap & { headers: string[] };

export interface RejectsChunk {
  fileName: string;
  size: number;
  offset: number;
  /** base64 of the bytes from `offset`. */
  data: string;
  /** The offset to ask for next, or null when this was the last chunk. */
  next: number | null;
}

export const importMethods = {
  'import/upload': method<{ uploadId: string; size: number }>()('supervisor', importUploadInput),
  'import/preview': method<ImportPreviewResult>()('supervisor', importPreviewInput),
  'import/run': method<ImportRunResult>()('supervisor', importRunInput),
  'import/mapHeaders': method<null>()('supervisor', importMapHeadersInput),
  'import/rejects': method<RejectsChunk>()('supervisor', importRejectsInput),
  'import/headerMaps': method<SavedHeaderMapping[]>()('supervisor', z.object({}).strict()),
  // The header list as listed (its key joins them with a control character, which no input may carry).
  'import/removeHeaderMap': method<null>()('supervisor', z.object({ headers: z.array(z.string().max(200)).min(1).max(500) }).strict()),
};
