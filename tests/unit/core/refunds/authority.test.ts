import { describe, expect, it } from 'vitest';
import {
  approvalRefusal,
  DEFAULT_REFUND_SETTINGS as S,
  entryLimit,
  executionRefusal,
  MAX_REFUND_FEN,
  requiredRole,
  submitOutcome,
} from '../../../../src-main/core/refunds/authority';
import { checkAmount, checkRefundSettings } from '../../../../src-main/core/refunds/checks';
import { allowedRefundActions } from '../../../../src-main/core/refunds/lifecycle';
import { DomainError } from '../../../../src-main/core/errors';

/** An entry alone on its ticket: the ticket's total is the entry itself. */
const alone = (fen: number) => requiredRole(fen, fen, S);

describe('the authority table, at and around each limit', () => {
  it.each([
    [1, 'agent'],
    [4999, 'agent'],
    [5000, 'agent'],
    [5001, 'supervisor'],
    [49_999, 'supervisor'],
    [50_000, 'supervisor'],
    [50_001, 'manager'],
    [200_000, 'manager'],
    [MAX_REFUND_FEN, 'manager'],
  ] as const)('%i fen needs %s', (fen, role) => {
    expect(alone(fen)).toBe(role);
  });

  it('per-ticket total: up to ¥2,000 is fine, one fen over needs a manager whatever the entry', () => {
    expect(requiredRole(3000, 200_000, S)).toBe('agent');
    expect(requiredRole(3000, 200_001, S)).toBe('manager');
    expect(requiredRole(40_000, 199_999, S)).toBe('supervisor');
    expect(requiredRole(40_000, 200_001, S)).toBe('manager');
  });

  it('a reversal is sized by its absolute amount', () => {
    expect(requiredRole(-8000, 0, S)).toBe('supervisor');
    expect(requiredRole(-3000, 0, S)).toBe('agent');
  });

  it('per-entry limits by role; managers and admins up to the ¥100,000 maximum', () => {
    expect([entryLimit('agent', S), entryLimit('supervisor', S), entryLimit('manager', S), entryLimit('admin', S)]).toEqual([
      5000, 50_000, MAX_REFUND_FEN, MAX_REFUND_FEN,
    ]);
  });

  it('follows changed settings', () => {
    const s = { ...S, agentLimitFen: 10_000, supervisorLimitFen: 100_000, ticketTotalFen: 500_000 };
    expect(requiredRole(10_000, 10_000, s)).toBe('agent');
    expect(requiredRole(10_001, 10_001, s)).toBe('supervisor');
    expect(requiredRole(100_001, 100_001, s)).toBe('manager');
    expect(requiredRole(100, 400_000, s)).toBe('agent');
  });
});

describe('submission (separation of duties)', () => {
  it('within the agent limit one person enters and approves, whatever their role', () => {
    expect(submitOutcome(alone(1), S)).toEqual({ status: 'approved', requiredRole: 'agent' });
    expect(submitOutcome(alone(5000), S)).toEqual({ status: 'approved', requiredRole: 'agent' });
  });

  it('anything larger waits for a second person with enough authority, even when a manager entered it', () => {
    // Before the amended rule a supervisor's ¥500 and a manager's ¥100,000 were approved on entry by the enterer.
    expect(submitOutcome(alone(5001), S)).toEqual({ status: 'pending_approval', requiredRole: 'supervisor' });
    expect(submitOutcome(alone(50_000), S)).toEqual({ status: 'pending_approval', requiredRole: 'supervisor' });
    expect(submitOutcome(alone(50_001), S)).toEqual({ status: 'pending_approval', requiredRole: 'manager' });
    expect(submitOutcome(alone(MAX_REFUND_FEN), S)).toEqual({ status: 'pending_approval', requiredRole: 'manager' });
    expect(submitOutcome(requiredRole(100, 200_100, S), S)).toEqual({ status: 'pending_approval', requiredRole: 'manager' });
  });

  it('with the four-eyes setting every entry waits for a supervisor or above', () => {
    const s = { ...S, secondPersonWithinLimit: true };
    expect(submitOutcome(alone(100), s)).toEqual({ status: 'pending_approval', requiredRole: 'supervisor' });
    expect(submitOutcome(alone(60_000), s)).toEqual({ status: 'pending_approval', requiredRole: 'manager' });
  });
});

