/**
 * Contract methods of 导出 (Excel out): the ticket list with its filter and
 * sort (the very schema tickets/list takes), the refunds list likewise, the
 * approvals queue and the month's report, as XLSX or CSV. The page names the
 * job so it can ask for its progress while the export runs, then fetches the
 * file in chunks. The approvals queue is for supervisors and above (checked
 * by the service, as for refunds/queue).
 */
import { z } from 'zod';
import { method } from '../define';
import { ticketPageInput } from '../schemas';
import { refundPageInput } from './refunds';
import { reportInput } from './reports';
import type { SheetChunk, SheetFile, SheetProgress } from '../../services/sheets/export-sheet';

const sheetRequest = z.discriminatedUnion('kind', [
  ticketPageInput.pick({ sort: true, filter: true }).extend({ kind: z.literal('tickets') }),
  refundPageInput.pick({ sort: true, filter: true }).extend({ kind: z.literal('refunds') }),
  z.object({ kind: z.literal('approvals') }).strict(),
  reportInput.extend({ kind: z.literal('report') }),
]);

const jobId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);

export const sheetMethods = {
  'sheets/export': method<SheetFile>()(
    'agent',
    z
      .object({
        jobId,
        format: z.enum(['xlsx', 'csv']),
        locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
        request: sheetRequest,
      })
      .strict(),
  ),
  'sheets/progress': method<SheetProgress | null>()('agent', z.object({ jobId }).strict()),
  'sheets/chunk': method<SheetChunk>()('agent', z.object({ fileId: z.string().regex(/^[0-9a-f]{32}$/), offset: z.number().int().min(0).default(0) }).strict()),
};
