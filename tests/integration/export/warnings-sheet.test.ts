/**
 * The month's bundle carries the volume warnings raised in that month: one
 * line each in data/warnings.jsonl and one row each in the 投诉预警 sheet, with
 * the figures they were raised with (baseline and threshold to 2 decimals).
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TestDb } from '../../helpers/temp-db';
import { NOW } from '../reports/fixture';
import { exportOctober, seedBranchOctober } from './fixture';
import { unzipAll } from './zip-tools';
import { WarningStore } from '../../../src-main/db/warning-store';
import { zonedInstant } from '../../../src-main/core/time';

let t: TestDb;
beforeEach(() => {
  t = tempDb(NOW);
  seedBranchOctober(t);
});
afterEach(() => t.close());

function raise(at: number, scope: string, level: 'yellow' | 'orange' | 'red', count: number, baseline: number, periodKey: string): number {
  return new WarningStore(t.db).insert({
    source: 'auto',
    assessment: { category: '网络质量', scope, district: scope === 'branch' ? null : scope.slice(9), period: 'month', count, baseline, threshold: baseline * 1.3, protection: 10, ratio: count / baseline, level },
    periodKey,
    window: { start: at - 1, end: at + 1 },
    note: null,
    at,
    by: null,
  });
}

describe('the bundle and the volume warnings', () => {
  it("holds the month's warnings, oldest first, and none of another month's", async () => {
    raise(zonedInstant('Asia/Shanghai', 2026, 10, 20, 0, 5), 'district:禅城', 'red', 30, 14 / 3, '2026-10');
    const october = raise(zonedInstant('Asia/Shanghai', 2026, 10, 12, 0, 5), 'branch', 'yellow', 27, 20, '2026-10');
    new WarningStore(t.db).end(october, 'recovered', zonedInstant('Asia/Shanghai', 2026, 11, 1, 0, 5), null, 'period_over');
    raise(zonedInstant('Asia/Shanghai', 2026, 11, 1, 0, 5), 'branch', 'orange', 33, 20, '2026-11');
    const r = await exportOctober(t);
    const files = await unzipAll(r.path);
    const lines = files.get('data/warnings.jsonl')!.toString('utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      { raised_at: '2026-10-12T00:05:00+08:00', category: '网络质量', scope: 'branch', count: 27, baseline: 20, threshold: 26, level: 'yellow' },
      // 14 ÷ 3 = 4.6667 → 4.67; × 1.3 = 6.0667 → 6.07.
      { raised_at: '2026-10-20T00:05:00+08:00', category: '网络质量', scope: 'district:禅城', count: 30, baseline: 4.67, threshold: 6.07, level: 'red' },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(files.get('report.xlsx')! as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('投诉预警')!;
    expect(sheet.rowCount).toBe(3);
    expect([2, 3, 4, 5, 6, 7].map((c) => sheet.getRow(3).getCell(c).value)).toEqual(['网络质量', 'district:禅城', 30, 4.67, 6.07, '红色']);
    const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as { files: Array<{ path: string; rows: number | null }> };
    expect(manifest.files.find((f) => f.path === 'data/warnings.jsonl')?.rows).toBe(2);
  });
});
