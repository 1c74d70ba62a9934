/**
 * Electron main process: wiring only. One hardened window, the tray, the app
 * menu and the IPC relay; the database and the services run in the service
 * process (service-process.ts), so nothing here blocks on SQLite.
 */
import path from 'node:path';
import { Menu, app, dialog, ipcMain, session, utilityProcess, type BrowserWindow } from 'electron';
import { EVENT_CHANNEL } from '../../api/bridge';
import { contentSecurityPolicy } from './csp';
import { hardenContents, hardenSession } from './guards';
import { label, localeOf } from './labels';
import { appMenuTemplate } from './menu';
import { appLocation } from './origin';
import { resolvePaths } from './paths';
import { registerRelay } from './relay';
import { ServiceClient } from './service-client';
import { TrayController } from './tray';
import { createMainWindow, reveal } from './window';

const paths = resolvePaths(app, process.env);
app.setPath('userData', paths.userData);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start();
}

function start(): void {
  if (!paths.sqliteBinding) {
    // node_modules holds the Node build, which Electron cannot load.
    console.warn('[desk] no Electron build of better-sqlite3 in out/native: run `npm run build:native` (needs the network).');
  }
  const location = appLocation(paths.devServerUrl, paths.rendererDir);
  let win: BrowserWindow | null = null;
  let quitting = false;
  let serviceStopped = false;

  const service = new ServiceClient(() =>
    utilityProcess.fork(paths.serviceEntry, [], {
      serviceName: 'Complaint Desk service',
      env: {
        ...process.env,
        COMPLAINT_DESK_DB: paths.database,
        COMPLAINT_DESK_SQLITE_BINDING: paths.sqliteBinding ?? '',
      },
    }),
  );
  service.onEvent((e) => win?.webContents.send(EVENT_CHANNEL, e));

  registerRelay(ipcMain, {
    service,
    isOurContents: (id) => win !== null && !win.isDestroyed() && win.webContents.id === id,
    isAppUrl: location.isAppUrl,
  });

  const show = () => {
    if (win && !win.isDestroyed()) reveal(win);
  };
  const quit = () => {
    quitting = true;
    app.quit();
  };

  app.on('web-contents-created', (_e, contents) => hardenContents(contents));
  app.on('second-instance', show);
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', (e) => {
    if (serviceStopped) return;
    e.preventDefault();
    void service.stop().then(() => {
      serviceStopped = true;
      app.quit();
    });
  });

  void app.whenReady().then(() => {
    const locale = localeOf(app.getLocale());
    hardenSession(session.defaultSession, contentSecurityPolicy(paths.devServerUrl));

    win = createMainWindow({
      preloadPath: paths.preload,
      iconPath: path.join(paths.resources, 'icon.png'),
      url: location.url,
      isQuitting: () => quitting,
    });
    const contentsId = win.webContents.id;
    win.webContents.once('destroyed', () => service.release(contentsId));

    const tray = new TrayController(paths.resources, locale, { open: show, lock: () => service.lock(), quit });
    app.once('will-quit', () => tray.destroy());

    const about = () =>
      void dialog.showMessageBox({ title: label('appName', locale), message: `${label('appName', locale)} ${app.getVersion()}` });
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(appMenuTemplate(locale, { lock: () => service.lock(), quit, about }, !app.isPackaged)),
    );
  });
}
