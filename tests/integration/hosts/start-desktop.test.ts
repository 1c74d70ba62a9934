/**
 * `npm start` (scripts/start-desktop.mjs) without the network: Electron 45
 * fetches its binary on first use, so on a fresh checkout the script's first
 * step is Electron's installer; when it cannot download, the user gets one
 * paragraph, not a stack trace. With ELECTRON_EXEC_PATH the script goes
 * straight to electron-vite, which builds and launches that executable on the
 * built main entry.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-db';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const script = path.join(root, 'scripts', 'start-desktop.mjs');
const realModules = path.join(root, 'node_modules');

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** The caller's environment minus anything that would let Electron's installer skip or succeed. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^(ELECTRON_|electron_|npm_config_electron|COMPLAINT_DESK_)/i.test(key)) delete env[key];
  }
  return { ...env, ...extra };
}

/**
 * A checkout whose Electron package is installed the way npm leaves it — its
 * scripts, no binary, no path.txt — whatever the real node_modules holds, so
 * the test means the same on a machine where the binary was downloaded.
 */
function checkoutWithoutElectronBinary(): string {
  const base = tempDir('desk-start-');
  fs.mkdirSync(path.join(base, 'scripts'));
  fs.copyFileSync(script, path.join(base, 'scripts', 'start-desktop.mjs'));
  fs.writeFileSync(path.join(base, 'package.json'), JSON.stringify({ name: 'fresh-checkout', private: true }));
  const electron = path.join(base, 'node_modules', 'electron');
  fs.mkdirSync(electron, { recursive: true });
  for (const f of ['package.json', 'install.js', 'index.js', 'cli.js', 'checksums.json']) {
    fs.copyFileSync(path.join(realModules, 'electron', f), path.join(electron, f));
  }
  // The installer's own dependencies, as npm would have installed them.
  for (const scope of ['@electron', '@electron-internal']) {
    fs.symlinkSync(path.join(realModules, scope), path.join(base, 'node_modules', scope), process.platform === 'win32' ? 'junction' : 'dir');
  }
  return base;
}

describe('npm start on a fresh checkout', () => {
  it('fetches the Electron binary first, and when it cannot, says what to do in one paragraph and exits 1', () => {
    dir = checkoutWithoutElectronBinary();
    const r = spawnSync(process.execPath, [path.join(dir, 'scripts', 'start-desktop.mjs'), 'preview'], {
      cwd: dir,
      encoding: 'utf8',
      // A port that refuses at once, and an empty download cache.
      env: cleanEnv({ ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: path.join(dir, 'cache') }),
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('downloading the Electron binary');
    const said = r.stderr.trim();
    expect(said).toMatch(/^The desktop console cannot start: the Electron binary could not be downloaded/);
    expect(said).toContain('ELECTRON_MIRROR');
    expect(said).toContain('npm run web');
    expect(said.split('\n')).toHaveLength(1);
    expect(said).not.toMatch(/\n\s+at |Electron uninstall/);
    expect(fs.existsSync(path.join(dir, 'node_modules', 'electron', 'path.txt'))).toBe(false);
  });

  it('with ELECTRON_EXEC_PATH, builds and launches that executable on the built main entry', () => {
    dir = tempDir('desk-start-');
    const record = path.join(dir, 'launched.json');
    const standIn = path.join(dir, 'electron-stand-in.mjs');
    fs.writeFileSync(
      standIn,
      `#!${process.execPath}\n` +
        `import fs from 'node:fs';\n` +
        `fs.writeFileSync(${JSON.stringify(record)}, JSON.stringify({ cwd: process.cwd(), args: process.argv.slice(2) }));\n`,
      { mode: 0o755 },
    );
    const startedAt = Date.now();
    const r = spawnSync(process.execPath, [script, 'preview'], {
      cwd: root,
      encoding: 'utf8',
      env: cleanEnv({ ELECTRON_EXEC_PATH: standIn, COMPLAINT_DESK_SQLITE_BINDING: path.join(dir, 'better_sqlite3.node') }),
      timeout: 120_000,
    });
    expect(r.stderr).not.toContain('cannot start');
    expect(r.status).toBe(0);

    const launched = JSON.parse(fs.readFileSync(record, 'utf8')) as { cwd: string; args: string[] };
    // Electron is handed the checkout ('.'), whose package.json `main` is the freshly built entry.
    expect(launched.args).toEqual(['.']);
    expect(fs.realpathSync(launched.cwd)).toBe(fs.realpathSync(root));
    const main = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string }).main;
    expect(main).toBe('out/main/index.js');
    expect(fs.statSync(path.join(root, main)).mtimeMs).toBeGreaterThanOrEqual(startedAt - 1000);
  });
});
