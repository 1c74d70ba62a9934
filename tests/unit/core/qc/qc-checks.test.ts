/**
 * Each QC measure against its target, at and around the boundary: ≥ 70 %,
 * ≥ 100 %, ≥ 100 %, < 5 %, ≤ 3 %; no rate, no verdict. The counts are
 * made up; each rate is count ÷ of, worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { qcChecks, qcMeetsTarget, type QcMeasures } from '../../../../src-main/core/reports/qc-measures';

const rc = (count: number, of: number) => ({ count, of, rate: of === 0 ? null : count / of });

describe('QC targets', () => {
  it('SP reply within 1 h: 7 of 10 (70 %) meets ≥ 70 %, 69 of 100 does not', () => {
    expect(qcMeetsTarget('spReply1hRate', 7 / 10)).toBe(true);
    expect(qcMeetsTarget('spReply1hRate', 69 / 100)).toBe(false);
  });
  it('SP reply within 4 h and refunds within 72 h: only all of them meet 100 %', () => {
    expect(qcMeetsTarget('spReply4hRate', 1)).toBe(true);
    expect(qcMeetsTarget('spReply4hRate', 99 / 100)).toBe(false);
    expect(qcMeetsTarget('refundFromComplaintRate', 1)).toBe(true);
    expect(qcMeetsTarget('refundFromComplaintRate', 2 / 3)).toBe(false);
  });
  it('refund-delay repeats: under 5 %, so 1 of 20 (exactly 5 %) misses and 1 of 21 meets', () => {
    expect(qcMeetsTarget('refundDelayRepeatRate', 1 / 20)).toBe(false);
    expect(qcMeetsTarget('refundDelayRepeatRate', 1 / 21)).toBe(true);
  });
  it('backlog rate: at most 3 %, so 3 of 100 meets and 4 of 100 misses', () => {
    expect(qcMeetsTarget('backlogRate', 3 / 100)).toBe(true);
    expect(qcMeetsTarget('backlogRate', 4 / 100)).toBe(false);
  });
  it('nothing counted: no verdict', () => {
    expect(qcMeetsTarget('spReply1hRate', null)).toBeNull();
  });

  it('lists every rate measure in the studies’ order with its count, target and verdict', () => {
    const m: QcMeasures = {
      spReply1h: rc(3, 4),
      spReply4h: rc(3, 4),
      refundFromComplaint: rc(0, 0),
      refundDelayRepeat: rc(1, 8),
      backlog: { days: [], overall: rc(6, 200) },
      handlingByCategory: [],
    };
    expect(qcChecks(m)).toEqual([
      { id: 'spReply1hRate', count: 3, of: 4, rate: 0.75, op: '>=', target: 0.7, met: true },
      { id: 'spReply4hRate', count: 3, of: 4, rate: 0.75, op: '>=', target: 1, met: false },
      { id: 'refundFromComplaintRate', count: 0, of: 0, rate: null, op: '>=', target: 1, met: null },
      { id: 'refundDelayRepeatRate', count: 1, of: 8, rate: 0.125, op: '<', target: 0.05, met: false },
      { id: 'backlogRate', count: 6, of: 200, rate: 0.03, op: '<=', target: 0.03, met: true },
    ]);
  });
});