describe('execution', () => {
  it('is for a supervisor or above', () => {
    expect(executionRefusal({ id: 1, role: 'agent' })).toMatchObject({ code: 'refund_executor', params: { needed: 'supervisor' } });
    for (const role of ['supervisor', 'manager', 'admin'] as const) expect(executionRefusal({ id: 1, role })).toBeNull();
  });
});

describe('approval', () => {
  const sup = { id: 2, role: 'supervisor' as const };
  const mgr = { id: 3, role: 'manager' as const };

  it('nobody approves an entry they entered, whatever their role', () => {
    expect(approvalRefusal(mgr, [3], 'supervisor')?.code).toBe('refund_self_approval');
    expect(approvalRefusal(sup, [1, 2], 'supervisor')?.code).toBe('refund_self_approval');
  });

  it('the approver needs authority for what the entry needs; agents never approve', () => {
    expect(approvalRefusal(sup, [1], 'supervisor')).toBeNull();
    expect(approvalRefusal(sup, [1], 'manager')).toMatchObject({ code: 'refund_authority', params: { needed: 'manager' } });
    expect(approvalRefusal(mgr, [1], 'manager')).toBeNull();
    expect(approvalRefusal({ id: 4, role: 'admin' }, [1], 'manager')).toBeNull();
    expect(approvalRefusal({ id: 5, role: 'agent' }, [1], 'agent')).toMatchObject({ code: 'refund_authority', params: { needed: 'supervisor' } });
  });

  it('the buttons follow the same rules', () => {
    const pending = { status: 'pending_approval' as const, createdBy: 1, requiredRole: 'manager' as const, reversesId: null, reversedById: null, amountFen: 60_000 };
    expect(allowedRefundActions(pending, sup)).toEqual([]);
    expect(allowedRefundActions(pending, mgr)).toEqual(['approve', 'reject']);
    expect(allowedRefundActions({ ...pending, createdBy: 3 }, mgr)).toEqual([]);
    expect(allowedRefundActions({ ...pending, status: 'draft' }, { id: 1, role: 'agent' })).toEqual(['submit']);
    expect(allowedRefundActions({ ...pending, status: 'approved' }, { id: 9, role: 'agent' })).toEqual([]);
    expect(allowedRefundActions({ ...pending, status: 'approved' }, sup)).toEqual(['execute']);
    expect(allowedRefundActions({ ...pending, status: 'executed' }, { id: 9, role: 'agent' })).toEqual(['reverse']);
    expect(allowedRefundActions({ ...pending, status: 'executed', reversedById: 7 }, mgr)).toEqual([]);
    expect(allowedRefundActions({ ...pending, status: 'rejected' }, mgr)).toEqual([]);
  });
});

describe('checks', () => {
  it('amount > 0 and ≤ ¥100,000, whole fen', () => {
    for (const bad of [0, -1, MAX_REFUND_FEN + 1, 12.5, Number.NaN]) {
      expect(() => checkAmount(bad)).toThrow(DomainError);
    }
    expect(() => checkAmount(1)).not.toThrow();
    expect(() => checkAmount(MAX_REFUND_FEN)).not.toThrow();
  });

  it('settings must make sense together', () => {
    expect(() => checkRefundSettings(S)).not.toThrow();
    expect(() => checkRefundSettings({ ...S, supervisorLimitFen: 4000 })).toThrow(/supervisorLimitFen/);
    expect(() => checkRefundSettings({ ...S, agentLimitFen: 0 })).toThrow(/agentLimitFen/);
    expect(() => checkRefundSettings({ ...S, executeWithinHours: 0 })).toThrow(/executeWithinHours/);
  });
});
