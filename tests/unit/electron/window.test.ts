import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as stub from './electron-stub';

vi.mock('electron', () => import('./electron-stub'));

const { createMainWindow, windowOptions } = await import('../../../src-main/hosts/electron/window');
const { hardenContents, hardenSession } = await import('../../../src-main/hosts/electron/guards');
const { contentSecurityPolicy } = await import('../../../src-main/hosts/electron/csp');

beforeEach(() => stub.resetStub());

describe('window', () => {
  it('is created with the hardened web preferences', () => {
    const prefs = windowOptions('/app/out/preload/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });

  it('loads the app page into a window built from those options', () => {
    const win = createMainWindow({ preloadPath: '/p.cjs', url: 'file:///app/out/renderer/index.html', isQuitting: () => false });
    const fake = stub.BrowserWindow.created[0]!;
    expect(fake).toBe(win as unknown);
    expect(fake.options).toEqual(windowOptions('/p.cjs'));
    expect(fake.loadedUrl).toBe('file:///app/out/renderer/index.html');
  });

  it('denies navigation, redirects, new windows and <webview>', () => {
    createMainWindow({ preloadPath: '/p.cjs', url: 'desk://app/index.html', isQuitting: () => false });
    const contents = stub.BrowserWindow.created[0]!.webContents;
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
      const e = stub.preventable();
      contents.emit(event, e, 'https://evil.example/');
      expect(e.defaultPrevented, event).toBe(true);
    }
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///x/index.html' })).toEqual({ action: 'deny' });
  });

  it('hides to the tray on close, and closes for real when quitting', () => {
    let quitting = false;
    createMainWindow({ preloadPath: '/p.cjs', url: 'file:///x/index.html', isQuitting: () => quitting });
    const win = stub.BrowserWindow.created[0]!;
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
    expect(win.tryClose()).toBe(false);
    expect(win.visible).toBe(false);
    quitting = true;
    expect(win.tryClose()).toBe(true);
  });

  it('hardens any other web contents the same way', () => {
    const contents = new stub.FakeWebContents();
    hardenContents(contents as never);
    const e = stub.preventable();
    contents.emit('will-navigate', e, 'https://example.com/');
    expect(e.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' }).action).toBe('deny');
  });
});

describe('session', () => {
  it('refuses every permission and adds the CSP header to every response', () => {
    const s = new stub.FakeSession();
    hardenSession(s as never, contentSecurityPolicy());
    const answers: boolean[] = [];
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      s.permissionRequest!({}, permission, (ok) => answers.push(ok));
    }
    expect(answers).toEqual([false, false, false, false, false]);
    expect(s.permissionCheck!({}, 'media')).toBe(false);
    expect(s.devicePermission!({})).toBe(false);

    let headers: Record<string, string[]> | undefined;
    s.headersListener!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => (headers = r.responseHeaders));
    expect(headers!['Content-Type']).toEqual(['text/html']);
    expect(headers!['Content-Security-Policy']).toEqual([contentSecurityPolicy()]);
  });

  it('keeps scripts to the app itself outside development', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('ws:');
    const dev = contentSecurityPolicy('http://localhost:5173');
    expect(dev).toContain('ws://localhost:5173');
  });
});
