/**
 * The kept lists through the services, on a temp database with a pinned
 * clock: forms choose only active values (registering, 转派, 协作, a batch
 * transfer, an account's department), with the refusal in Chinese; renaming
 * rewrites the tickets that carry a value, renaming into an existing name
 * merges the two, retiring keeps the value on its tickets and in the report
 * filters; each change is audited.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, tempDb, type TestDb } from '../../helpers/temp-db';
import { ticketInput } from '../../helpers/ticket-input';
import { actOnTicket, createTicket } from '../../../src-main/services/tickets';
import { transferMany } from '../../../src-main/services/ticket-batch';
import { addListValue, renameListValue, setListValueActive, lists } from '../../../src-main/services/lists';
import { createUser } from '../../../src-main/services/users';
import { reportOptions } from '../../../src-main/services/reports/options';
import type { UserInfo } from '../../../src-main/core/model';
import { refusal } from '../../helpers/refusal';

let t: TestDb;
let admin: UserInfo;
let sup: UserInfo;
beforeEach(() => {
  t = tempDb();
  admin = addUser(t.ctx, 'admin1', 'admin');
  sup = addUser(t.ctx, 'sup1', 'supervisor', '客服中心');
});
afterEach(() => t.close());

const idOf = (kind: 'department' | 'district', name: string) => lists(t.ctx).find(kind, name)!.id;

describe('choosing from the lists', () => {
  it('registers a ticket only with values on the lists, saying which list in Chinese', () => {
    expect(refusal(() => createTicket(t.ctx, sup, ticketInput(t, { district: '南海新区' })))).toBe(
      '「南海新区」不在区县列表中，请从列表中选择（管理员可在“设置 → 基础列表”中添加）。',
    );
    expect(refusal(() => createTicket(t.ctx, sup, ticketInput(t, { city: '深圳' })))).toContain('不在地市列表中');
    expect(t.db.prepare('SELECT count(*) FROM tickets').pluck().get()).toBe(0);
    const { ticket } = createTicket(t.ctx, sup, ticketInput(t, { city: ' 佛山 ', district: '南海区', department: '网络部' }));
    expect(ticket).toMatchObject({ city: '佛山', district: '南海区', department: '网络部' });
  });

  it('transfers (alone or in a batch) and adds collaborators only to departments on the list', () => {
    const { ticket } = createTicket(t.ctx, sup, ticketInput(t));
    expect(refusal(() => actOnTicket(t.ctx, sup, ticket.id, ticket.version, { type: 'transfer', department: '网络部门', assigneeId: null }))).toBe(
      '「网络部门」不在责任部门列表中，请从列表中选择（管理员可在“设置 → 基础列表”中添加）。',
    );
    expect(refusal(() => transferMany(t.ctx, sup, { items: [{ id: ticket.id, version: ticket.version }], department: '网络部门', assigneeId: null }))).toContain(
      '不在责任部门列表中',
    );
    const moved = actOnTicket(t.ctx, sup, ticket.id, ticket.version, { type: 'transfer', department: '网络部', assigneeId: null });
    expect(moved.department).toBe('网络部');
    expect(refusal(() => actOnTicket(t.ctx, sup, ticket.id, moved.version, { type: 'collaborate', department: '财务' }))).toContain('不在责任部门列表中');
  });

  it('refuses a retired value for anything new, while its tickets keep it and the filters still offer it', () => {
    const { ticket } = createTicket(t.ctx, sup, ticketInput(t, { department: '市场部' }));
    setListValueActive(t.ctx, admin, idOf('department', '市场部'), false);
    expect(refusal(() => createTicket(t.ctx, sup, ticketInput(t, { phone: '13900000001', department: '市场部' })))).toBe(
      '责任部门「市场部」已停用，不能再用于新的选择，请从列表中另选一项。',
    );
    expect(refusal(() => createUser(t.ctx, admin, { username: 'a2', displayName: '甲', role: 'agent', department: '市场部', password: 'long-enough-1' }))).toContain('已停用');
    expect(t.ctx.read.tickets.get(ticket.id)!.department).toBe('市场部');
    expect(reportOptions(t.ctx).departments).toContain('市场部');
    setListValueActive(t.ctx, admin, idOf('department', '市场部'), true);
    expect(createTicket(t.ctx, sup, ticketInput(t, { phone: '13900000001', department: '市场部' })).ticket.department).toBe('市场部');
  });
});

describe('keeping the lists', () => {
  it('adds a value once, and says so when it is there already (retired or not)', () => {
    expect(addListValue(t.ctx, admin, 'district', ' 高新区 ')).toMatchObject({ kind: 'district', name: '高新区', active: true });
    expect(refusal(() => addListValue(t.ctx, admin, 'district', '高新区'))).toBe('区县列表中已有「高新区」。');
    setListValueActive(t.ctx, admin, idOf('district', '高新区'), false);
    expect(refusal(() => addListValue(t.ctx, admin, 'district', '高新区'))).toBe('区县列表中已有「高新区」（已停用），请重新启用它而不是再添加一次。');
  });

  it('renames a value on every ticket, collaborator list and account that carries it', () => {
    const a = createTicket(t.ctx, sup, ticketInput(t, { department: '计费中心' })).ticket;
    const b = createTicket(t.ctx, sup, ticketInput(t, { phone: '13900000002', department: '网络部' })).ticket;
    const acc = actOnTicket(t.ctx, sup, b.id, b.version, { type: 'accept' });
    actOnTicket(t.ctx, sup, b.id, acc.version, { type: 'collaborate', department: '计费中心' });
    const billing = addUser(t.ctx, 'billing', 'agent', '计费中心');
    t.clock.advance(60_000);

    const out = renameListValue(t.ctx, admin, idOf('department', '计费中心'), '计费结算中心');

    expect(out).toMatchObject({ merged: false, tickets: 2, value: { name: '计费结算中心', active: true } });
    expect(t.ctx.read.tickets.get(a.id)).toMatchObject({ department: '计费结算中心', updatedAt: t.clock.now });
    expect(t.ctx.read.tickets.get(b.id)!.collaborators).toEqual(['计费结算中心']);
    expect(t.ctx.read.users.get(billing.id)!.department).toBe('计费结算中心');
    expect(lists(t.ctx).find('department', '计费中心')).toBeUndefined();
    const audit = t.db.prepare("SELECT action, subject, details FROM audit_log WHERE action LIKE 'list.%'").all();
    expect(audit).toEqual([{ action: 'list.rename', subject: '计费结算中心', details: JSON.stringify({ kind: 'department', from: '计费中心', tickets: 2 }) }]);
  });

  it('merges 网络部门 into 网络部: one value stays, both sets of tickets carry it', () => {
    addListValue(t.ctx, admin, 'department', '网络部门');
    const a = createTicket(t.ctx, sup, ticketInput(t, { department: '网络部门' })).ticket;
    const b = createTicket(t.ctx, sup, ticketInput(t, { phone: '13900000003', department: '网络部' })).ticket;
    const out = renameListValue(t.ctx, admin, idOf('department', '网络部门'), '网络部');
    expect(out).toMatchObject({ merged: true, tickets: 1, value: { name: '网络部', id: idOf('department', '网络部') } });
    expect([t.ctx.read.tickets.get(a.id)!.department, t.ctx.read.tickets.get(b.id)!.department]).toEqual(['网络部', '网络部']);
    expect(lists(t.ctx).values('department').filter((v) => v.name.startsWith('网络'))).toHaveLength(1);
    expect(reportOptions(t.ctx).departments.filter((d) => d.startsWith('网络'))).toEqual(['网络部']);
  });
});
