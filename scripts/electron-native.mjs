#!/usr/bin/env node
/**
 * Builds better-sqlite3 for Electron into out/native/better_sqlite3.node —
 * apart from node_modules, whose Node build the tests, the CLI and the web
 * host keep using. The desktop service process loads this file through
 * better-sqlite3's `nativeBinding` option (src-main/hosts/electron/paths.ts).
 *
 *   node scripts/electron-native.mjs [--platform linux|win32] [--arch x64|arm64]
 *
 * `npm start` / `npm run dev` run it when out/native has no build for the
 * installed Electron (scripts/start-desktop.mjs); electron-builder runs it by
 * itself as its `beforePack` hook, for each platform and arch it packs. It
 * needs the network (Electron's headers, or a prebuilt binary for another
 * platform), so it cannot run on the offline machines; nothing in `npm test`
 * depends on it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(root, 'package.json'));
export const OUT_DIR = path.join(root, 'out', 'native');
/** builder-util's Arch enum, by number. */
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

const versionOf = (pkg) => require(`${pkg}/package.json`).version;

export async function buildElectronSqlite({
  platform = process.platform,
  arch = process.arch,
  electronVersion = versionOf('electron'),
} = {}) {
  const { rebuild } = await import('@electron/rebuild');
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  const version = versionOf('better-sqlite3');

  // A private copy to rebuild, so node_modules/better-sqlite3/build (Node's) is never touched.
  const stage = path.join(root, 'node_modules', '.cache', 'electron-native', `${platform}-${arch}-electron-${electronVersion}`);
  const copy = path.join(stage, 'node_modules', 'better-sqlite3');
  fs.rmSync(stage, { recursive: true, force: true });
  fs.cpSync(source, copy, { recursive: true, filter: (p) => !p.startsWith(path.join(source, 'build')) });
  fs.writeFileSync(
    path.join(stage, 'package.json'),
    JSON.stringify({ name: 'electron-native-stage', private: true, dependencies: { 'better-sqlite3': version } }),
  );

  console.log(`building better-sqlite3 ${version} for Electron ${electronVersion} (${platform}-${arch})`);
  await rebuild({ buildPath: stage, electronVersion, platform, arch, onlyModules: ['better-sqlite3'], force: true });

  const built = path.join(copy, 'build', 'Release', 'better_sqlite3.node');
  if (!fs.existsSync(built)) throw new Error(`rebuild finished but ${built} is missing`);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  fs.copyFileSync(built, path.join(OUT_DIR, 'better_sqlite3.node'));
  fs.writeFileSync(
    path.join(OUT_DIR, 'better_sqlite3.json'),
    JSON.stringify({ betterSqlite3: version, electronVersion, platform, arch }, null, 2) + '\n',
  );
  console.log(`wrote ${path.relative(root, path.join(OUT_DIR, 'better_sqlite3.node'))}`);
}

/** electron-builder `beforePack` hook: runs before the app's files are copied for one platform/arch. */
export async function beforePack(context) {
  await buildElectronSqlite({
    platform: context.electronPlatformName,
    arch: typeof context.arch === 'number' ? ARCH_NAMES[context.arch] : context.arch,
    electronVersion: context.packager?.config?.electronVersion ?? versionOf('electron'),
  });
}
export default beforePack;

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { platform: { type: 'string' }, arch: { type: 'string' } } });
  try {
    await buildElectronSqlite({ platform: values.platform, arch: values.arch });
  } catch (e) {
    console.error(`electron-native: ${e instanceof Error ? e.message : String(e)}`);
    console.error('This step needs the network (Electron headers or a prebuilt binary).');
    process.exitCode = 1;
  }
}
