/**
 * Desktop build (electron-vite): out/main (the main process and, as a second
 * entry, the service process that owns the database), out/preload (one
 * CommonJS file, as a sandboxed preload must be) and out/renderer (the same
 * React app the web host serves). better-sqlite3 stays external: its Electron
 * build is loaded at run time through `nativeBinding` (scripts/electron-native.mjs).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * In `electron-vite dev` the page's own CSP meta tag (script-src 'self') would
 * block React refresh's inline preamble; the main process sends a dev CSP
 * header instead (hosts/electron/csp.ts). Built files keep the meta tag.
 */
const devWithoutMetaCsp = (): Plugin => ({
  name: 'desk:dev-without-meta-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i, ''),
});

export default defineConfig({
  main: {
    build: {
      outDir: here('./out/main'),
      externalizeDeps: true,
      rolldownOptions: {
        input: {
          index: here('./src-main/hosts/electron/main.ts'),
          'service-process': here('./src-main/hosts/electron/service-process.ts'),
        },
        external: ['better-sqlite3'],
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: here('./out/preload'),
      // Sandboxed preloads can require only `electron` (and a few built-ins): bundle everything else.
      externalizeDeps: false,
      rolldownOptions: {
        input: { preload: here('./src-main/hosts/electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: here('./src-renderer'),
    plugins: [react(), devWithoutMetaCsp()],
    build: {
      outDir: here('./out/renderer'),
      // ag-grid alone is ~1 MB; the console is loaded from disk, not a network.
      chunkSizeWarningLimit: 2500,
      rolldownOptions: { input: here('./src-renderer/index.html') },
    },
  },
});
