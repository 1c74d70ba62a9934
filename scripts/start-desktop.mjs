#!/usr/bin/env node
/**
 * `npm start` / `npm run dev`: make sure the desktop console can run, then
 * hand over to electron-vite (`preview` builds and opens it, `dev` serves it
 * with hot reload).
 *
 *   node scripts/start-desktop.mjs preview|dev [electron-vite options]
 *
 * Why a script and not `electron-vite preview` alone: Electron 45 no longer
 * downloads its binary when npm installs it; the binary is fetched the first
 * time `require('electron')` or its `install-electron` command runs, which
 * writes node_modules/electron/path.txt. electron-vite only reads path.txt and
 * fails with "Electron uninstall" when it is missing. So the first step here is
 * Electron's own installer. The second builds better-sqlite3 for Electron into
 * out/native (scripts/electron-native.mjs) — node_modules holds the Node
 * build, which Electron cannot load. Both need the internet once; when either
 * cannot reach it, this prints one paragraph saying what to do and exits 1,
 * instead of a build tool's stack trace.
 *
 * ELECTRON_EXEC_PATH (read by electron-vite) names an Electron executable to
 * use instead of the downloaded one, and skips the first step;
 * COMPLAINT_DESK_SQLITE_BINDING names a ready Electron build of better-sqlite3
 * and skips the second.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(root, 'package.json'));

const FALLBACK =
  'If this machine reaches the internet only through a company mirror, set ELECTRON_MIRROR to that mirror ' +
  '(for example ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/) and run `npm start` again. ' +
  'Or open the same console in the browser instead: `npm run web`.';

/** Print the one paragraph and stop: no stack trace, exit code 1. */
function giveUp(what, cause) {
  const reason = cause ? ` (${cause})` : '';
  console.error(`\nThe desktop console cannot start: ${what}${reason}. ${FALLBACK}\n`);
  process.exit(1);
}

/** The first line of a child's error output that says something — usually the cause, e.g. "TypeError: fetch failed". */
function causeOf(stderr) {
  const lines = String(stderr ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('at '));
  return lines.at(0)?.slice(0, 200);
}

function electronDir() {
  return path.dirname(require.resolve('electron/package.json'));
}

/** What Electron's own installer checks: path.txt names an executable that exists under dist/. */
function electronBinaryPresent(dir) {
  try {
    const exe = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    return exe !== '' && fs.existsSync(path.join(dir, 'dist', exe));
  } catch {
    return false;
  }
}

function ensureElectronBinary() {
  if (process.env.ELECTRON_EXEC_PATH) return;
  const dir = electronDir();
  if (electronBinaryPresent(dir)) return;
  console.log('First start: downloading the Electron binary (about 100 MB, once)…');
  // Electron's `install-electron` command; it honours ELECTRON_MIRROR and electron_config_cache.
  const r = spawnSync(process.execPath, [path.join(dir, 'install.js')], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (r.status !== 0 || !electronBinaryPresent(dir)) {
    giveUp('the Electron binary could not be downloaded', causeOf(r.stderr) ?? r.error?.message);
  }
}

/** out/native holds a build for this better-sqlite3, this Electron, this platform and arch. */
function sqliteBuildPresent() {
  try {
    const made = JSON.parse(fs.readFileSync(path.join(root, 'out', 'native', 'better_sqlite3.json'), 'utf8'));
    return (
      fs.existsSync(path.join(root, 'out', 'native', 'better_sqlite3.node')) &&
      made.betterSqlite3 === require('better-sqlite3/package.json').version &&
      made.electronVersion === require('electron/package.json').version &&
      made.platform === process.platform &&
      made.arch === process.arch
    );
  } catch {
    return false;
  }
}

function ensureSqliteForElectron() {
  if (process.env.COMPLAINT_DESK_SQLITE_BINDING || sqliteBuildPresent()) return;
  console.log('First start: building the SQLite module for Electron (once)…');
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'electron-native.mjs')], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    giveUp(
      "the SQLite module could not be built for Electron, which needs Electron's headers or a prebuilt module from the internet once",
      causeOf(String(r.stderr).split('\n').filter((l) => l.startsWith('electron-native:')).join('\n')) ?? r.error?.message,
    );
  }
}

const [mode = 'preview', ...rest] = process.argv.slice(2);
if (mode !== 'preview' && mode !== 'dev') {
  console.error('usage: node scripts/start-desktop.mjs preview|dev [electron-vite options]');
  process.exit(2);
}

ensureElectronBinary();
ensureSqliteForElectron();

const electronVite = path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
const child = spawn(process.execPath, [electronVite, mode, ...rest], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
