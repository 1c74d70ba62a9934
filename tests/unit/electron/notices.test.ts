/**
 * Desktop notifications for alert batches: a few fire one by one, many as one
 * grouped notice, the catch-up at start always grouped; the words in zh-CN or
 * English; a click opens the console or the one ticket.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as stub from './electron-stub';
import { AT, MIN, alert, batch, many } from './alert-fixtures';

vi.mock('electron', () => import('./electron-stub'));

const { noticesFor } = await import('../../../src-main/hosts/electron/alert-notices');
const { duration, timeLeft } = await import('../../../src-main/hosts/electron/alert-words');
const { AlertNotifier } = await import('../../../src-main/hosts/electron/notifier');

const H = 60 * MIN;

beforeEach(() => stub.resetStub());

describe('alert notices', () => {
  it('shows up to three alerts one by one, each naming its ticket', () => {
    const notices = noticesFor(
      batch([
        alert({ id: 1, dueAt: AT - 5 * MIN }),
        alert({ id: 2, kind: 'approaching', clock: 'first_response', dueAt: AT + H + 12 * MIN }),
        alert({ id: 3, kind: 'escalated', step: 1, targetRole: 'supervisor', dueAt: AT - 2 * H }),
      ]),
      'zh-CN',
    );
    expect(notices).toEqual([
      { title: '工单 CD-20261102-0001 已超时', body: '办结 · 超时 5 分钟', ticketId: 1 },
      { title: '工单 CD-20261102-0002 即将超时', body: '首次响应 · 剩余 1 小时 12 分钟', ticketId: 2 },
      { title: '工单 CD-20261102-0003 已升级', body: '办结 · 超时 2 小时 · 升级至主管', ticketId: 3 },
    ]);
  });

  it('groups more than three into one notice counted in tickets', () => {
    // Two clocks of ticket 1 breached count as one ticket.
    const alerts = [...many(5, 12), alert({ id: 99, ticketId: 1, clock: 'first_response' })];
    expect(noticesFor(batch(alerts), 'zh-CN')).toEqual([
      { title: '投诉工作台', body: '5 个工单已超时，12 个即将超时', ticketId: null },
    ]);
    expect(noticesFor(batch(many(1, 3)), 'en')).toEqual([
      { title: 'Complaint Desk', body: '1 ticket overdue, 3 approaching', ticketId: null },
    ]);
  });

  it('always groups the catch-up at start, even for one alert', () => {
    expect(noticesFor(batch(many(1, 0), true), 'zh-CN')).toEqual([
      { title: '投诉工作台', body: '控制台关闭期间：1 个工单已超时', ticketId: null },
    ]);
    const escalated = alert({ id: 9, kind: 'escalated', step: 2, targetRole: 'manager' });
    expect(noticesFor(batch([...many(2, 4), escalated], true), 'en')[0]!.body).toBe(
      'While the console was closed: 2 tickets overdue, 4 approaching, 1 overdue and escalated',
    );
    expect(noticesFor(batch([], true), 'zh-CN')).toEqual([]);
  });

  it('counts each ticket once, at the latest stage it reached in the batch', () => {
    // Ticket 1 fired every stage at once; ticket 2 only approached.
    const alerts = [
      alert({ id: 1, ticketId: 1, kind: 'approaching', threshold: 0.8 }),
      alert({ id: 2, ticketId: 1, kind: 'breached' }),
      alert({ id: 3, ticketId: 1, kind: 'escalated', step: 1, targetRole: 'supervisor' }),
      alert({ id: 4, ticketId: 1, kind: 'escalated', step: 2, targetRole: 'manager' }),
      alert({ id: 5, ticketId: 2, kind: 'approaching', threshold: 0.8 }),
    ];
    expect(noticesFor(batch(alerts), 'zh-CN')[0]!.body).toBe('1 个工单即将超时，1 个已超时并升级');
  });

  it('speaks English when asked', () => {
    const [n] = noticesFor(batch([alert({ kind: 'approaching', clock: 'follow_up', dueAt: AT + 30 * MIN })]), 'en');
    expect(n).toEqual({ title: 'Ticket CD-20261102-0001 approaching', body: 'follow-up · 30 min left', ticketId: 1 });
  });

  it('says how long in at most two units, rounded down', () => {
    expect(duration(59 * 1000, 'zh-CN')).toBe('0 分钟');
    expect(duration(3 * H, 'zh-CN')).toBe('3 小时');
    expect(duration(2 * 24 * H + 3 * H + 59 * MIN, 'en')).toBe('2 d 3 h');
    expect(timeLeft(AT + 20 * 1000, AT, 'zh-CN')).toBe('已到时限');
    expect(timeLeft(AT - 90 * MIN, AT, 'en')).toBe('1 h 30 min overdue');
  });
});

describe('AlertNotifier', () => {
  function setup() {
    const actions = { open: vi.fn(), openTicket: vi.fn(), openWarnings: vi.fn() };
    return { actions, notifier: new AlertNotifier('zh-CN', actions) };
  }

  it('shows each notice; a click on one about a ticket opens that ticket', () => {
    const { notifier, actions } = setup();
    notifier.notify(batch(many(2, 0)));
    expect(stub.Notification.shown.map((n) => n.options.title)).toEqual([
      '工单 CD-20261102-0001 已超时',
      '工单 CD-20261102-0002 已超时',
    ]);
    stub.Notification.shown[1]!.emit('click');
    expect(actions.openTicket).toHaveBeenCalledWith(2);
    expect(actions.open).not.toHaveBeenCalled();
  });

  it('a click on a grouped notice opens the console', () => {
    const { notifier, actions } = setup();
    notifier.notify(batch(many(0, 1), true));
    expect(stub.Notification.shown).toHaveLength(1);
    stub.Notification.shown[0]!.emit('click');
    expect(actions.open).toHaveBeenCalledTimes(1);
    expect(actions.openTicket).not.toHaveBeenCalled();
  });

  it('volume warnings: one notice per check naming the warning, or counting them; a click opens the 预警 page there', () => {
    const { notifier, actions } = setup();
    const one = { kind: 'raised' as const, id: 1, category: '资费计费', scope: 'district:鼓楼', district: '鼓楼', period: 'month' as const, level: 'orange' as const, count: 33 };
    notifier.notifyWarnings({ at: AT, notices: [one] });
    notifier.notifyWarnings({ at: AT, notices: [one, { ...one, id: 2, kind: 'level_raised', scope: 'branch', district: null, level: 'red' }] });
    notifier.notifyWarnings({ at: AT, notices: [] });
    expect(stub.Notification.shown.map((n) => [n.options.title, n.options.body])).toEqual([
      ['投诉预警', '资费计费 · 鼓楼 · 本月：33 件，橙色预警'],
      ['投诉预警', '2 条投诉预警新发或升级'],
    ]);
    stub.Notification.shown[0]!.emit('click');
    expect(actions.openWarnings).toHaveBeenLastCalledWith(1);
    stub.Notification.shown[1]!.emit('click');
    expect(actions.openWarnings).toHaveBeenLastCalledWith(null);
    expect(actions.open).not.toHaveBeenCalled();
  });

  it('stays quiet where the system has no notifications', () => {
    stub.Notification.supported = false;
    setup().notifier.notify(batch(many(1, 0)));
    expect(stub.Notification.shown).toHaveLength(0);
  });
});

describe("the monthly report's reminders on the desktop", () => {
  const failing = { kind: 'upload_failing' as const, month: '2026-10', revision: 2, state: 'failed' as const, failingSince: AT - 26 * H - 5 * MIN, lastError: 'HTTP 503', nextAttemptAt: AT + H };

  it('shows each fresh reminder once as a notice; a click opens the console', () => {
    const actions = { open: vi.fn(), openTicket: vi.fn(), openWarnings: vi.fn() };
    const notifier = new AlertNotifier('zh-CN', actions);
    notifier.remind([failing, { kind: 'month_not_sent', month: '2026-11', queued: true }], AT);
    expect(stub.Notification.shown.map((n) => [n.options.title, n.options.body])).toEqual([
      ['月度上报失败已超过一天', '2026-10 第 2 版已连续 1 天 2 小时 未能送达，仍在自动重试。最近错误：HTTP 503。'],
      ['请上报上月数据', '2026-11 尚未上报总部。已排队，尚未送达总部。请在“上报”页导出并发送。'],
    ]);
    stub.Notification.shown[0]!.emit('click');
    expect(actions.open).toHaveBeenCalledTimes(1);
  });

  it('says when headquarters refused the month, in English too', () => {
    const notifier = new AlertNotifier('en', { open: vi.fn(), openTicket: vi.fn(), openWarnings: vi.fn() });
    notifier.remind([{ ...failing, state: 'rejected', nextAttemptAt: null, lastError: 'HTTP 422 bad_signature' }], AT);
    expect(stub.Notification.shown[0]!.options).toEqual({
      title: 'Headquarters refused the monthly report',
      body: '2026-10 revision 2 was refused 1 d 2 h ago and will not be retried. Last error: HTTP 422 bad_signature.',
    });
  });
});
