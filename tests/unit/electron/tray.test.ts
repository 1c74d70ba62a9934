import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as stub from './electron-stub';

vi.mock('electron', () => import('./electron-stub'));

const { TrayController, TRAY_STATES } = await import('../../../src-main/hosts/electron/tray');
const { appMenuTemplate } = await import('../../../src-main/hosts/electron/menu');
const { trayView } = await import('../../../src-main/hosts/electron/tray-view');

const RESOURCES = path.resolve(import.meta.dirname, '../../../resources');

function setup(locale: 'zh-CN' | 'en' = 'zh-CN') {
  const actions = { open: vi.fn(), lock: vi.fn(), quit: vi.fn(), openTicket: vi.fn() };
  const controller = new TrayController(RESOURCES, locale, actions);
  const tray = stub.Tray.created[0]!;
  const items = () => tray.menu!.template;
  const item = (label: string) => items().find((i) => i.label === label)!;
  return { controller, tray, actions, items, item };
}

beforeEach(() => stub.resetStub());

describe('TrayController', () => {
  it('starts clear, with Open, Lock and Quit', () => {
    const { tray, items, controller } = setup();
    expect(controller.current).toBe('clear');
    expect(tray.image.path).toBe(path.join(RESOURCES, 'tray-clear.png'));
    expect(tray.tooltip).toBe('投诉工作台 · 无超时工单');
    expect(items().map((i) => i.label ?? i.type)).toEqual(['打开工作台', '锁定', 'separator', '退出']);
  });

  it('shows the state, the counts and the most urgent tickets', () => {
    const { controller, tray, items, actions } = setup('en');
    controller.setState('breached', { breached: 2, approaching: 3 }, [
      { id: 11, ticketNo: 'T-001', detail: 'resolution, 2 h late' },
      { id: 12, ticketNo: 'T-002' },
    ]);
    expect(controller.current).toBe('breached');
    expect(tray.image.path).toBe(path.join(RESOURCES, 'tray-breached.png'));
    expect(tray.tooltip).toBe('Complaint Desk · overdue 2 · approaching 3');
    expect(items().map((i) => i.label ?? i.type)).toEqual([
      'T-001  resolution, 2 h late',
      'T-002',
      'separator',
      'Open',
      'Lock',
      'separator',
      'Quit',
    ]);
    items()[1]!.click!();
    expect(actions.openTicket).toHaveBeenCalledWith(12);
  });

  it('counts the volume warnings not yet reviewed in the tooltip, with or without deadlines at risk', () => {
    const { controller, tray } = setup();
    controller.setState('clear', { breached: 0, approaching: 0, warnings: 2 }, []);
    expect(tray.tooltip).toBe('投诉工作台 · 新预警 2');
    controller.setState('breached', { breached: 1, approaching: 0, warnings: 1 }, []);
    expect(tray.tooltip).toBe('投诉工作台 · 新预警 1 · 已超时 1');
  });

  it('lists at most five tickets', () => {
    const { controller, items } = setup();
    const many = Array.from({ length: 9 }, (_, i) => ({ id: i, ticketNo: `T-${i}` }));
    controller.setState('approaching', { breached: 0, approaching: 9 }, many);
    expect(items().filter((i) => i.label?.startsWith('T-'))).toHaveLength(5);
  });

  it('runs the actions from the menu and the icon', () => {
    const { tray, item, actions } = setup();
    item('打开工作台').click!();
    item('锁定').click!();
    item('退出').click!();
    tray.emit('click');
    expect(actions.open).toHaveBeenCalledTimes(2);
    expect(actions.lock).toHaveBeenCalledTimes(1);
    expect(actions.quit).toHaveBeenCalledTimes(1);
  });

  it('has a 16 px and a 32 px PNG for every state', () => {
    for (const state of TRAY_STATES) {
      for (const [file, size] of [
        [`tray-${state}.png`, 16],
        [`tray-${state}@2x.png`, 32],
      ] as const) {
        const png = fs.readFileSync(path.join(RESOURCES, file));
        expect(png.subarray(1, 4).toString('ascii'), file).toBe('PNG');
        expect([png.readUInt32BE(16), png.readUInt32BE(20)], file).toEqual([size, size]);
      }
    }
  });
});

