/**
 * A stand-in for the `electron` module: just enough of BrowserWindow,
 * webContents, Tray, Menu, Notification, ipcMain/ipcRenderer, contextBridge,
 * session, protocol and utilityProcess for the host's wiring to run under Node and be
 * inspected.
 * Use with `vi.mock('electron', () => import('./electron-stub'))`; call
 * `resetStub()` before each test.
 *
 * One set of fakes per test file (kept on globalThis): `vi.resetModules()`
 * makes the mock factory evaluate this file again, and the code under test
 * must still see the same fakes as the test.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export interface PreventableEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}
const preventableImpl = (): PreventableEvent => ({
  defaultPrevented: false,
  preventDefault() {
    this.defaultPrevented = true;
  },
});

export interface MenuTemplateItem {
  label?: string;
  type?: string;
  role?: string;
  enabled?: boolean;
  accelerator?: string;
  click?: () => void;
  submenu?: MenuTemplateItem[];
}
type FakeMenu = { template: MenuTemplateItem[] };

let nextContentsId = 1;

class FakeWebContentsImpl extends EventEmitter {
  readonly id = nextContentsId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
}

class BrowserWindowImpl extends EventEmitter {
  static readonly created: BrowserWindowImpl[] = [];
  readonly webContents = new FakeWebContentsImpl();
  loadedUrl: string | null = null;
  visible = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindowImpl.created.push(this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  isDestroyed() {
    return false;
  }
  /** Simulate the user closing the window; returns whether it really closed. */
  tryClose(): boolean {
    const e = preventableImpl();
    this.emit('close', e);
    return !e.defaultPrevented;
  }
}

class TrayImpl extends EventEmitter {
  static readonly created: TrayImpl[] = [];
  tooltip = '';
  menu: FakeMenu | null = null;
  destroyed = false;
  constructor(public image: { path: string }) {
    super();
    TrayImpl.created.push(this);
  }
  setImage(image: { path: string }) {
    this.image = image;
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setContextMenu(menu: FakeMenu) {
    this.menu = menu;
  }
  destroy() {
    this.destroyed = true;
  }
}

/** Records what was shown; tests click with `emit('click')`. */
class NotificationImpl extends EventEmitter {
  static readonly shown: NotificationImpl[] = [];
  static supported = true;
  static isSupported() {
    return NotificationImpl.supported;
  }
  constructor(readonly options: { title?: string; body?: string }) {
    super();
  }
  show() {
    NotificationImpl.shown.push(this);
  }
  close() {
    this.emit('close', {});
  }
}

type HeadersDetails = { responseHeaders?: Record<string, string[]> };
class FakeSessionImpl {
  permissionRequest: ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void) | null = null;
  permissionCheck: ((...args: unknown[]) => boolean) | null = null;
  devicePermission: ((...args: unknown[]) => boolean) | null = null;
  headersListener: ((details: HeadersDetails, cb: (r: HeadersDetails) => void) => void) | null = null;
  setPermissionRequestHandler(h: FakeSessionImpl['permissionRequest']) {
    this.permissionRequest = h;
  }
  setPermissionCheckHandler(h: FakeSessionImpl['permissionCheck']) {
    this.permissionCheck = h;
  }
  setDevicePermissionHandler(h: FakeSessionImpl['devicePermission']) {
    this.devicePermission = h;
  }
  webRequest = {
    onHeadersReceived: (l: FakeSessionImpl['headersListener']) => {
      this.headersListener = l;
    },
  };
}

type ForkOptions = { env?: Record<string, string | undefined> };
/** A utility process stand-in: tests answer by emitting 'message' themselves. */
class FakeUtilityProcessImpl extends EventEmitter {
  readonly posted: unknown[] = [];
  killed = false;
  constructor(
    readonly modulePath: string,
    readonly options: ForkOptions = {},
  ) {
    super();
  }
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  kill() {
    this.killed = true;
    this.emit('exit', 0);
    return true;
  }
}

class FakeIpcRenderer extends EventEmitter {
  invoke = vi.fn((..._args: unknown[]) => Promise.resolve({ ok: true, value: 'from-main' }));
}

const APP_PATHS: Array<[string, string]> = [
  ['appData', '/tmp/appdata'],
  ['userData', '/tmp/appdata/complaint-desk'],
];

