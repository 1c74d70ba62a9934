/**
 * Changing the deadline policy in two steps: the preview says what the new
 * policy would do to the running clocks and writes nothing; the confirmed save
 * writes it and recomputes in one transaction, and is refused whole when the
 * stored policy changed since the preview. Every due time below is worked out
 * by hand from the shipped rules (10086 normal: response 4 h, resolution 48 h;
 * 12300: 1 h, 12 h; walk-in normal: 2 h, 48 h).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addUser, categoryId, tempDb, type TestDb } from '../../helpers/temp-db';
import { createTicket, type NewTicketInput } from '../../../src-main/services/tickets';
import { ticketClockViews } from '../../../src-main/services/deadlines';
import { getPolicy, previewPolicy, savePolicy, type SlaPolicyInput } from '../../../src-main/services/sla-policy';
import { messageFor } from '../../../src-main/core/messages';
import type { DomainError } from '../../../src-main/core/errors';
import type { UserInfo } from '../../../src-main/core/model';

const H = 3_600_000;
let t: TestDb;
let admin: UserInfo;
let other: UserInfo;
let t0: number;

beforeEach(() => {
  t = tempDb();
  admin = addUser(t.ctx, 'admin2', 'admin', '客服中心');
  other = addUser(t.ctx, 'admin3', 'admin', '客服中心');
  t0 = t.clock.now;
});
afterEach(() => t.close());

const ticket = (over: Partial<NewTicketInput>) =>
  createTicket(t.ctx, admin, {
    channel: '10086',
    receivedAt: t0,
    phone: '13812345678',
    categoryId: categoryId(t.ctx, '网络质量>信号覆盖'),
    level: 'normal',
    description: '信号差',
    ...over,
  }).ticket;
const due = (id: number, kind: string) => ticketClockViews(t.ctx, id).find((c) => c.clock === kind)!.dueAt;

/** 10086 normal resolution 48 h → 36 h, 12300 response 1 h → 30 min, walk-in normal resolution 48 h → 72 h. */
function changed(p: SlaPolicyInput): SlaPolicyInput {
  const limits: Record<string, Partial<SlaPolicyInput['rules'][number]>> = {
    '10086-normal': { resolutionMin: 36 * 60 },
    '12300': { firstResponseMin: 30 },
    'other-normal': { resolutionMin: 72 * 60 },
  };
  return { ...p, rules: p.rules.map((r) => ({ ...r, ...limits[r.id] })) };
}
const inputOf = ({ version: _v, official: _o, calendarSaved: _c, shippedRules: _s, ...p }: ReturnType<typeof getPolicy>): SlaPolicyInput => p;

