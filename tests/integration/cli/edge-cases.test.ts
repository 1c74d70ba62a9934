/**
 * The CLI's edge cases: a usage error exits 2 with one line, `--json` always
 * prints one JSON document, and nothing is created or started before the
 * arguments are valid.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main';
import { PINNED_NOW, tempDir } from '../../helpers/temp-db';

let dir: string;
let db: string;
beforeEach(() => {
  dir = tempDir();
  db = path.join(dir, 'desk.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[], env: NodeJS.ProcessEnv = { LANG: 'en_US.UTF-8' }) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env, now: () => PINNED_NOW });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as unknown };
}

describe('sla --at', () => {
  it('refuses an instant the calendar does not have, and one without its offset', async () => {
    await cli(['init', '--db', db]);
    for (const at of ['2026-02-30T00:00:00+08:00', '2026-11-31T10:00:00Z', '2026-11-02T24:00:00+08:00', '2026-11-02T10:00:00']) {
      const r = await cli(['sla', '--at', at, '--db', db]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`got "${at}"`);
    }
    const ok = await cli(['sla', '--at', '2026-02-28T23:59:59+08:00', '--db', db, '--json']);
    expect(ok.code).toBe(0);
    expect(ok.json()).toEqual({ at: '2026-02-28T23:59:59+08:00', approaching: [], breached: [] });
  });
});
