/**
 * Builds the renderer for the web host (out/web). The Electron build has its
 * own config (electron.vite.config.ts) pointing at the same index.html.
 * `base: './'` keeps every asset path relative, so the same files load from
 * file:// in Electron and from any path on the web host.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('./src-renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: here('./out/web'),
    emptyOutDir: true,
    target: 'es2022',
    // ag-grid alone is ~1 MB; the console is loaded from disk, not a network.
    chunkSizeWarningLimit: 2500,
  },
  server: {
    // `npm run dev:web`-style use: run `complaint-desk serve --port 4310` and let Vite proxy the API.
    proxy: { '/api': process.env.DESK_API_URL ?? 'http://127.0.0.1:4310' },
  },
});
