import { describe, expect, it } from 'vitest';
import { ACTION_TYPES, allowedActions, decide, type TicketAction, type TicketState } from '../../../src-main/core/lifecycle';
import { STATUSES, type Status } from '../../../src-main/core/enums';
import { messageFor } from '../../../src-main/core/messages';

const NOW = Date.parse('2026-11-02T02:00:00Z');

function state(status: Status, over: Partial<TicketState> = {}): TicketState {
  return {
    status,
    level: 'normal',
    assigneeId: null,
    department: null,
    collaborators: [],
    firstResponderId: null,
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    satisfaction: null,
    isRepeat: false,
    reopenCount: 0,
    ...over,
  };
}

const SAMPLE: Record<TicketAction['type'], TicketAction> = {
  accept: { type: 'accept' },
  start: { type: 'start' },
  pend: { type: 'pend', reason: '等客户提供账单' },
  resume: { type: 'resume' },
  respond: { type: 'respond', note: '已电话联系客户' },
  resolve: { type: 'resolve', note: '已退费', rootCause: 'SP 违规定制' },
  close: { type: 'close', satisfaction: 'satisfied' },
  reopen: { type: 'reopen', reason: '客户再次来电' },
  transfer: { type: 'transfer', department: '网络部', assigneeId: 7 },
  collaborate: { type: 'collaborate', department: '计费中心' },
  escalate: { type: 'escalate', level: 'major', reason: '多次处理未解决' },
  void: { type: 'void', reason: '重复录入' },
  release: { type: 'release', reason: '本人休假，退回队列' },
  request_transfer: { type: 'request_transfer', department: '网络部', assigneeId: null, reason: '属无线网络问题' },
  decline_transfer: { type: 'decline_transfer', reason: '本部门可以处理' },
};

/** What a ticket must have for an action to make sense at all (its status aside). */
const NEEDS: Partial<Record<TicketAction['type'], Partial<TicketState>>> = {
  release: { assigneeId: 3 },
  decline_transfer: { transferRequest: { department: '网络部', assigneeId: null } },
};

/** Where each status-changing action leads. */
const TARGET: Partial<Record<TicketAction['type'], Status>> = {
  accept: 'accepted',
  start: 'in_progress',
  pend: 'pending_customer',
  resume: 'in_progress',
  respond: 'responded',
  resolve: 'resolved',
  close: 'closed',
  reopen: 'in_progress',
  void: 'voided',
};

/**
 * What may be done in each status, written out by hand from the lifecycle in
 * docs/REQUIREMENTS.md §1 (never read from the production table): transfer
 * and escalation while the ticket is open, collaboration once it is accepted,
 * void until it is voided, reopen once it is resolved; handing back and the
 * transfer request (and declining it) while the ticket is open.
 */
const OPEN_EXTRAS = ['release', 'request_transfer', 'decline_transfer'] as const;
const LEGAL: Record<Status, readonly TicketAction['type'][]> = {
  new: ['accept', 'transfer', 'escalate', 'void', ...OPEN_EXTRAS],
  accepted: ['start', 'pend', 'respond', 'resolve', 'transfer', 'collaborate', 'escalate', 'void', ...OPEN_EXTRAS],
  in_progress: ['pend', 'respond', 'resolve', 'transfer', 'collaborate', 'escalate', 'void', ...OPEN_EXTRAS],
  pending_customer: ['resume', 'respond', 'resolve', 'transfer', 'collaborate', 'escalate', 'void', ...OPEN_EXTRAS],
  responded: ['pend', 'resolve', 'transfer', 'collaborate', 'escalate', 'void', ...OPEN_EXTRAS],
  resolved: ['close', 'reopen', 'void'],
  closed: ['reopen', 'void'],
  voided: [],
};

