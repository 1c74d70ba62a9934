/** Contract methods of the audit log: administrators read and export it. */
import { z } from 'zod';
import { method } from '../define';
import type { AuditExport, AuditPage } from '../../services/audit';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const auditQuery = z
  .object({
    actorId: z.number().int().positive().optional(),
    action: z.string().trim().min(1).max(60).optional(),
    fromDay: day.optional(),
    toDay: day.optional(),
  })
  .strict();

export const auditPageInput = auditQuery
  .extend({
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

/** The file's column headings are in the reader's language. */
export const auditExportInput = auditQuery.extend({ locale: z.enum(['zh-CN', 'en']).default('zh-CN') }).strict();

export const auditMethods = {
  'audit/list': method<AuditPage>()('admin', auditPageInput),
  'audit/export': method<AuditExport>()('admin', auditExportInput),
};
