/** What the API says about bad input: which field, which rule, never `internal`, and nothing written. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { categoryId, tempDb, type TestDb } from '../../helpers/temp-db';
import { createApiServer, type ApiServer } from '../../../src-main/api/server';
import type { SessionSlot } from '../../../src-main/api/handlers';

let t: TestDb;
let api: ApiServer;
let s: SessionSlot;

const slot = (): SessionSlot => {
  let token: string | null = null;
  return { get: () => token, set: (v) => void (token = v) };
};
const setup = { username: 'admin', displayName: '管理员', password: 'correct horse', branchName: '南海分公司', branchId: 'FS-NH' };
const DAY = 24 * 3_600_000;
const counts = () => t.db.prepare('SELECT (SELECT count(*) FROM tickets) AS tickets, (SELECT count(*) FROM ticket_events) AS events').get();

beforeEach(async () => {
  t = tempDb();
  api = createApiServer(t.ctx, { log: () => {} });
  s = slot();
  await api.call('auth/setup', setup, s, 'en');
});
afterEach(() => t.close());

const base = () => ({ channel: '10086', receivedAt: t.clock.now - 1000, phone: '13812345678', categoryId: categoryId(t.ctx, '宽带'), description: '宽带掉线' });

describe('tickets/create refuses bad input by name', () => {
  it('an unknown assignee is the assignee field, not an internal error', async () => {
    const en = await api.call('tickets/create', { ...base(), assigneeId: 999 }, s, 'en');
    expect(en).toEqual({
      ok: false,
      error: { code: 'validation', message: 'No active account has id 999, so it cannot be the assignee.', details: { field: 'assigneeId' } },
    });
    const zh = await api.call('tickets/create', { ...base(), assigneeId: 999 }, s, 'zh-CN');
    expect(zh).toMatchObject({ ok: false, error: { message: '找不到处理人：没有编号为 999 的在用账号。' } });
    expect(counts()).toEqual({ tickets: 0, events: 0 });
  });

  it('received times outside a sane window: 1970 and next week are refused, a year ago less a day is fine', async () => {
    expect(await api.call('tickets/create', { ...base(), receivedAt: 1 }, s, 'en')).toMatchObject({
      ok: false,
      error: { code: 'validation', message: 'The received time cannot be more than a year ago (bring older tickets in through the CRM import).' },
    });
    expect(await api.call('tickets/create', { ...base(), receivedAt: t.clock.now + 7 * DAY }, s, 'en')).toMatchObject({
      ok: false,
      error: { message: 'The received time cannot be in the future.' },
    });
    expect(counts()).toEqual({ tickets: 0, events: 0 });
    expect((await api.call('tickets/create', { ...base(), receivedAt: t.clock.now - 365 * DAY }, s, 'en')).ok).toBe(true);
  });

  it.each([
    ['a NUL in the ticket number', { ticketNo: 'GD\u0000001' }, 'ticket number'],
    ['an ANSI escape in the name', { customerName: '\u001b[31m王女士\u001b[0m' }, 'customerName'],
    ['a bell in the description', { description: '宽带\u0007掉线' }, 'description'],
    ['a right-to-left override in the district', { district: '城关\u202e区' }, 'district'],
  ])('control characters are refused: %s', async (_what, change, field) => {
    const r = await api.call('tickets/create', { ...base(), ...change }, s, 'en');
    expect(r).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!r.ok) expect(r.error.message).toBe(`The ${field} contains control characters (invisible codes such as NUL or terminal escapes); remove them and try again.`);
    expect(counts()).toEqual({ tickets: 0, events: 0 });
  });

  it('line breaks and tabs in a description are text, and are kept', async () => {
    const r = await api.call('tickets/create', { ...base(), description: '晚上断网\r\n\t已重启光猫' }, s, 'en');
    expect(r).toMatchObject({ ok: true, value: { ticket: { description: '晚上断网\r\n\t已重启光猫' } } });
  });
});

describe('validation messages name the field and the bound', () => {
  it('a negative offset is "at least 0", not "please fill in"', async () => {
    expect(await api.call('tickets/list', { offset: -1 }, s, 'en')).toMatchObject({ ok: false, error: { message: 'The offset must be at least 0.' } });
    expect(await api.call('tickets/list', { offset: -1 }, s, 'zh-CN')).toMatchObject({ ok: false, error: { message: '起始行不能小于 0。' } });
    expect(await api.call('tickets/list', { limit: 501 }, s, 'en')).toMatchObject({ ok: false, error: { message: 'The page size must be at most 500.' } });
  });

  it('never "The  is not valid." with an empty field name', async () => {
    const notAnObject = await api.call('tickets/list', [1, 2], s, 'en');
    expect(notAnObject).toMatchObject({ ok: false, error: { code: 'validation', message: 'The request is not valid.' } });
    const extra = await api.call('tickets/list', { offset: 0, sneaky: true }, s, 'en');
    expect(extra).toMatchObject({ ok: false, error: { message: 'The request has a field this console does not know: "sneaky".' } });
    const zh = await api.call('tickets/list', [1, 2], s, 'zh-CN');
    expect(zh).toMatchObject({ ok: false, error: { message: '请求内容的格式不对。' } });
  });
});
