/**
 * Which URLs are "the app": the electron-vite dev server in development, the
 * built renderer's files once packaged. Anything else (a navigated page, an
 * injected frame, a file elsewhere on disk) is foreign and gets nothing.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface AppLocation {
  /** What the window loads: the dev server URL or the built index.html's file URL. */
  url: string;
  isAppUrl(url: string): boolean;
}

export function appLocation(devServerUrl: string | undefined, rendererDir: string): AppLocation {
  if (devServerUrl) {
    const origin = new URL(devServerUrl).origin;
    return { url: devServerUrl, isAppUrl: (u) => safeUrl(u)?.origin === origin };
  }
  const root = pathToFileURL(rendererDir + path.sep).href;
  return {
    url: pathToFileURL(path.join(rendererDir, 'index.html')).href,
    isAppUrl: (u) => {
      const parsed = safeUrl(u);
      // Normalised by URL: `..` segments cannot climb out of the renderer folder.
      return parsed?.protocol === 'file:' && parsed.href.startsWith(root);
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
