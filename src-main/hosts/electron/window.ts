/**
 * The console's one window: hardened web preferences, our page only, and
 * closing it hides to the tray (the deadline monitor keeps running) unless
 * the app is quitting.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { hardenContents } from './guards';

export function windowOptions(preloadPath: string, iconPath?: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: '投诉工作台 Complaint Desk',
    backgroundColor: '#ffffff',
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

export interface MainWindowOptions {
  preloadPath: string;
  iconPath?: string;
  url: string;
  /** True once the user chose Quit: then closing really closes. */
  isQuitting: () => boolean;
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow(windowOptions(opts.preloadPath, opts.iconPath));
  hardenContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  win.on('close', (e) => {
    if (opts.isQuitting()) return;
    e.preventDefault();
    win.hide();
  });
  void win.loadURL(opts.url);
  return win;
}

/** Bring the window to the front (tray "Open", a second launch). */
export function reveal(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
