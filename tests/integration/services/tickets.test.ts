import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, categoryId, tempDb, type TestDb } from '../../helpers/temp-db';
import { ticketInput } from '../../helpers/ticket-input';
import { actOnTicket, createTicket, getTicket, listTickets, revealPhone, ticketHistory, type NewTicketInput } from '../../../src-main/services/tickets';
import type { DomainError } from '../../../src-main/core/errors';
import type { UserInfo } from '../../../src-main/core/model';

let t: TestDb;
let agent: UserInfo;
let sup: UserInfo;
const H = 3_600_000;

beforeEach(() => {
  t = tempDb();
  agent = addUser(t.ctx, 'agent1', 'agent', '客服中心');
  sup = addUser(t.ctx, 'sup1', 'supervisor', '客服中心');
});
afterEach(() => t.close());

const input = (over: Partial<NewTicketInput> = {}) => ticketInput(t, { district: '南海区', ...over });

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as DomainError).code;
  }
  return 'no error';
};

describe('registering a ticket', () => {
  it('stores it as new with a creation event by who and when', () => {
    const { ticket } = createTicket(t.ctx, sup, input({ ticketNo: 'GD001' }));
    expect(ticket).toMatchObject({ ticketNo: 'GD001', status: 'new', level: 'normal', phone: '13812345678', categoryPath: '网络质量/信号覆盖' });
    const h = ticketHistory(t.ctx, ticket.id);
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ action: 'create', actorId: sup.id, actorName: 'SUP1', at: t.clock.now, toStatus: 'new' });
  });

  it('numbers hand-registered tickets by local day', () => {
    const a = createTicket(t.ctx, sup, input()).ticket;
    const b = createTicket(t.ctx, sup, input({ phone: '13912345678' })).ticket;
    expect(a.ticketNo).toBe('CD202611020001');
    expect(b.ticketNo).toBe('CD202611020002');
  });

  it('a 10080 or 12300 complaint is over-level whatever was chosen', () => {
    expect(createTicket(t.ctx, sup, input({ channel: '12300' })).ticket.level).toBe('overlevel');
  });

  it('refuses a bad phone, a future time, an unknown category or a duplicate number, writing nothing', () => {
    createTicket(t.ctx, sup, input({ ticketNo: 'GD001' }));
    const before = t.db.prepare('SELECT (SELECT count(*) FROM tickets) + (SELECT count(*) FROM ticket_events) AS n').get();
    expect(codeOf(() => createTicket(t.ctx, sup, input({ phone: '1381234567' })))).toBe('invalid_phone');
    expect(codeOf(() => createTicket(t.ctx, sup, input({ receivedAt: t.clock.now + H })))).toBe('validation');
    expect(codeOf(() => createTicket(t.ctx, sup, input({ categoryId: 9999 })))).toBe('unknown_category');
    expect(codeOf(() => createTicket(t.ctx, sup, input({ ticketNo: 'GD001' })))).toBe('duplicate_ticket');
    expect(t.db.prepare('SELECT (SELECT count(*) FROM tickets) + (SELECT count(*) FROM ticket_events) AS n').get()).toEqual(before);
  });

  it('flags a repeat complaint from the same phone within 30 days', () => {
    const first = createTicket(t.ctx, sup, input({ receivedAt: t.clock.now - 20 * 24 * H })).ticket;
    const r = createTicket(t.ctx, sup, input());
    expect(r.ticket.isRepeat).toBe(true);
    expect(r.repeatOf).toEqual([first.id]);
    const other = createTicket(t.ctx, sup, input({ phone: '13700000000' }));
    expect(other.ticket.isRepeat).toBe(false);
  });

  it('proposes a collective complaint at the third customer in a district and category within 24 h', () => {
    const a = createTicket(t.ctx, sup, input({ phone: '13800000001', receivedAt: t.clock.now - 5 * H })).ticket;
    const b = createTicket(t.ctx, sup, input({ phone: '13800000002', receivedAt: t.clock.now - 3 * H }));
    expect(b.collectiveWith).toBeNull();
    const c = createTicket(t.ctx, sup, input({ phone: '13800000003' }));
    expect(c.collectiveWith?.sort()).toEqual([a.id, b.ticket.id].sort());
    expect(getTicket(t.ctx, sup, a.id).isCollective).toBe(true);
    expect(c.ticket.isCollective).toBe(true);
    const other = createTicket(t.ctx, sup, input({ phone: '13800000004', district: '顺德区' }));
    expect(other.collectiveWith).toBeNull();
  });
});

