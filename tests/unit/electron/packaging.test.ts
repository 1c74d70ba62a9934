/**
 * What the installer and the page promise before any code runs: the fuses
 * electron-builder flips in the Electron binary, and the renderer's own CSP
 * (the meta tag, for any way the page is opened).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The `key: value` lines of one top-level block of electron-builder.yml. */
function yamlBlock(name: string): Record<string, string> {
  const lines = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8').split('\n');
  const start = lines.indexOf(`${name}:`);
  expect(start, `${name} in electron-builder.yml`).toBeGreaterThan(-1);
  const out: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    const m = /^ {2}(\w+): (.+?)\s*(#.*)?$/.exec(line);
    if (!m) break;
    out[m[1]!] = m[2]!;
  }
  return out;
}

describe('packaging', () => {
  it('flips the security fuses: no Node mode, no NODE_OPTIONS or inspector, asar only and integrity-checked, no file:// privileges', () => {
    expect(yamlBlock('electronFuses')).toEqual({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableCookieEncryption: 'true',
      onlyLoadAppFromAsar: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  // frame-ancestors is not in the meta tag: browsers ignore it there and log a console error for it;
  // the desk:// handler and the web host send it as a header (csp.ts, static.ts).
  it('the renderer page carries its own CSP: no plugins, no base or form targets', () => {
    const html = fs.readFileSync(path.join(ROOT, 'src-renderer/index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v.join(' ')]));
    expect(directives).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data:",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
    });
  });
});
