/**
 * Which URLs are "the app": the electron-vite dev server in development, the
 * built renderer served on desk://app/ (app-protocol.ts) otherwise. Anything
 * else (a navigated page, an injected frame, any file:// page) is foreign and
 * gets nothing.
 */
import { APP_ORIGIN, APP_SCHEME } from './app-protocol';

export interface AppLocation {
  /** What the window loads: the dev server URL or desk://app/index.html. */
  url: string;
  isAppUrl(url: string): boolean;
}

export function appLocation(devServerUrl: string | undefined): AppLocation {
  if (devServerUrl) {
    const origin = new URL(devServerUrl).origin;
    return { url: devServerUrl, isAppUrl: (u) => safeUrl(u)?.origin === origin };
  }
  return {
    url: `${APP_ORIGIN}/index.html`,
    isAppUrl: (u) => {
      const parsed = safeUrl(u);
      // A standard scheme: URL gives host and protocol as for http.
      return parsed?.protocol === `${APP_SCHEME}:` && `${parsed.protocol}//${parsed.host}` === APP_ORIGIN;
    },
  };
}

function safeUrl(u: string): URL | null {
  try {
    return new URL(u);
  } catch {
    return null;
  }
}