describe('previewing a deadline policy', () => {
  it('counts the tickets and clocks that move, earlier and later, and lists them soonest first — writing nothing', () => {
    const hotline = ticket({});
    const miit = ticket({ channel: '12300', phone: '13900000001' });
    const walkIn = ticket({ channel: 'store', phone: '13900000002', categoryId: categoryId(t.ctx, '服务质量>营业厅等待') });
    t.clock.advance(0.75 * H); // 45 min in: the 12300 response (due at 1 h) is not late yet, but would be at 30 min
    const before = getPolicy(t.ctx);

    const preview = previewPolicy(t.ctx, changed(inputOf(before)));

    expect(preview).toMatchObject({ version: before.version, openTickets: 3, clocks: 6, tickets: 3, earlier: 2, later: 1, unknown: 0, overdueAtOnce: 1 });
    expect(preview.sample).toEqual([
      { ticketId: miit.id, ticketNo: miit.ticketNo, clock: 'first_response', before: t0 + 1 * H, after: t0 + 0.5 * H, ruleBefore: '12300', ruleAfter: '12300' },
      { ticketId: hotline.id, ticketNo: hotline.ticketNo, clock: 'resolution', before: t0 + 48 * H, after: t0 + 36 * H, ruleBefore: '10086-normal', ruleAfter: '10086-normal' },
      { ticketId: walkIn.id, ticketNo: walkIn.ticketNo, clock: 'resolution', before: t0 + 48 * H, after: t0 + 72 * H, ruleBefore: 'other-normal', ruleAfter: 'other-normal' },
    ]);
    // Nothing written: the clocks, the stored policy and the audit log are as they were.
    expect(due(hotline.id, 'resolution')).toBe(t0 + 48 * H);
    expect(due(miit.id, 'first_response')).toBe(t0 + 1 * H);
    expect(getPolicy(t.ctx).version).toBe(before.version);
    expect(t.ctx.audit.count({ action: 'sla.policy' })).toBe(0);
  });

  it('the confirmed save writes the policy and recomputes the clocks as previewed', () => {
    const hotline = ticket({});
    const preview = previewPolicy(t.ctx, changed(inputOf(getPolicy(t.ctx))));
    const saved = savePolicy(t.ctx, admin.id, changed(inputOf(getPolicy(t.ctx))), preview.version);
    expect(saved.recomputed).toBe(1);
    expect(saved.version).not.toBe(preview.version);
    expect(due(hotline.id, 'resolution')).toBe(t0 + 36 * H);
    expect(t.ctx.audit.count({ action: 'sla.policy' })).toBe(1);
  });

  it('refuses a save whose preview was made against a policy someone else has since changed, and writes nothing', () => {
    const hotline = ticket({});
    const start = inputOf(getPolicy(t.ctx));
    const preview = previewPolicy(t.ctx, changed(start));
    // Meanwhile another admin shortens the 10086 resolution to 40 h.
    const theirs = { ...start, rules: start.rules.map((r) => (r.id === '10086-normal' ? { ...r, resolutionMin: 40 * 60 } : r)) };
    savePolicy(t.ctx, other.id, theirs, preview.version);

    let refused: DomainError | null = null;
    try {
      savePolicy(t.ctx, admin.id, changed(start), preview.version);
    } catch (e) {
      refused = e as DomainError;
    }
    expect(refused?.code).toBe('sla_policy_changed');
    expect(messageFor(refused!, 'zh-CN')).toBe('处理时限规则在您预览之后已被他人修改并保存，本次未保存。请在最新规则上重新预览，再确认保存。');
    expect(getPolicy(t.ctx).rules.find((r) => r.id === '10086-normal')!.resolutionMin).toBe(40 * 60);
    expect(due(hotline.id, 'resolution')).toBe(t0 + 40 * H);
    expect(t.ctx.audit.count({ action: 'sla.policy' })).toBe(1);
  });

  it('refuses to preview a policy the save would refuse', () => {
    const p = inputOf(getPolicy(t.ctx));
    const bad = { ...p, rules: p.rules.map((r) => (r.id === '12300' ? { ...r, firstResponseMin: 0 } : r)) };
    expect(() => previewPolicy(t.ctx, bad)).toThrow(expect.objectContaining({ code: 'sla_policy_invalid' }));
  });
});

describe('the holiday calendar', () => {
  it('is pre-filled with this year’s official holidays and make-up days until an admin saves one; next year is said to be missing when not yet announced', () => {
    const p = getPolicy(t.ctx); // the clock: 2 November 2026
    expect(p.calendarSaved).toBe(false);
    expect(p.official.years).toEqual([2026, 2027]);
    // chinese-days 1.5.7 has no 2027 yet: said, not passed off as a year without holidays.
    expect(p.official.missingYears).toEqual([2027]);
    // National Day 2026: 1–7 October off, Sunday 20 September and Saturday 10 October worked.
    for (const d of ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07']) expect(p.calendar.holidays).toContain(d);
    expect(p.calendar.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect(p.official.holidays.find((d) => d.date === '2026-02-17')).toEqual({ date: '2026-02-17', name: '春节' });
    expect(p.calendar.holidays).not.toContain('2026-10-08');

    // Saved with one holiday taken out: the saved calendar is the admin's, not refilled.
    const edited = { ...inputOf(p), calendar: { ...p.calendar, holidays: p.calendar.holidays.filter((d) => d !== '2026-10-07') } };
    savePolicy(t.ctx, admin.id, edited, p.version);
    const after = getPolicy(t.ctx);
    expect(after.calendarSaved).toBe(true);
    expect(after.calendar.holidays).not.toContain('2026-10-07');
    expect(after.calendar.holidays).toContain('2026-10-06');
  });
});