class FakeApp extends EventEmitter {
  isPackaged = false;
  singleInstance = true;
  quitCalls = 0;
  paths = new Map(APP_PATHS);
  reset() {
    this.removeAllListeners();
    this.isPackaged = false;
    this.singleInstance = true;
    this.quitCalls = 0;
    this.paths = new Map(APP_PATHS);
  }
  requestSingleInstanceLock() {
    return this.singleInstance;
  }
  quit() {
    this.quitCalls++;
  }
  whenReady() {
    return Promise.resolve();
  }
  getPath(name: string) {
    return this.paths.get(name) ?? `/tmp/${name}`;
  }
  setPath(name: string, value: string) {
    this.paths.set(name, value);
  }
  getAppPath() {
    return '/tmp/app';
  }
  getLocale() {
    return 'zh-CN';
  }
  getVersion() {
    return '0.0.0-test';
  }
}

type Handler = (event: unknown, ...args: unknown[]) => unknown;

function build() {
  const Menu = {
    applicationMenu: null as FakeMenu | null,
    buildFromTemplate: (template: MenuTemplateItem[]): FakeMenu => ({ template }),
    setApplicationMenu(menu: FakeMenu | null) {
      Menu.applicationMenu = menu;
    },
  };
  const ipcMain = {
    handlers: new Map<string, Handler>(),
    handle(channel: string, handler: Handler) {
      if (ipcMain.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      ipcMain.handlers.set(channel, handler);
    },
  };
  const contextBridge = {
    exposed: new Map<string, unknown>(),
    exposeInMainWorld(key: string, api: unknown) {
      contextBridge.exposed.set(key, api);
    },
  };
  const utilityProcess = {
    forked: [] as FakeUtilityProcessImpl[],
    fork(modulePath: string, _args: string[] = [], options: ForkOptions = {}) {
      const p = new FakeUtilityProcessImpl(modulePath, options);
      utilityProcess.forked.push(p);
      return p;
    },
  };
  const session = { defaultSession: new FakeSessionImpl() };
  const protocol = {
    privileged: [] as Array<{ scheme: string; privileges: Record<string, boolean> }>,
    handlers: new Map<string, (request: { url: string; method?: string }) => Promise<Response>>(),
    registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>) {
      protocol.privileged.push(...schemes);
    },
    handle(scheme: string, handler: (request: { url: string; method?: string }) => Promise<Response>) {
      if (protocol.handlers.has(scheme)) throw new Error(`second handler for ${scheme}`);
      protocol.handlers.set(scheme, handler);
    },
  };
  const ipcRenderer = new FakeIpcRenderer();
  const app = new FakeApp();
  const dialog = {
    showMessageBox: vi.fn(() => Promise.resolve({ response: 0 })),
    /** Answers "cancelled" unless a test says where the user saves (`mockResolvedValueOnce`). */
    showSaveDialog: vi.fn((..._args: unknown[]) => Promise.resolve({ canceled: true, filePath: '' })),
  };

  function resetStub(): void {
    BrowserWindowImpl.created.length = 0;
    TrayImpl.created.length = 0;
    NotificationImpl.shown.length = 0;
    NotificationImpl.supported = true;
    Menu.applicationMenu = null;
    ipcMain.handlers.clear();
    ipcRenderer.removeAllListeners();
    ipcRenderer.invoke.mockClear();
    contextBridge.exposed.clear();
    session.defaultSession = new FakeSessionImpl();
    utilityProcess.forked.length = 0;
    protocol.privileged.length = 0;
    protocol.handlers.clear();
    app.reset();
    dialog.showMessageBox.mockClear();
    dialog.showSaveDialog.mockClear();
  }

  return {
    BrowserWindow: BrowserWindowImpl,
    FakeWebContents: FakeWebContentsImpl,
    Tray: TrayImpl,
    Notification: NotificationImpl,
    FakeSession: FakeSessionImpl,
    FakeUtilityProcess: FakeUtilityProcessImpl,
    preventable: preventableImpl,
    nativeImage: { createFromPath: (path: string) => ({ path }) },
    Menu,
    ipcMain,
    ipcRenderer,
    contextBridge,
    utilityProcess,
    session,
    protocol,
    app,
    dialog,
    resetStub,
  };
}

const holder = globalThis as { __electronStub?: ReturnType<typeof build> };
const shared = (holder.__electronStub ??= build());

export const {
  BrowserWindow,
  FakeWebContents,
  Tray,
  Notification,
  FakeSession,
  FakeUtilityProcess,
  preventable,
  nativeImage,
  Menu,
  ipcMain,
  ipcRenderer,
  contextBridge,
  utilityProcess,
  session,
  protocol,
  app,
  dialog,
  resetStub,
} = shared;