describe('working a ticket', () => {
  it('walks the whole life and records every step with who, when and what changed', () => {
    const id = createTicket(t.ctx, sup, input()).ticket.id;
    const step = (a: Parameters<typeof actOnTicket>[4], by = agent) => {
      t.clock.advance(10 * 60_000);
      return actOnTicket(t.ctx, by, id, getTicket(t.ctx, by, id).version, a);
    };
    step({ type: 'accept' });
    step({ type: 'transfer', department: '网络部', assigneeId: sup.id }, sup);
    step({ type: 'pend', reason: '等客户在家时上门测试' }, sup);
    step({ type: 'resolve', note: '已调整天线', rootCause: '基站覆盖' }, sup);
    const closed = step({ type: 'close', satisfaction: 'basically_satisfied' }, sup);
    expect(closed).toMatchObject({ status: 'closed', firstResponderId: agent.id, assigneeId: sup.id, department: '网络部', satisfaction: 'basically_satisfied' });
    const reopened = step({ type: 'reopen', reason: '客户来电称信号又变差' }, sup);
    expect(reopened).toMatchObject({ status: 'in_progress', isRepeat: true, reopenCount: 1, firstResponderId: agent.id });
    const h = ticketHistory(t.ctx, id);
    expect(h.map((e) => e.action)).toEqual(['reopen', 'close', 'resolve', 'pend', 'transfer', 'accept', 'create']);
    expect(h.find((e) => e.action === 'transfer')).toMatchObject({
      actorName: 'SUP1',
      changes: { department: [null, '网络部'], assigneeId: [agent.id, sup.id] },
    });
    expect(h.find((e) => e.action === 'pend')?.note).toBe('等客户在家时上门测试');
    // Times are the pinned clock's, ten minutes apart.
    expect(h[0]!.at - h[1]!.at).toBe(10 * 60_000);
  });

  it('an illegal transition or a stale version changes nothing', () => {
    const created = createTicket(t.ctx, sup, input()).ticket;
    const snapshot = () => t.db.prepare('SELECT t.*, (SELECT count(*) FROM ticket_events) AS events FROM tickets t').all();
    const before = snapshot();
    expect(codeOf(() => actOnTicket(t.ctx, sup, created.id, created.version, { type: 'close', satisfaction: 'satisfied' }))).toBe('illegal_transition');
    expect(codeOf(() => actOnTicket(t.ctx, sup, created.id, created.version + 1, { type: 'accept' }))).toBe('conflict');
    expect(codeOf(() => actOnTicket(t.ctx, sup, 999, 1, { type: 'accept' }))).toBe('not_found');
    expect(codeOf(() => actOnTicket(t.ctx, sup, created.id, created.version, { type: 'transfer', department: '网络部', assigneeId: 999 }))).toBe('validation');
    expect(snapshot()).toEqual(before);
  });

  it('voiding needs a reason and ends the ticket', () => {
    const created = createTicket(t.ctx, sup, input()).ticket;
    const voided = actOnTicket(t.ctx, sup, created.id, created.version, { type: 'void', reason: '重复录入' });
    expect(voided).toMatchObject({ status: 'voided', voidReason: '重复录入' });
  });
});

