/**
 * The CLI's edge cases: a usage error exits 2 with one line, `--json` always
 * prints one JSON document, and nothing is created or started before the
 * arguments are valid.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaptured } from '../../helpers/cli';
import { PINNED_NOW, tempDir } from '../../helpers/temp-db';

let dir: string;
let db: string;
beforeEach(() => {
  dir = tempDir();
  db = path.join(dir, 'desk.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[], env: NodeJS.ProcessEnv = { LANG: 'en_US.UTF-8' }) => runCaptured(args, { env, now: () => PINNED_NOW });

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

describe('arguments are checked before anything is created or started', () => {
  it('a missing --db folder is an error for every command but init, and nothing is created', async () => {
    const wrong = path.join(dir, 'nonexistent-dir', 'x', 'desk.db');
    const r = await cli(['tickets', '--db', wrong, '--json']);
    expect(r.code).toBe(1);
    expect(r.json()).toEqual({ error: { code: 'db_folder_missing', message: expect.stringContaining(path.join(dir, 'nonexistent-dir', 'x')) } });
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(path.join(dir, 'nonexistent-dir'))).toBe(false);
    // A missing file in an existing folder is still created; init creates the folders too.
    expect((await cli(['tickets', '--db', db])).code).toBe(0);
    expect(fs.existsSync(db)).toBe(true);
    expect((await cli(['init', '--db', wrong])).code).toBe(0);
    expect(fs.existsSync(wrong)).toBe(true);
  });

  it('--db in a folder that cannot exist fails at once', async () => {
    const started = Date.now();
    const r = await cli(['tickets', '--db', '/proc/nope/x.db']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('/proc/nope');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('serve --port 99999 is a usage error before the database is even opened', async () => {
    const r = await cli(['serve', '--port', '99999', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('--port needs a port from 1 to 65535, got 99999. Usage: complaint-desk serve [--port P] [--host H [--host NAME…]]\n');
    expect(fs.existsSync(db)).toBe(false);
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
  });

  it('extra positional arguments are a usage error, one line, JSON with --json', async () => {
    const r = await cli(['tickets', 'extra', '--db', db, '--json']);
    expect(r.code).toBe(2);
    expect(r.json()).toEqual({ error: { code: 'usage', message: 'Unexpected argument "extra". Usage: complaint-desk tickets [--status S] [--channel C] [--limit N]' } });
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(db)).toBe(false);
    const two = await cli(['import', 'a.csv', 'b.csv', '--db', db]);
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/^Unexpected argument "b.csv"\. Usage: complaint-desk import /);
  });

  it('an unknown option or command still prints JSON with --json', async () => {
    const r = await cli(['sla', '--bogus', '--json', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.json()).toMatchObject({ error: { code: 'usage' } });
    const u = await cli(['nosuch', '--json']);
    expect(u.code).toBe(2);
    expect(u.json()).toMatchObject({ error: { code: 'usage', message: expect.stringContaining('nosuch') } });
  });

  it('check --json on a damaged file prints a JSON document', async () => {
    fs.writeFileSync(db, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 0x41)]));
    const r = await cli(['check', '--db', db, '--json']);
    expect(r.code).toBe(1);
    const doc = r.json() as { error: { code: string; message: string } };
    expect(typeof doc.error.code).toBe('string');
    expect(doc.error.message.length).toBeGreaterThan(0);
  });
});
