/**
 * The renderer's Content-Security-Policy. Everything comes from the app
 * itself; styles may be inline because the grid and charts set them at run
 * time. In development the Vite dev server also needs its HMR socket and the
 * React refresh preamble (an inline script).
 */
export function contentSecurityPolicy(devServerUrl?: string): string {
  const dev = devServerUrl ? new URL(devServerUrl) : null;
  const ws = dev ? ` ws://${dev.host}` : '';
  return [
    "default-src 'self'",
    `script-src 'self'${dev ? " 'unsafe-inline'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${ws}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
