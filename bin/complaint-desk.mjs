#!/usr/bin/env node
/**
 * Runs the CLI straight from the TypeScript sources, so a checkout needs no
 * build step. The sources are bundled with esbuild (a fraction of a second)
 * into out/node/<stamp>/ whenever one of them is newer than the last bundle,
 * and the bundle is run: loading a few hundred modules one by one through
 * tsx's loader took seconds at every start, and `complaint-desk serve` is how
 * the console starts in a browser. If bundling fails, tsx runs the sources.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'out', 'node');

/** The newest modification time under `dir`, folders included (a deleted file changes its folder's). */
function newest(dir) {
  let t = fs.statSync(dir).mtimeMs;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/**
 * Packages bundled in rather than loaded from node_modules: date-fns and zod
 * are hundreds of small ES modules each, which Node resolves, reads and
 * compiles one by one (about a second of a loaded machine's start-up); bundled,
 * only the functions used are kept. Everything else stays external (native
 * modules, and the large libraries loaded only when used).
 */
const BUNDLED = new Set(['date-fns', '@date-fns/tz', 'zod']);

function externalPackages() {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies, ...pkg.optionalDependencies }).filter((n) => !BUNDLED.has(n));
  return names.flatMap((n) => [n, `${n}/*`]);
}

async function bundled() {
  const stamp = String(
    Math.floor(Math.max(newest(path.join(root, 'src-main')), ...['package.json', 'bin/complaint-desk.mjs'].map((f) => fs.statSync(path.join(root, f)).mtimeMs))),
  );
  // Three folders below the root, like src-main/hosts/web: paths the sources resolve from their own file still hold.
  const dir = path.join(out, stamp);
  const entry = path.join(dir, 'index.js');
  if (!fs.existsSync(entry)) {
    const { build } = await import('esbuild');
    const tmp = `${dir}.${process.pid}.tmp`;
    await build({
      entryPoints: [path.join(root, 'src-main/cli/index.ts')],
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: externalPackages(),
      outdir: tmp,
      logLevel: 'silent',
    });
    try {
      fs.renameSync(tmp, dir);
    } catch {
      fs.rmSync(tmp, { recursive: true, force: true }); // another process built the same sources first
    }
    // Older bundles: removed after a day (a console still running may yet load one of their chunks).
    for (const old of fs.readdirSync(out)) {
      const p = path.join(out, old);
      if (old !== stamp && Date.now() - fs.statSync(p).mtimeMs > 86_400_000) fs.rmSync(p, { recursive: true, force: true });
    }
  }
  return entry;
}

let entry = null;
try {
  entry = await bundled();
} catch {
  entry = null;
}
if (entry) {
  await import(pathToFileURL(entry).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src-main/cli/index.ts');
}