describe('tray view of a deadlines summary', () => {
  const AT = Date.parse('2026-11-02T02:00:00Z');
  const MIN = 60_000;
  const urgent = (i: number, clock: 'first_response' | 'resolution', dueAt: number) => ({
    ticketId: i,
    ticketNo: `T-${i}`,
    clock,
    dueAt,
  });

  it('breached beats approaching beats clear', () => {
    const view = (breached: number, approaching: number) =>
      trayView({ at: AT, counts: { breached, approaching }, urgent: [], reminders: [] }, 'zh-CN').state;
    expect([view(3, 5), view(0, 5), view(0, 0)]).toEqual(['breached', 'approaching', 'clear']);
  });

  it('drives the tray: icon, counts in the tooltip, five tickets with clock and time left, opened by id', () => {
    const { controller, tray, items, actions } = setup();
    const summary = {
      at: AT,
      counts: { breached: 3, approaching: 5 },
      urgent: [
        urgent(21, 'first_response', AT - 125 * MIN),
        urgent(22, 'resolution', AT - 10 * MIN),
        urgent(23, 'resolution', AT + 35 * MIN),
        urgent(24, 'first_response', AT + 90 * MIN),
        urgent(25, 'resolution', AT + 26 * 60 * MIN),
        urgent(26, 'resolution', AT + 30 * 60 * MIN),
      ],
      reminders: [],
    };
    const v = trayView(summary, 'zh-CN');
    controller.setState(v.state, v.counts, v.tickets);
    expect(tray.image.path).toBe(path.join(RESOURCES, 'tray-breached.png'));
    expect(tray.tooltip).toBe('投诉工作台 · 已超时 3 · 即将超时 5');
    expect(items().map((i) => i.label ?? i.type).slice(0, 6)).toEqual([
      'T-21  首次响应 · 超时 2 小时 5 分钟',
      'T-22  办结 · 超时 10 分钟',
      'T-23  办结 · 剩余 35 分钟',
      'T-24  首次响应 · 剩余 1 小时 30 分钟',
      'T-25  办结 · 剩余 1 天 2 小时',
      'separator',
    ]);
    items()[2]!.click!();
    expect(actions.openTicket).toHaveBeenCalledWith(23);

    const en = trayView({ ...summary, counts: { breached: 0, approaching: 1 }, urgent: summary.urgent.slice(2, 3) }, 'en');
    expect(en.tickets).toEqual([{ id: 23, ticketNo: 'T-23', detail: 'resolution · 35 min left' }]);
    controller.setState(en.state, en.counts, en.tickets);
    expect(tray.image.path).toBe(path.join(RESOURCES, 'tray-approaching.png'));
  });

  it("lists the monthly report's reminders first, counts them in the tooltip, and opens the console from them", () => {
    const { controller, tray, items, actions } = setup();
    const v = trayView(
      {
        at: AT,
        counts: { breached: 0, approaching: 0 },
        urgent: [],
        reminders: [
          { kind: 'upload_failing', month: '2026-10', revision: 2, state: 'failed', failingSince: AT - 25 * 60 * MIN, lastError: 'HTTP 503', nextAttemptAt: AT + 60 * MIN },
          { kind: 'month_not_sent', month: '2026-11', queued: false },
        ],
      },
      'zh-CN',
    );
    expect(v.notes).toEqual(['⚠ 2026-10 上报失败超过一天', '⚠ 2026-11 尚未上报']);
    controller.setState(v.state, v.counts, v.tickets, v.notes);
    expect(tray.tooltip).toBe('投诉工作台 · 无超时工单 · 上报提醒 2');
    expect(items().map((i) => i.label ?? i.type)).toEqual(['⚠ 2026-10 上报失败超过一天', '⚠ 2026-11 尚未上报', 'separator', '打开工作台', '锁定', 'separator', '退出']);
    items()[0]!.click!();
    expect(actions.open).toHaveBeenCalledTimes(1);
    const en = trayView({ at: AT, counts: { breached: 1, approaching: 0 }, urgent: [], reminders: [{ kind: 'month_not_sent', month: '2026-11', queued: true }] }, 'en');
    expect(en.notes).toEqual(['⚠ 2026-11 not sent to headquarters']);
  });
});

describe('app menu', () => {
  const actions = { lock: vi.fn(), quit: vi.fn(), about: vi.fn() };

  it('offers Lock and Quit, and developer tools only while developing', () => {
    const roles = (t: ReturnType<typeof appMenuTemplate>) =>
      t.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : [])).map((i) => i.role ?? i.label);
    const shipped = roles(appMenuTemplate('zh-CN', actions, false));
    expect(shipped).toEqual(expect.arrayContaining(['锁定', '退出', 'copy', 'paste']));
    expect(shipped).not.toContain('toggleDevTools');
    expect(shipped).not.toContain('reload');
    expect(roles(appMenuTemplate('en', actions, true))).toEqual(expect.arrayContaining(['Lock', 'toggleDevTools']));
  });
});
