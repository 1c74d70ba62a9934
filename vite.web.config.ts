/**
 * Builds the renderer for the web host (out/web). The Electron build has its
 * own config (electron.vite.config.ts) pointing at the same index.html.
 * `base: './'` keeps every asset path relative, so the same files load from
 * file:// in Electron and from any path on the web host.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * `vite` (dev server) only: React refresh injects an inline preamble that the
 * page's strict CSP meta tag would block. Built files keep the tag, and the
 * web host also sends the same policy as a header.
 */
const devWithoutMetaCsp = (): Plugin => ({
  name: 'desk:web-dev-without-meta-csp',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/i, ''),
});

export default defineConfig({
  root: here('./src-renderer'),
  base: './',
  plugins: [react(), devWithoutMetaCsp()],
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
