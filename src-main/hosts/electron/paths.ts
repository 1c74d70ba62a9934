/**
 * Where the desktop app finds its pieces and keeps its data. Built layout
 * (electron-vite): out/main/{index,service-process}.js, out/preload/preload.cjs,
 * out/renderer/index.html, out/native/better_sqlite3.node (the Electron build
 * of better-sqlite3, see scripts/electron-native.mjs); icons in resources/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App } from 'electron';
import { DB_FILE, PRODUCT_NAME } from '../../api/data-dir';

export interface AppPaths {
  userData: string;
  database: string;
  /** better-sqlite3's nativeBinding for Electron, or undefined to use the module's own build. */
  sqliteBinding: string | undefined;
  preload: string;
  serviceEntry: string;
  rendererDir: string;
  /** Only while developing: electron-vite's dev server. A packaged app never takes a URL from the environment. */
  devServerUrl: string | undefined;
  resources: string;
}

type AppLike = Pick<App, 'getPath' | 'getAppPath' | 'isPackaged'>;

export function resolvePaths(app: AppLike, env: NodeJS.ProcessEnv, mainDir = builtMainDir()): AppPaths {
  // The same folder in development and once installed, and the one the CLI and
  // web host open by default (api/data-dir.ts): <appData>/Complaint Desk.
  const userData = env.COMPLAINT_DESK_HOME || path.join(app.getPath('appData'), PRODUCT_NAME);
  const unpacked = (p: string) => p.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
  const binding = env.COMPLAINT_DESK_SQLITE_BINDING || unpacked(path.join(mainDir, '..', 'native', 'better_sqlite3.node'));
  return {
    userData,
    database: path.resolve(env.COMPLAINT_DESK_DB || path.join(userData, DB_FILE)),
    sqliteBinding: fs.existsSync(binding) ? binding : undefined,
    preload: path.join(mainDir, '..', 'preload', 'preload.cjs'),
    serviceEntry: path.join(mainDir, 'service-process.js'),
    rendererDir: path.join(mainDir, '..', 'renderer'),
    devServerUrl: app.isPackaged ? undefined : env.ELECTRON_RENDERER_URL || undefined,
    // Installed: electron-builder's extraResources puts resources/ next to app.asar.
    resources: path.join(app.isPackaged ? (process.resourcesPath ?? app.getAppPath()) : app.getAppPath(), 'resources'),
  };
}

function builtMainDir(): string {
  return path.dirname(fileURLToPath(import.meta.url));
}