describe('ticket lifecycle', () => {
  // Every (status, action) pair: legal ones go where the requirements say, illegal ones are refused.
  for (const status of STATUSES) {
    for (const type of ACTION_TYPES) {
      const legal = LEGAL[status].includes(type);
      it(`${type} from ${status} is ${legal ? 'allowed' : 'refused'}`, () => {
        const r = decide(state(status, { department: '客服中心', ...NEEDS[type] }), SAMPLE[type], 1, NOW);
        expect(r.ok).toBe(legal);
        if (r.ok) expect(r.value.patch.status ?? status).toBe(TARGET[type] ?? status);
        else expect(r.error.code).toBe('illegal_transition');
      });
    }
  }

  it('says why a transition is illegal, in both languages', () => {
    const r = decide(state('new'), SAMPLE.resolve, 1, NOW);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(messageFor(r.error, 'zh-CN')).toBe('工单当前为「新建」，不能办结。请先受理。');
    expect(messageFor(r.error, 'en')).toBe('Cannot resolve a ticket that is "New". Accept it first.');
  });

  it('offers in each status exactly the actions allowed there', () => {
    for (const status of STATUSES) expect([...allowedActions(status)].sort(), status).toEqual([...LEGAL[status]].sort());
  });

  it('the accepting user becomes first responder and stays so through a transfer', () => {
    const accepted = decide(state('new'), SAMPLE.accept, 5, NOW);
    expect(accepted.ok && accepted.value.patch).toMatchObject({ firstResponderId: 5, assigneeId: 5, firstResponseAt: NOW });
    const after = state('accepted', { firstResponderId: 5, assigneeId: 5, department: '客服中心' });
    const transferred = decide(after, SAMPLE.transfer, 5, NOW + 1000);
    expect(transferred.ok).toBe(true);
    if (!transferred.ok) return;
    expect(transferred.value.patch).toEqual({ department: '网络部', assigneeId: 7 });
    expect(transferred.value.patch.firstResponderId).toBeUndefined();
    expect(transferred.value.changes).toEqual({ department: ['客服中心', '网络部'], assigneeId: [5, 7] });
  });

  it('accepting keeps an existing first response time and assignee', () => {
    const r = decide(state('new', { assigneeId: 9, firstResponseAt: NOW - 5 }), SAMPLE.accept, 5, NOW);
    expect(r.ok && r.value.patch).toEqual({ status: 'accepted', firstResponderId: 5 });
  });

  it('transfer to the same department and assignee is refused', () => {
    const r = decide(state('in_progress', { department: '网络部', assigneeId: 7 }), SAMPLE.transfer, 1, NOW);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.params.rule).toBe('same_as_current');
  });

  it('collaboration adds a second department once', () => {
    const s = state('in_progress', { department: '客服中心' });
    const r = decide(s, SAMPLE.collaborate, 1, NOW);
    expect(r.ok && r.value.patch.collaborators).toEqual(['计费中心']);
    const again = decide({ ...s, collaborators: ['计费中心'] }, SAMPLE.collaborate, 1, NOW);
    expect(again.ok).toBe(false);
  });

  it('escalation must raise the level', () => {
    expect(decide(state('in_progress'), SAMPLE.escalate, 1, NOW).ok).toBe(true);
    const down = decide(state('in_progress', { level: 'major' }), { type: 'escalate', level: 'normal', reason: 'x' }, 1, NOW);
    expect(down.ok).toBe(false);
    if (!down.ok) expect(down.error.code).toBe('level_not_higher');
    const same = decide(state('in_progress', { level: 'major' }), SAMPLE.escalate, 1, NOW);
    expect(same.ok).toBe(false);
  });

  it('reopen marks the ticket a repeat complaint and clears the closure, keeping the customer’s rating', () => {
    const closed = state('closed', { resolvedAt: NOW - 10, closedAt: NOW - 5, satisfaction: 'dissatisfied', reopenCount: 1 });
    const r = decide(closed, SAMPLE.reopen, 1, NOW);
    expect(r.ok && r.value.patch).toEqual({
      status: 'in_progress',
      resolvedAt: null,
      closedAt: null,
      resolutionNote: null,
      rootCause: null,
      isRepeat: true,
      reopenCount: 2,
    });
  });

  it('resolve records the time, note and root cause; close records satisfaction', () => {
    const r = decide(state('in_progress', { firstResponseAt: NOW - 100 }), SAMPLE.resolve, 1, NOW);
    expect(r.ok && r.value.patch).toEqual({ status: 'resolved', resolvedAt: NOW, resolutionNote: '已退费', rootCause: 'SP 违规定制' });
    const c = decide(state('resolved'), SAMPLE.close, 1, NOW);
    expect(c.ok && c.value.patch).toEqual({ status: 'closed', closedAt: NOW, satisfaction: 'satisfied' });
  });

  it('a close after a reopening records its rating even when it repeats the one before', () => {
    const c = decide(state('resolved', { satisfaction: 'satisfied', reopenCount: 1 }), SAMPLE.close, 1, NOW);
    expect(c.ok && c.value.changes.satisfaction).toEqual(['satisfied', 'satisfied']);
  });

  it('actions that need a reason refuse a blank one', () => {
    for (const a of [
      { type: 'pend', reason: '  ' },
      { type: 'void', reason: '' },
      { type: 'reopen', reason: ' ' },
      { type: 'respond', note: '' },
    ] as TicketAction[]) {
      const from = STATUSES.find((s) => LEGAL[s].includes(a.type))!;
      const r = decide(state(from), a, 1, NOW);
      expect(r.ok, a.type).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('reason_required');
    }
  });
});

describe('handing back and asking for a transfer', () => {
  const request = { department: '网络部', assigneeId: 7 };

  it('release empties the assignee and keeps the status (the clocks run on)', () => {
    const r = decide(state('in_progress', { assigneeId: 3 }), SAMPLE.release, 3, NOW);
    expect(r.ok && r.value).toMatchObject({ patch: { assigneeId: null }, changes: { assigneeId: [3, null] }, note: '本人休假，退回队列' });
    const again = decide(state('in_progress'), SAMPLE.release, 3, NOW);
    expect(!again.ok && again.error.params).toMatchObject({ rule: 'not_assigned' });
  });

  it('a request is recorded as a change of transferRequest and changes nothing else', () => {
    const r = decide(state('in_progress', { assigneeId: 3, department: '客服中心', transferRequest: null }), { ...SAMPLE.request_transfer, assigneeId: 7 } as TicketAction, 3, NOW);
    expect(r.ok && r.value).toEqual({ patch: { transferRequest: request }, changes: { transferRequest: [null, request] }, note: '属无线网络问题' });
    const twice = decide(state('in_progress', { transferRequest: request }), SAMPLE.request_transfer, 3, NOW);
    expect(!twice.ok && twice.error.params).toMatchObject({ rule: 'request_open' });
  });

  it('a transfer settles the open request; declining closes it with a reason', () => {
    const open = state('in_progress', { assigneeId: 3, department: '客服中心', transferRequest: request });
    const t = decide(open, SAMPLE.transfer, 1, NOW);
    expect(t.ok && t.value.changes.transferRequest).toEqual([request, null]);
    const d = decide(open, SAMPLE.decline_transfer, 1, NOW);
    expect(d.ok && d.value).toMatchObject({ patch: { transferRequest: null }, note: '本部门可以处理' });
    const none = decide(state('in_progress', { transferRequest: null }), SAMPLE.decline_transfer, 1, NOW);
    expect(!none.ok && none.error.params).toMatchObject({ rule: 'no_request' });
  });
});