describe('who may do what (the roles table)', () => {
  it('an agent cannot transfer, escalate or void; the refusal writes nothing', () => {
    const { ticket } = createTicket(t.ctx, sup, input());
    const accepted = actOnTicket(t.ctx, agent, ticket.id, ticket.version, { type: 'accept' });
    const events = ticketHistory(t.ctx, ticket.id).length;
    expect(codeOf(() => actOnTicket(t.ctx, agent, ticket.id, accepted.version, { type: 'transfer', department: '网络部', assigneeId: sup.id }))).toBe('action_forbidden');
    expect(codeOf(() => actOnTicket(t.ctx, agent, ticket.id, accepted.version, { type: 'escalate', level: 'major', reason: '客户情绪激动' }))).toBe('action_forbidden');
    expect(codeOf(() => actOnTicket(t.ctx, agent, ticket.id, accepted.version, { type: 'void', reason: '不想处理' }))).toBe('action_forbidden');
    expect(ticketHistory(t.ctx, ticket.id)).toHaveLength(events);
    expect(getTicket(t.ctx, sup, ticket.id)).toMatchObject({ version: accepted.version, level: 'normal', status: 'accepted' });
  });

  it('an agent asks for a transfer; a supervisor confirms it by transferring, and the request is settled', () => {
    const net = addUser(t.ctx, 'net1', 'agent', '网络部');
    const { ticket } = createTicket(t.ctx, sup, input());
    let v = actOnTicket(t.ctx, agent, ticket.id, ticket.version, { type: 'accept' }).version;
    v = actOnTicket(t.ctx, agent, ticket.id, v, { type: 'request_transfer', department: '网络部', assigneeId: net.id, reason: '属无线网络问题' }).version;
    // Nothing moved yet: the ticket is still the agent's.
    expect(getTicket(t.ctx, sup, ticket.id)).toMatchObject({ assigneeId: agent.id, department: null });
    expect(codeOf(() => actOnTicket(t.ctx, agent, ticket.id, v, { type: 'request_transfer', department: '计费中心', assigneeId: null, reason: '再申请' }))).toBe('validation');
    const done = actOnTicket(t.ctx, sup, ticket.id, v, { type: 'transfer', department: '网络部', assigneeId: net.id, reason: '同意' });
    expect(done).toMatchObject({ assigneeId: net.id, department: '网络部' });
    const h = ticketHistory(t.ctx, ticket.id);
    expect(h.slice(0, 2).map((e) => [e.action, e.actorId, e.changes.transferRequest])).toEqual([
      ['transfer', sup.id, [{ department: '网络部', assigneeId: net.id }, null]],
      ['request_transfer', agent.id, [null, { department: '网络部', assigneeId: net.id }]],
    ]);
  });

  it('a supervisor may decline the request instead; an agent hands their own ticket back to the queue', () => {
    const { ticket } = createTicket(t.ctx, sup, input());
    let v = actOnTicket(t.ctx, agent, ticket.id, ticket.version, { type: 'accept' }).version;
    v = actOnTicket(t.ctx, agent, ticket.id, v, { type: 'request_transfer', department: '网络部', assigneeId: null, reason: '属网络问题' }).version;
    expect(codeOf(() => actOnTicket(t.ctx, agent, ticket.id, v, { type: 'decline_transfer', reason: '自己驳回' }))).toBe('action_forbidden');
    v = actOnTicket(t.ctx, sup, ticket.id, v, { type: 'decline_transfer', reason: '本部门可处理' }).version;
    const other = addUser(t.ctx, 'agent2', 'agent');
    expect(codeOf(() => actOnTicket(t.ctx, other, ticket.id, v, { type: 'release', reason: '不是我的' }))).toBe('action_forbidden');
    const back = actOnTicket(t.ctx, agent, ticket.id, v, { type: 'release', reason: '下班交接' });
    expect(back).toMatchObject({ assigneeId: null, assigneeName: null, status: 'accepted' });
  });
});

