/**
 * Electron main process: wiring only. One hardened window, the tray, the app
 * menu, desktop notifications and the IPC relay; the database, the services
 * and the timeout monitor run in the service process (service-process.ts),
 * started at once and kept running, so nothing here blocks on SQLite.
 */
import path from 'node:path';
import { Menu, app, dialog, ipcMain, protocol, session, utilityProcess, type BrowserWindow } from 'electron';
import { DESK_EVENTS, EVENT_CHANNEL, type OpenTicketPayload, type OpenWarningsPayload } from '../../api/bridge';
import { contentSecurityPolicy } from './csp';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, appProtocolHandler } from './app-protocol';
import { hardenContents, hardenSession } from './guards';
import { label, localeOf } from './labels';
import { appMenuTemplate } from './menu';
import { routeNotice } from './notice-router';
import { AlertNotifier } from './notifier';
import { appLocation } from './origin';
import { resolvePaths } from './paths';
import { serviceEnv } from './service-env';
import { isTrustedSender, registerRelay } from './relay';
import { registerPrintToPdf, saveWithDialog } from './print-pdf';
import { exportSaveDialog, registerSaveFile } from './save-file';
import { ServiceClient } from './service-client';
import { TrayController } from './tray';
import { createMainWindow, reveal } from './window';

/** electron-builder.yml's appId: Windows shows notifications only for a known app id. */
const APP_ID = 'cn.complaintdesk.console';

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
    console.warn('[desk] no Electron build of better-sqlite3 in out/native: run `npm run build:native` (`npm start` does; needs the network once).');
  }
  const location = appLocation(paths.devServerUrl);
  // The renderer comes from desk://app/, not file:// (must be declared before the app is ready).
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  let win: BrowserWindow | null = null;
  let quitting = false;
  let serviceStopped = false;

  const service = new ServiceClient(() =>
    utilityProcess.fork(paths.serviceEntry, [], {
      serviceName: 'Complaint Desk service',
      env: serviceEnv(process.env, paths),
    }),
  );

  registerRelay(ipcMain, {
    service,
    isOurContents: (id) => win !== null && !win.isDestroyed() && win.webContents.id === id,
    isAppUrl: location.isAppUrl,
  });
  registerPrintToPdf(ipcMain, {
    isTrusted: (e) => isTrustedSender(e, { isOurContents: (id) => win !== null && !win.isDestroyed() && win.webContents.id === id, isAppUrl: location.isAppUrl }),
    ...saveWithDialog(dialog, app, () => win),
  });
  registerSaveFile(ipcMain, {
    isTrusted: (e) => isTrustedSender(e, { isOurContents: (id) => win !== null && !win.isDestroyed() && win.webContents.id === id, isAppUrl: location.isAppUrl }),
    ...exportSaveDialog(dialog, app, () => win),
  });

  const liveWindow = () => (win && !win.isDestroyed() ? win : null);
  const show = () => {
    const w = liveWindow();
    if (w) reveal(w);
  };
  /** The tray or a notification picked a ticket: bring the window up and let the page open it. */
  const openTicket = (id: number) => {
    show();
    const payload: OpenTicketPayload = { id };
    liveWindow()?.webContents.send(EVENT_CHANNEL, { type: DESK_EVENTS.openTicket, payload });
  };
  /** A volume-warning notification was clicked: bring the window up on the 预警 page. */
  const openWarnings = (id: number | null) => {
    show();
    const payload: OpenWarningsPayload = { id };
    liveWindow()?.webContents.send(EVENT_CHANNEL, { type: DESK_EVENTS.openWarnings, payload });
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
    if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
    hardenSession(session.defaultSession, contentSecurityPolicy(paths.devServerUrl));
    if (!paths.devServerUrl) protocol.handle(APP_SCHEME, appProtocolHandler(paths.rendererDir, contentSecurityPolicy()));

    win = createMainWindow({
      preloadPath: paths.preload,
      iconPath: path.join(paths.resources, 'icon.png'),
      url: location.url,
      isQuitting: () => quitting,
    });
    const contentsId = win.webContents.id;
    win.webContents.once('destroyed', () => service.release(contentsId));

    const tray = new TrayController(paths.resources, locale, { open: show, lock: () => service.lock(), quit, openTicket });
    app.once('will-quit', () => tray.destroy());
    const notifier = new AlertNotifier(locale, { open: show, openTicket, openWarnings });
    service.onNotice((n) =>
      routeNotice(n, {
        locale,
        contents: () => {
          const w = liveWindow();
          return w ? [w.webContents] : [];
        },
        tray,
        notifier,
      }),
    );
    // The monitor runs whenever the console runs, window shown or not (docs/REQUIREMENTS.md §2).
    service.start();

    const about = () =>
      void dialog.showMessageBox({ title: label('appName', locale), message: `${label('appName', locale)} ${app.getVersion()}` });
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(appMenuTemplate(locale, { lock: () => service.lock(), quit, about }, !app.isPackaged)),
    );
  });
}
