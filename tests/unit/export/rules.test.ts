/** The bundle's pure rules: masking, which export is a new revision, the month's state, workbook cells. */
import { describe, expect, it } from 'vitest';
import { maskName, maskPhonesInText, nameOut, phoneOut } from '../../../src-main/core/export/mask';
import { decideRevision, exportMonth } from '../../../src-main/core/export/revision';
import { cellOf, displayWidth } from '../../../src-main/core/export/cells';
import { compareFiles } from '../../../src-main/core/export/check';
import { idempotencyKey, bundleFileName, type Manifest } from '../../../src-main/core/export/manifest';
import { tableSpec } from '../../../src-main/core/export/tables';

describe('masking', () => {
  it('keeps the surname and two stars, whatever the length', () => {
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('李四')).toBe('李**');
    expect(maskName('欧阳娜娜')).toBe('欧**');
    expect(maskName('  ')).toBe('');
  });
  it('masks mobile numbers inside text, not longer digit runs', () => {
    expect(maskPhonesInText('请回拨13812345678或 15900001111。')).toBe('请回拨138****5678或 159****1111。');
    expect(maskPhonesInText('订单 213812345678999')).toBe('订单 213812345678999');
  });
  it('masks fixed lines inside text, written the ways customers write them', () => {
    expect(maskPhonesInText('家里宽带电话020-12345678，白天打(0757) 8123456')).toBe('家里宽带电话020-****5678，白天打0757-***3456');
    expect(maskPhonesInText('座机02087654321')).toBe('座机020-****4321');
    // a long reference number that only starts like a fixed line is left alone
    expect(maskPhonesInText('工单号 020123456789')).toBe('工单号 020123456789');
  });
  it('follows the policy', () => {
    expect(phoneOut('13812345678', { phones: true, names: false })).toBe('138****5678');
    expect(phoneOut('13812345678', { phones: false, names: true })).toBe('13812345678');
    expect(nameOut('王五', { phones: true, names: false })).toBe('王五');
    expect(nameOut(null, { phones: true, names: true })).toBeNull();
  });
});

describe('revisions', () => {
  const final = (revision: number, dataDigest: string) => ({ revision, dataDigest, draft: false });
  it('unchanged data is the same revision; changed data after a final one needs a reason', () => {
    expect(decideRevision([], 'a', false, null)).toEqual({ kind: 'new', revision: 1 });
    expect(decideRevision([final(1, 'a')], 'a', false, null)).toEqual({ kind: 'same', revision: 1 });
    expect(decideRevision([final(1, 'a')], 'b', false, null)).toEqual({ kind: 'reason_required', lastFinal: 1 });
    expect(decideRevision([final(1, 'a')], 'b', false, '  ')).toEqual({ kind: 'reason_required', lastFinal: 1 });
    expect(decideRevision([final(2, 'b'), final(1, 'a')], 'c', false, '更正')).toEqual({ kind: 'new', revision: 3 });
  });
  it('drafts need no reason, and a draft turning final is a new revision', () => {
    const draft = { revision: 1, dataDigest: 'a', draft: true };
    expect(decideRevision([draft], 'b', true, null)).toEqual({ kind: 'new', revision: 2 });
    expect(decideRevision([draft], 'a', false, null)).toEqual({ kind: 'new', revision: 2 });
  });
  it('knows whether a month is over in the branch zone', () => {
    const oct = exportMonth('2026-10', 'Asia/Shanghai', Date.parse('2026-10-31T16:00:00Z'))!;
    expect(oct).toMatchObject({ state: 'over', fromMs: Date.parse('2026-09-30T16:00:00Z'), toMs: Date.parse('2026-10-31T16:00:00Z') });
    expect(exportMonth('2026-10', 'Asia/Shanghai', Date.parse('2026-10-31T15:59:59Z'))!.state).toBe('open');
    expect(exportMonth('2026-11', 'Asia/Shanghai', Date.parse('2026-10-31T15:59:59Z'))!.state).toBe('future');
    expect(exportMonth('2026-13', 'Asia/Shanghai', 0)).toBeNull();
  });
});

