/**
 * The main process's wiring, run against the electron stand-in: single
 * instance, the relay registered, one hardened window, the tray and the menu,
 * events from the service process reaching the window.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as stub from './electron-stub';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../../../src-main/api/bridge';

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
    expect(win.loadedUrl).toMatch(/^file:\/\/.*\/renderer\/index\.html$/);
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
    expect(stub.BrowserWindow.created[0]!.loadedUrl).toMatch(/^file:/);
  });
});
