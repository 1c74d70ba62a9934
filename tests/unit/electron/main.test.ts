/**
 * The main process's wiring, run against the electron stand-in: single
 * instance, the relay registered, one hardened window, the tray and the menu,
 * events from the service process reaching the window, the tray following the
 * deadlines summary, alerts as desktop notifications and to a logged-in page.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as stub from './electron-stub';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CALL_CHANNEL, EVENT_CHANNEL, SAVE_FILE_CHANNEL } from '../../../src-main/api/bridge';
import { AT, MIN, batch, many } from './alert-fixtures';

vi.mock('electron', () => import('./electron-stub'));

async function startMain(env: Record<string, string> = {}) {
  vi.resetModules();
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
  vi.stubEnv('COMPLAINT_DESK_DB', '');
  vi.stubEnv('COMPLAINT_DESK_HOME', '');
  vi.stubEnv('COMPLAINT_DESK_SQLITE_BINDING', '');
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  await import('../../../src-main/hosts/electron/main');
  await new Promise((r) => setImmediate(r));
}

beforeEach(() => {
  stub.resetStub();
  vi.unstubAllEnvs();
});

describe('electron main', () => {
  it('quits at once when another instance holds the lock', async () => {
    stub.app.singleInstance = false;
    await startMain();
    expect(stub.app.quitCalls).toBe(1);
    expect(stub.BrowserWindow.created).toHaveLength(0);
    expect(stub.ipcMain.handlers.size).toBe(0);
  });

  it('opens one hardened window on the built renderer, with tray, menu and relay', async () => {
    await startMain();
    expect(stub.BrowserWindow.created).toHaveLength(1);
    const win = stub.BrowserWindow.created[0]!;
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String((win.options.webPreferences as { preload: string }).preload)).toMatch(/preload[/\\]preload\.cjs$/);
    // The renderer comes from the privileged desk:// scheme, served from out/renderer — never file://.
    expect(win.loadedUrl).toBe('desk://app/index.html');
    expect(stub.protocol.privileged).toEqual([
      { scheme: 'desk', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    expect(stub.protocol.handlers.has('desk')).toBe(true);
    expect(stub.Tray.created).toHaveLength(1);
    expect(stub.Menu.applicationMenu).not.toBeNull();
    expect(stub.ipcMain.handlers.has(CALL_CHANNEL)).toBe(true);
    expect(stub.session.defaultSession.headersListener).not.toBeNull();
    expect(stub.app.getPath('userData')).toBe('/tmp/appdata/Complaint Desk');
  });

  it('relays a call from the window to the service process and back', async () => {
    await startMain({ COMPLAINT_DESK_DB: '/data/desk.db' });
    const win = stub.BrowserWindow.created[0]!;
    const handler = stub.ipcMain.handlers.get(CALL_CHANNEL)!;
    const event = { sender: { id: win.webContents.id }, senderFrame: { url: win.loadedUrl, parent: null } };

    const answer = handler(event, 'auth/status', {}, 'en') as Promise<unknown>;
    const proc = stub.utilityProcess.forked[0]!;
    expect(proc.modulePath).toMatch(/service-process\.js$/);
    expect(proc.options.env?.COMPLAINT_DESK_DB).toBe('/data/desk.db');
    const request = proc.posted[0] as { id: number; senderId: number; method: string };
    expect(request).toMatchObject({ kind: 'call', senderId: win.webContents.id, method: 'auth/status' });
    proc.emit('message', { kind: 'response', id: request.id, response: { ok: true, value: 'hello' } });
    await expect(answer).resolves.toEqual({ ok: true, value: 'hello' });

    // Events from the service process reach the window.
    proc.emit('message', { kind: 'event', event: { type: 'auth/locked', payload: null } });
    expect(win.webContents.sent).toEqual([{ channel: EVENT_CHANNEL, args: [{ type: 'auth/locked', payload: null }] }]);

    // A page in another web contents is refused.
    const foreign = { sender: { id: 999 }, senderFrame: { url: win.loadedUrl, parent: null } };
    await expect(Promise.resolve(handler(foreign, 'auth/status', {}, 'en'))).rejects.toThrow('refused');
  });

  it('keeps the database in the per-user folder unless COMPLAINT_DESK_DB says otherwise', async () => {
    await startMain();
    const handler = stub.ipcMain.handlers.get(CALL_CHANNEL)!;
    const win = stub.BrowserWindow.created[0]!;
    void handler({ sender: { id: win.webContents.id }, senderFrame: { url: win.loadedUrl, parent: null } }, 'auth/status', {}, 'en');
    expect(stub.utilityProcess.forked[0]!.options.env?.COMPLAINT_DESK_DB).toBe('/tmp/appdata/Complaint Desk/complaint-desk.db');
  });

  it('tray Lock asks the service process to end the sessions; Quit really quits', async () => {
    await startMain();
    const win = stub.BrowserWindow.created[0]!;
    const handler = stub.ipcMain.handlers.get(CALL_CHANNEL)!;
    void handler({ sender: { id: win.webContents.id }, senderFrame: { url: win.loadedUrl, parent: null } }, 'auth/status', {}, 'en');
    const items = stub.Tray.created[0]!.menu!.template;
    items.find((i) => i.label === '锁定')!.click!();
    expect(stub.utilityProcess.forked[0]!.posted.at(-1)).toEqual({ kind: 'lock' });

    expect(win.tryClose()).toBe(false); // hides to the tray
    items.find((i) => i.label === '退出')!.click!();
    expect(stub.app.quitCalls).toBe(1);
    expect(win.tryClose()).toBe(true);
  });

  it('loads the dev server only when not packaged', async () => {
    await startMain({ ELECTRON_RENDERER_URL: 'http://localhost:5173' });
    expect(stub.BrowserWindow.created[0]!.loadedUrl).toBe('http://localhost:5173');
    stub.resetStub();
    stub.app.isPackaged = true;
    await startMain({ ELECTRON_RENDERER_URL: 'http://evil.example' });
    expect(stub.BrowserWindow.created[0]!.loadedUrl).toBe('desk://app/index.html');
  });

  it('gives the service process only the environment it needs', async () => {
    await startMain({
      COMPLAINT_DESK_DB: '/data/desk.db',
      GITHUB_TOKEN: 'ghp_secret',
      NODE_OPTIONS: '--require /tmp/evil.js',
      HTTPS_PROXY: 'http://proxy.example:3128',
      TMPDIR: '/var/tmp/desk',
      LANG: 'zh_CN.UTF-8',
    });
    const env = stub.utilityProcess.forked[0]!.options.env!;
    expect(env.COMPLAINT_DESK_DB).toBe('/data/desk.db');
    expect(env.TMPDIR).toBe('/var/tmp/desk');
    expect(env.LANG).toBe('zh_CN.UTF-8');
    expect(env).not.toHaveProperty('GITHUB_TOKEN');
    expect(env).not.toHaveProperty('NODE_OPTIONS');
    expect(env).not.toHaveProperty('HTTPS_PROXY');
    expect(env).not.toHaveProperty('PATH');
    const allowed = ['COMPLAINT_DESK_DB', 'COMPLAINT_DESK_SQLITE_BINDING', 'TMPDIR', 'TEMP', 'TMP', 'SystemRoot', 'SYSTEMROOT', 'windir', 'HOME', 'USERPROFILE', 'TZ', 'LANG', 'LC_ALL', 'LC_MESSAGES'];
    for (const name of Object.keys(env)) expect(allowed, name).toContain(name);
  });

  it('starts the service process at once: the monitor runs before any page calls', async () => {
    await startMain();
    expect(stub.utilityProcess.forked).toHaveLength(1);
    expect(stub.utilityProcess.forked[0]!.posted).toEqual([]);
  });

  it('redraws the tray from each summary; a ticket in its menu opens in the window', async () => {
    await startMain();
    const proc = stub.utilityProcess.forked[0]!;
    const win = stub.BrowserWindow.created[0]!;
    const tray = stub.Tray.created[0]!;
    const summary = {
      at: AT,
      counts: { breached: 1, approaching: 2 },
      urgent: [{ ticketId: 41, ticketNo: 'CD-0041', clock: 'resolution', dueAt: AT - 3 * MIN }],
    };
    proc.emit('message', { kind: 'summary', summary });
    expect(tray.image.path).toMatch(/tray-breached\.png$/);
    expect(tray.tooltip).toBe('投诉工作台 · 已超时 1 · 即将超时 2');
    const item = tray.menu!.template[0]!;
    expect(item.label).toBe('CD-0041  办结 · 超时 3 分钟');

    expect(win.visible).toBe(false);
    item.click!();
    expect(win.visible).toBe(true);
    expect(win.webContents.sent).toEqual([{ channel: EVENT_CHANNEL, args: [{ type: 'open-ticket', payload: { id: 41 } }] }]);

    proc.emit('message', { kind: 'summary', summary: { at: AT, counts: { breached: 0, approaching: 0 }, urgent: [] } });
    expect(tray.image.path).toMatch(/tray-clear\.png$/);
    expect(tray.tooltip).toBe('投诉工作台 · 无超时工单');
  });

  it('notifies the desktop of every batch, but forwards it only to a window with a live session', async () => {
    await startMain();
    const proc = stub.utilityProcess.forked[0]!;
    const win = stub.BrowserWindow.created[0]!;
    const few = batch(many(2, 1));

    proc.emit('message', { kind: 'alerts', batch: few, recipients: [] });
    expect(win.webContents.sent).toEqual([]);
    expect(stub.Notification.shown).toHaveLength(3);

    proc.emit('message', { kind: 'alerts', batch: few, recipients: [win.webContents.id] });
    expect(win.webContents.sent).toEqual([{ channel: EVENT_CHANNEL, args: [{ type: 'alerts', payload: few }] }]);

    // A single alert's notice opens its ticket.
    stub.Notification.shown[2]!.emit('click');
    expect(win.visible).toBe(true);
    expect(win.webContents.sent.at(-1)).toEqual({ channel: EVENT_CHANNEL, args: [{ type: 'open-ticket', payload: { id: 3 } }] });
  });

  it('groups many alerts, and the catch-up at start, into one notice that opens the console', async () => {
    await startMain({ COMPLAINT_DESK_DB: '/data/desk.db' });
    const proc = stub.utilityProcess.forked[0]!;
    const win = stub.BrowserWindow.created[0]!;
    proc.emit('message', { kind: 'alerts', batch: batch(many(5, 12)), recipients: [] });
    proc.emit('message', { kind: 'alerts', batch: batch(many(2, 0), true), recipients: [] });
    expect(stub.Notification.shown.map((n) => n.options.body)).toEqual([
      '5 个工单已超时，12 个即将超时',
      '控制台关闭期间：2 个工单已超时',
    ]);
    stub.Notification.shown[1]!.emit('click');
    expect(win.visible).toBe(true);
    expect(win.webContents.sent).toEqual([]);
  });

  it("shows the monthly report's fresh reminders as notices, passes the list to the window and the tray", async () => {
    await startMain({ COMPLAINT_DESK_DB: '/data/desk.db' });
    const proc = stub.utilityProcess.forked[0]!;
    const win = stub.BrowserWindow.created[0]!;
    const tray = stub.Tray.created[0]!;
    const unsent = { kind: 'month_not_sent', month: '2026-10', queued: false } as const;
    const event = { at: AT, reminders: [unsent], fresh: [unsent] };
    proc.emit('message', { kind: 'reminders', event });
    expect(stub.Notification.shown.map((n) => n.options.title)).toEqual(['请上报上月数据']);
    expect(win.webContents.sent).toEqual([{ channel: EVENT_CHANNEL, args: [{ type: 'upload-reminders', payload: event }] }]);
    // Told again with nothing fresh (the list changed elsewhere): no second notice.
    proc.emit('message', { kind: 'reminders', event: { ...event, fresh: [] } });
    expect(stub.Notification.shown).toHaveLength(1);
    proc.emit('message', { kind: 'summary', summary: { at: AT, counts: { breached: 0, approaching: 0 }, urgent: [], reminders: [unsent] } });
    expect(tray.menu!.template[0]!.label).toBe('⚠ 2026-10 尚未上报');
  });

  it("saves the month's bundle the window sends through the save dialog over that window, and only for our window", async () => {
    await startMain();
    const win = stub.BrowserWindow.created[0]!;
    const handler = stub.ipcMain.handlers.get(SAVE_FILE_CHANNEL)!;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'main-save-'));
    try {
      const target = path.join(dir, 'complaint-desk-FS-NH-2026-10-r1.zip');
      stub.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
      const event = { sender: { id: win.webContents.id }, senderFrame: { url: win.loadedUrl, parent: null } };
      const bytes = new Uint8Array([0x50, 0x4b, 5, 6]);
      await expect(Promise.resolve(handler(event, 'complaint-desk-FS-NH-2026-10-r1.zip', bytes))).resolves.toEqual({ path: target });
      expect(stub.dialog.showSaveDialog).toHaveBeenCalledWith(win, {
        defaultPath: path.join('/tmp/documents', 'complaint-desk-FS-NH-2026-10-r1.zip'),
        filters: [{ name: 'ZIP', extensions: ['zip'] }],
      });
      expect(new Uint8Array(fs.readFileSync(target))).toEqual(bytes);
      expect(fs.readdirSync(dir)).toEqual(['complaint-desk-FS-NH-2026-10-r1.zip']);
      const foreign = { sender: { id: 999 }, senderFrame: { url: win.loadedUrl, parent: null } };
      await expect(Promise.resolve(handler(foreign, 'x.zip', bytes))).rejects.toThrow('refused');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