describe('workbook cells', () => {
  const col = (key: string) => tableSpec('tickets').columns.find((c) => c.key === key)!;
  it('an instant is its wall-clock time as an Excel date; a code its Chinese label; text stays text', () => {
    expect(cellOf(col('received_at'), '2026-10-05T10:00:00+08:00', {})).toEqual({ value: new Date('2026-10-05T10:00:00Z'), numFmt: 'yyyy-mm-dd hh:mm' });
    expect(cellOf(col('channel'), 'store', {})).toEqual({ value: '营业厅' });
    expect(cellOf(col('description'), '=1+1', {})).toEqual({ value: '=1+1' });
    expect(cellOf(col('is_repeat'), true, {})).toEqual({ value: '是' });
  });
  it('money in yuan with a ¥ format; KPI values by their unit', () => {
    const amount = tableSpec('refunds').columns.find((c) => c.key === 'amount_fen')!;
    expect(cellOf(amount, -12345, {})).toMatchObject({ value: -123.45, numFmt: expect.stringContaining('¥') });
    const current = tableSpec('kpis').columns.find((c) => c.key === 'current')!;
    expect(cellOf(current, 0.925, { unit: 'rate' })).toEqual({ value: 0.925, numFmt: '0.0%' });
    expect(cellOf(current, 5_400_000, { unit: 'duration_ms' })).toMatchObject({ value: 1.5 });
    expect(cellOf(current, null, { unit: 'rate' })).toEqual({ value: null });
  });
  it('counts a CJK character as two columns wide', () => {
    expect(displayWidth('工单ab')).toBe(6);
  });
});

describe('manifest helpers', () => {
  it('names the bundle and the upload key', () => {
    expect(bundleFileName('FS/CC', '2026-10', 2, false)).toBe('complaint-desk-FS_CC-2026-10-r2.zip');
    expect(bundleFileName('', '2026-11', 1, true)).toBe('complaint-desk-branch-2026-11-r1-draft.zip');
    expect(idempotencyKey('FS-CC', '2026-10', 2, 'ab'.repeat(32))).toBe(`FS-CC:2026-10:r2:${'ab'.repeat(32)}`);
  });
  it('compares listed files with the files found', () => {
    const m = { files: [{ path: 'a', sha256: '1', bytes: 1, rows: null }, { path: 'b', sha256: '2', bytes: 2, rows: 1 }] } as unknown as Manifest;
    expect(compareFiles(m, [{ path: 'a', sha256: '1', bytes: 1 }, { path: 'b', sha256: '3', bytes: 2 }, { path: 'manifest.json', sha256: 'x', bytes: 9 }, { path: 'c', sha256: '4', bytes: 4 }])).toEqual([
      { code: 'file_changed', path: 'b', expected: '2', found: '3' },
      { code: 'file_extra', path: 'c' },
    ]);
  });
});

describe('upload retries', () => {
  it('doubles from 30 s with equal jitter, up to an hour, and believes a longer Retry-After', async () => {
    const { retryDelay, verdictOf } = await import('../../../src-main/core/export/backoff');
    expect(retryDelay(1, 0)).toBe(15_000);
    expect(retryDelay(1, 0.999999)).toBe(30_000);
    expect(retryDelay(3, 0.5)).toBe(90_000);
    expect(retryDelay(30, 0.5)).toBe(2_700_000);
    expect(retryDelay(99, 0.999999)).toBe(3_599_998);
    expect(retryDelay(1, 0.5, undefined, 120_000)).toBe(120_000);
    expect(retryDelay(1, 0.5, undefined, 10 * 3_600_000)).toBe(3_600_000);
    expect([200, 201, 503, 429, 408, 401, 422, 413].map(verdictOf)).toEqual(['sent', 'sent', 'retry', 'retry', 'retry', 'rejected', 'rejected', 'rejected']);
  });
});

describe('instants in the bundle', () => {
  it('the cached formatter writes exactly what isoInZone writes, across offsets and daylight-saving changes', async () => {
    const { isoFormatter } = await import('../../../src-main/core/export/iso');
    const { isoInZone } = await import('../../../src-main/core/time');
    for (const zone of ['Asia/Shanghai', 'America/New_York', 'UTC', 'Asia/Kolkata', 'Australia/Lord_Howe']) {
      const fmt = isoFormatter(zone);
      // Every 37 minutes 1.5 s through 2026, crossing both daylight-saving changes where the zone has them.
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 2_221_500) {
        if (fmt(ms) !== isoInZone(ms, zone)) expect([zone, ms, fmt(ms)]).toEqual([zone, ms, isoInZone(ms, zone)]);
      }
    }
  }, 60_000);
});
