import { describe, expect, it } from 'vitest';
import { ACTION_ROLE, actionRefusal, actionsFor, openTransferRequest } from '../../../src-main/core/ticket-roles';
import type { TicketState } from '../../../src-main/core/lifecycle';
import type { TicketEvent } from '../../../src-main/core/model';
import { messageFor } from '../../../src-main/core/messages';

const agent = { id: 3, role: 'agent' as const };
const sup = { id: 2, role: 'supervisor' as const };
const mgr = { id: 1, role: 'manager' as const };

const state = (over: Partial<TicketState> = {}): TicketState => ({
  status: 'in_progress',
  level: 'normal',
  assigneeId: agent.id,
  department: '客服中心',
  collaborators: [],
  firstResponderId: agent.id,
  firstResponseAt: 1,
  resolvedAt: null,
  closedAt: null,
  satisfaction: null,
  isRepeat: false,
  reopenCount: 0,
  transferRequest: null,
  ...over,
});

describe('the roles table', () => {
  it('assigning, escalating and voiding are for supervisors and above', () => {
    for (const type of ['transfer', 'escalate', 'void', 'decline_transfer'] as const) {
      expect(ACTION_ROLE[type]).toBe('supervisor');
      expect(actionRefusal(type, agent, state())).toMatchObject({ code: 'action_forbidden', params: { action: type, needed: 'supervisor' } });
      expect(actionRefusal(type, sup, state())).toBeNull();
      expect(actionRefusal(type, mgr, state())).toBeNull();
    }
  });

  it('says so in words, pointing an agent at the request', () => {
    const e = actionRefusal('transfer', agent, state())!;
    expect(messageFor(e, 'zh-CN')).toBe('只有班长/主管及以上可以转派工单。您可以「申请转派」，由班长/主管确认。');
    expect(messageFor(e, 'en')).toBe('Only a supervisor or above may transfer a ticket. You can ask for a transfer, which a supervisor confirms.');
    expect(messageFor(actionRefusal('void', agent, state())!, 'zh-CN')).toBe('只有班长/主管及以上可以作废工单。');
  });

  it('an agent hands back only their own ticket; a supervisor any', () => {
    expect(actionRefusal('release', agent, state())).toBeNull();
    const other = actionRefusal('release', agent, state({ assigneeId: 9 }))!;
    expect(messageFor(other, 'zh-CN')).toBe('只能退回分派给自己的工单。');
    expect(actionRefusal('release', sup, state({ assigneeId: 9 }))).toBeNull();
  });
});

describe('the buttons', () => {
  it('an agent on their own ticket: handle it, hand it back, or ask for a transfer', () => {
    expect(actionsFor(state(), agent)).toEqual(['pend', 'respond', 'resolve', 'collaborate', 'release', 'request_transfer']);
  });

  it('with a request open the agent cannot ask again; a supervisor may transfer or decline', () => {
    const open = state({ transferRequest: { department: '网络部', assigneeId: null } });
    expect(actionsFor(open, agent)).not.toContain('request_transfer');
    expect(actionsFor(open, sup)).toEqual(['pend', 'respond', 'resolve', 'transfer', 'collaborate', 'escalate', 'void', 'release', 'decline_transfer']);
  });

  it('nothing to hand back on an unassigned ticket', () => {
    expect(actionsFor(state({ status: 'new', assigneeId: null }), agent)).toEqual(['accept', 'request_transfer']);
  });
});

describe('the open request, from the history', () => {
  const ev = (id: number, changes: TicketEvent['changes'], note: string | null = null): TicketEvent => ({
    id,
    ticketId: 1,
    at: id * 1000,
    actorId: 3,
    actorName: '李坐席',
    action: 'x',
    fromStatus: null,
    toStatus: null,
    changes,
    note,
  });
  const req = { department: '网络部', assigneeId: null };

  it('the latest event touching it decides', () => {
    expect(openTransferRequest([])).toBeNull();
    expect(openTransferRequest([ev(2, { level: ['normal', 'major'] }), ev(1, { transferRequest: [null, req] }, '属网络问题')])).toEqual({
      ...req,
      requestedBy: 3,
      requestedByName: '李坐席',
      at: 1000,
      reason: '属网络问题',
    });
    expect(openTransferRequest([ev(2, { transferRequest: [req, null] }), ev(1, { transferRequest: [null, req] })])).toBeNull();
  });
});