describe('phone privacy', () => {
  it('agents see a masked number in the ticket and the list; a reveal is logged', () => {
    const id = createTicket(t.ctx, sup, input()).ticket.id;
    expect(getTicket(t.ctx, agent, id)).toMatchObject({ phone: '138****5678', phoneMasked: true });
    expect(getTicket(t.ctx, sup, id)).toMatchObject({ phone: '13812345678', phoneMasked: false });
    expect(listTickets(t.ctx, agent, { offset: 0, limit: 10 }).rows[0]!.phone).toBe('138****5678');
    expect(revealPhone(t.ctx, agent, id)).toBe('13812345678');
    expect(t.ctx.audit.list(1)[0]).toMatchObject({ action: 'phone.reveal', actorId: agent.id, details: { ticketId: id } });
  });

  it('an agent cannot read a masked number back through prefix searches (the 39-call attack recovers nothing)', () => {
    createTicket(t.ctx, sup, input({ phone: '13812345678' }));
    const found = (q: string) => listTickets(t.ctx, agent, { offset: 0, limit: 10, filter: { q } }).total > 0;
    // What the attacker knows: 138****5678. Guess the hidden digits one at a time by prefix.
    let known = '138';
    let calls = 0;
    for (let position = 0; position < 4; position++) {
      const digit = [...'0123456789'].find((d) => (calls++, found(known + d)));
      if (digit === undefined) break;
      known += digit;
    }
    expect(known).toBe('138');
    // Every phone-like search is audited, like a reveal, with what it matched.
    const searches = t.ctx.audit.list(100).filter((e) => e.action === 'phone.search');
    expect(searches).toHaveLength(calls);
    expect(searches[0]).toMatchObject({ actorId: agent.id, subject: '1389', details: { matched: 0 } });
  });

  it('an agent still finds a ticket by the whole number (any way it is written), and by ticket number prefix', () => {
    const { ticket } = createTicket(t.ctx, sup, input({ ticketNo: 'GD7001', phone: '13812345678' }));
    const ids = (q: string, who = agent) => listTickets(t.ctx, who, { offset: 0, limit: 10, filter: { q } }).rows.map((r) => r.id);
    expect(ids('13812345678')).toEqual([ticket.id]);
    expect(ids('+86 138-1234-5678')).toEqual([ticket.id]);
    expect(ids('gd70')).toEqual([ticket.id]);
    expect(ids('1381234567')).toEqual([]);
    expect(t.ctx.audit.list(10).filter((e) => e.action === 'phone.search').map((e) => e.details)).toEqual([
      { matched: 0 },
      { matched: 1 },
      { matched: 1 },
    ]);
    // A supervisor sees whole numbers anyway: prefix search as before, not audited.
    expect(ids('1381234', sup)).toEqual([ticket.id]);
    expect(t.ctx.audit.list(10).filter((e) => e.action === 'phone.search')).toHaveLength(3);
  });
});

