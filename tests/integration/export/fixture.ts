/**
 * The reports' hand-worked October 2026 (see ../reports/fixture.ts), with a
 * branch, customer names, a formula-looking description and two refunds:
 * what a monthly bundle is made of.
 */
import path from 'node:path';
import fs from 'node:fs';
import { seedOctober, cn, H } from '../reports/fixture';
import type { TestDb } from '../../helpers/temp-db';
import { saveBranchSettings } from '../../../src-main/services/settings';
import { exportMonthBundle, type ExportResult } from '../../../src-main/services/export/export-month';

export { cn, H };

export function seedBranchOctober(t: TestDb) {
  const seeded = seedOctober(t.ctx);
  saveBranchSettings(t.ctx, seeded.assigneeId, { branchId: 'FS-CC', branchName: '佛山禅城分公司', zone: 'Asia/Shanghai' });
  const ids = seeded.ticketIds;
  t.db.prepare(`UPDATE tickets SET customer_name = '张三丰', phone = '13912345678', description = '=HYPERLINK("http://x","点我") 回拨 13712345678' WHERE id = ?`).run(ids.T1);
  t.db.prepare(`UPDATE tickets SET customer_name = '李四' WHERE id = ?`).run(ids.T2);
  const user = seeded.assigneeId;
  const refund = t.db.prepare(`INSERT INTO refunds (ticket_id, type, amount_fen, reason, status, required_role, created_at, created_by,
      submitted_at, submitted_by, decided_at, decided_by, executed_at, executed_by, voucher_no)
    VALUES (@ticket, @type, @amount, @reason, @status, 'agent', @at, @user, @at, @user, @at, @user, @executedAt, @executedBy, @voucher)`);
  refund.run({ ticket: ids.T1, type: 'overcharge', amount: 12345, reason: '多收 123.45 元', status: 'executed', at: cn(2026, 10, 6, 9), user, executedAt: cn(2026, 10, 6, 12), executedBy: user, voucher: 'V-001' });
  refund.run({ ticket: ids.T2, type: 'goodwill_credit', amount: 2000, reason: '补偿', status: 'approved', at: cn(2026, 10, 12, 9), user, executedAt: null, executedBy: null, voucher: null });
  return seeded;
}

export function outDir(t: TestDb, name = 'out'): string {
  const dir = path.join(t.dir, name);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export function exportOctober(t: TestDb, extra: { reason?: string; out?: string; month?: string } = {}): Promise<ExportResult> {
  return exportMonthBundle(t.ctx, { month: extra.month ?? '2026-10', outDir: extra.out ?? outDir(t), reason: extra.reason, dataDir: t.dir });
}
