/**
 * Desktop build (electron-vite): out/main (the main process and, as a second
 * entry, the service process that owns the database), out/preload (one
 * CommonJS file, as a sandboxed preload must be) and out/renderer (the same
 * React app the web host serves). better-sqlite3 stays external: its Electron
 * build is loaded at run time through `nativeBinding` (scripts/electron-native.mjs).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

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
    plugins: [react()],
    build: {
      outDir: here('./out/renderer'),
      // ag-grid alone is ~1 MB; the console is loaded from disk, not a network.
      chunkSizeWarningLimit: 2500,
      rolldownOptions: { input: here('./src-renderer/index.html') },
    },
  },
});
