/**
 * Electron's security checklist, applied to every web contents and to the
 * session: no navigation, no redirects, no new windows, no <webview>, no
 * permissions, and a CSP header on every response.
 */
import type { Session, WebContents } from 'electron';

/** Anything the page tries to open or navigate to is refused. */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (e) => e.preventDefault());
  contents.on('will-frame-navigate', (e) => e.preventDefault());
  // A server redirect is a navigation too (the dev server, a compromised response).
  contents.on('will-redirect', (e) => e.preventDefault());
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The console needs no camera, notifications-by-page, clipboard-read, USB…: deny them all. */
export function hardenSession(session: Session, csp: string): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] },
    });
  });
}