describe('fixed lines and searching by part of a number', () => {
  it('registers a fixed line with its area code, however it is written, and masks it like a mobile', () => {
    for (const written of ['020-12345678', '(020) 1234 5678', '+86 20 1234 5678', '02012345678']) {
      const { ticket } = createTicket(t.ctx, sup, input({ phone: written }));
      expect(ticket.phone, written).toBe('020-12345678');
      expect(getTicket(t.ctx, agent, ticket.id).phone).toBe('020-****5678');
    }
    expect(createTicket(t.ctx, sup, input({ phone: '0757-8123456' })).ticket.phone).toBe('0757-8123456');
    expect(codeOf(() => createTicket(t.ctx, sup, input({ phone: '12345678' })))).toBe('invalid_phone');
  });

  it('someone who sees whole numbers finds a ticket by any run of four digits or more, across the area code', () => {
    const mobile = createTicket(t.ctx, sup, input({ phone: '13896027890' })).ticket.id;
    const line = createTicket(t.ctx, sup, input({ phone: '020-12345678' })).ticket.id;
    createTicket(t.ctx, sup, input({ phone: '13700001111' }));
    const ids = (q: string) => listTickets(t.ctx, sup, { offset: 0, limit: 10, filter: { q } }).rows.map((r) => r.id).sort();
    expect(ids('9602789')).toEqual([mobile]);
    expect(ids('7890')).toEqual([mobile]);
    expect(ids('2345678')).toEqual([line]);
    expect(ids('0201234')).toEqual([line]);
    expect(ids('020-1234')).toEqual([line]);
    // Every trigram of 96027 is in 13896027890 but "9627" is not a run of it.
    expect(ids('9627')).toEqual([]);
    // Three digits search no phone: too many numbers share them.
    expect(ids('789')).toEqual([]);
  });

  it('an agent finds a ticket by its last four digits (尾号), shown on his screen anyway', () => {
    const id = createTicket(t.ctx, sup, input({ phone: '13896027890' })).ticket.id;
    const line = createTicket(t.ctx, sup, input({ phone: '0757-8123456' })).ticket.id;
    const ids = (q: string) => listTickets(t.ctx, agent, { offset: 0, limit: 10, filter: { q } }).rows.map((r) => r.id);
    expect(ids('7890')).toEqual([id]);
    expect(ids('3456')).toEqual([line]);
    expect(ids('9602789')).toEqual([]);
  });

  it('an agent learns no masked digit from any search (every guess at a hidden digit answers alike)', () => {
    // What the attacker sees: 138****7890 and 020-****5678.
    createTicket(t.ctx, sup, input({ phone: '13896027890' }));
    createTicket(t.ctx, sup, input({ phone: '020-12345678' }));
    const answer = (q: string) => JSON.stringify(listTickets(t.ctx, agent, { offset: 0, limit: 10, filter: { q } }));
    const shapes: Array<[string, string]> = [
      ['138', '7890'],
      ['020', '5678'],
    ];
    for (const [head, tail] of shapes) {
      const known = `${head}????${tail}`;
      // Every run of 4 to 10 characters that covers a hidden position, each hidden digit guessed 0–9 (the others as the mask shows them).
      for (let len = 4; len <= 10; len++) {
        for (let start = 0; start + len <= known.length; start++) {
          const window = known.slice(start, start + len);
          if (!window.includes('?')) continue;
          const answers = new Set([...'0123456789'].map((d) => answer(window.replaceAll('?', d))));
          expect(answers.size, `${known}: ${window}`).toBe(1);
        }
      }
    }
  });
});

describe('the ticket list', () => {
  it('pages, sorts and filters in SQL', () => {
    for (let i = 0; i < 30; i++) {
      createTicket(t.ctx, sup, input({ phone: `1380000${String(i).padStart(4, '0')}`, receivedAt: t.clock.now - (i + 1) * 60_000, channel: i % 3 === 0 ? 'store' : '10086', district: `D${i}` }));
    }
    const first = listTickets(t.ctx, sup, { offset: 0, limit: 10 });
    expect(first.total).toBe(30);
    expect(first.rows).toHaveLength(10);
    expect(first.rows[0]!.receivedAt).toBeGreaterThan(first.rows[9]!.receivedAt);
    const asc = listTickets(t.ctx, sup, { offset: 25, limit: 10, sort: { field: 'receivedAt', dir: 'asc' } });
    expect(asc.rows).toHaveLength(5);
    const store = listTickets(t.ctx, sup, { offset: 0, limit: 100, filter: { channel: ['store'] } });
    expect(store.total).toBe(10);
    expect(store.rows.every((r) => r.channel === 'store')).toBe(true);
    const byPhone = listTickets(t.ctx, sup, { offset: 0, limit: 100, filter: { q: '1380000001' } });
    expect(byPhone.total).toBe(10);
    // A ticket number typed in lower case finds the same tickets (each channel numbers its own).
    const someNo = first.rows[3]!.ticketNo;
    const ids = (q: string) => listTickets(t.ctx, sup, { offset: 0, limit: 100, filter: { q } }).rows.map((r) => r.id);
    expect(ids(someNo).length).toBeGreaterThan(0);
    expect(ids(someNo.toLowerCase())).toEqual(ids(someNo));
    const byCategory = listTickets(t.ctx, sup, { offset: 0, limit: 1, filter: { categoryId: categoryId(t.ctx, '网络质量') } });
    expect(byCategory.total).toBe(30);
  });
});
