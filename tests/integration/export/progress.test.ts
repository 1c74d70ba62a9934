/**
 * The 上报 page's progress bar: it moves within the long steps (rows done ÷
 * rows of the step), never backwards, and the console keeps answering while
 * the month's rows are read (they come from a read-only peer connection, so
 * the export pauses between batches for other calls).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, tempDb, type TestDb } from '../../helpers/temp-db';
import { seedTickets } from '../../../src-main/services/seed';
import { exportFromConsole, exportProgress, type ExportProgress } from '../../../src-main/services/export/console';
import { exportMonthBundle } from '../../../src-main/services/export/export-month';
import { outDir } from './fixture';

// 2026-11-02 10:00 China time: October is over.
const NOW = Date.parse('2026-11-02T02:00:00Z');
const OCT_END = Date.parse('2026-10-31T15:59:00Z');

let t: TestDb;
beforeEach(() => {
  t = tempDb(NOW);
  t.ctx.settings.set('branch', { branchId: 'FS-CC', branchName: '佛山禅城分公司', zone: 'Asia/Shanghai' }, NOW, null);
  // 3,000 tickets over one month ending on 31 October: all of them October's.
  seedTickets(t.ctx, null, { tickets: 3000, seed: 5, months: 1, end: OCT_END });
});
afterEach(() => t.close());

describe('export progress', () => {
  it('reports rows within the data and workbook steps, in order, never going back', async () => {
    const seen: Array<[number, string]> = [];
    await exportMonthBundle(t.ctx, { month: '2026-10', outDir: outDir(t), dataDir: t.dir, onProgress: (f, step) => seen.push([f, step]) });
    const fractions = seen.map(([f]) => f);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
    const within = (step: string) => new Set(seen.filter(([, s]) => s === step).map(([f]) => f.toFixed(4)));
    // 3,000 tickets and their refunds, reported every 500 rows: several distinct points in each step.
    expect(within('data').size).toBeGreaterThanOrEqual(5);
    expect(within('workbook').size).toBeGreaterThanOrEqual(10);
    expect(seen.map(([, s]) => s).filter((s, i, all) => s !== all[i - 1])).toEqual(['data', 'workbook', 'sign', 'save', 'done']);
  });

  it('answers the page while the rows are read: the progress it polls moves through the data step', async () => {
    const admin = addUser(t.ctx, 'boss', 'supervisor');
    const polled: ExportProgress[] = [];
    const timer = setInterval(() => {
      const p = exportProgress(t.ctx);
      if (p) polled.push(p);
      // The console's own connection is free meanwhile: a read answers at once.
      t.db.prepare('SELECT count(*) FROM tickets').get();
    }, 0);
    try {
      await exportFromConsole(t.ctx, admin.id, '2026-10', null);
    } finally {
      clearInterval(timer);
    }
    const dataPoints = new Set(polled.filter((p) => p.step === 'data').map((p) => p.fraction));
    expect(dataPoints.size).toBeGreaterThanOrEqual(3);
    expect(new Set(polled.filter((p) => p.step === 'workbook').map((p) => p.fraction)).size).toBeGreaterThanOrEqual(3);
    expect(exportProgress(t.ctx)).toBeNull();
  });
});
