import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaptured } from '../../helpers/cli';
import { PINNED_NOW, tempDir } from '../../helpers/temp-db';
import { LATEST_VERSION } from '../../../src-main/db/migrations';

let dir: string;
let db: string;
beforeEach(() => {
  dir = tempDir();
  db = path.join(dir, 'desk.db');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[], env: NodeJS.ProcessEnv = { LANG: 'en_US.UTF-8' }) => runCaptured(args, { env, now: () => PINNED_NOW });

describe('complaint-desk CLI', () => {
  it('init creates and migrates a new database', async () => {
    const r = await cli(['init', '--db', db, '--json']);
    expect(r.code).toBe(0);
    expect(r.json()).toEqual({ schemaVersion: LATEST_VERSION });
    expect(fs.existsSync(db)).toBe(true);
  });

  it('takes the database from COMPLAINT_DESK_DB when --db is absent', async () => {
    const r = await cli(['init', '--json'], { COMPLAINT_DESK_DB: db });
    expect(r.code).toBe(0);
    expect(fs.existsSync(db)).toBe(true);
  });

  it('seed is deterministic and tickets prints the spec’s fields with offsets', { timeout: 60_000 }, async () => {
    // The seed's months end today, so the refund count is compared between two runs, not with a number fixed on one day.
    const first = (await cli(['seed', '--tickets', '300', '--seed', '7', '--months', '3', '--db', db, '--json'])).json() as { tickets: number; refunds: number };
    expect(first.tickets).toBe(300);
    expect(first.refunds).toBeGreaterThan(0);
    const other = path.join(dir, 'other.db');
    expect((await cli(['seed', '--tickets', '300', '--seed', '7', '--months', '3', '--db', other, '--json'])).json()).toEqual(first);
    const a = (await cli(['tickets', '--limit', '300', '--db', db, '--json'])).json() as Array<Record<string, string>>;
    const b = (await cli(['tickets', '--limit', '300', '--db', other, '--json'])).json() as Array<Record<string, string>>;
    expect(a).toHaveLength(300);
    expect(a).toEqual(b);
    expect(Object.keys(a[0]!)).toEqual(expect.arrayContaining(['ticket_no', 'channel', 'status', 'level', 'received_at']));
    expect(a[0]!.received_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    const store = (await cli(['tickets', '--channel', 'store', '--status', 'closed', '--limit', '5', '--db', db, '--json'])).json() as Array<Record<string, string>>;
    expect(store.length).toBeGreaterThan(0);
    expect(store.every((t) => t.channel === 'store' && t.status === 'closed')).toBe(true);
  });

  it('usage errors exit 2 with the usage on stderr and nothing on stdout', async () => {
    for (const args of [[], ['frobnicate'], ['tickets', '--bogus'], ['tickets', '--status', 'lost'], ['seed'], ['tickets', '--limit', 'ten']]) {
      const r = await cli([...args, '--db', db]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.length).toBeGreaterThan(0);
    }
  });

  it('backup, check and restore round-trip, and a newer database is refused with exit 1', { timeout: 60_000 }, async () => {
    await cli(['seed', '--tickets', '50', '--db', db]);
    const b = await cli(['backup', '--out', path.join(dir, 'b.db'), '--db', db, '--json']);
    expect(b.json()).toEqual({ path: path.join(dir, 'b.db') });
    expect((await cli(['check', '--db', db, '--json'])).json()).toEqual({ ok: true, problems: [] });
    await cli(['seed', '--tickets', '10', '--seed', '2', '--db', db]);
    expect((await cli(['tickets', '--limit', '100', '--db', db, '--json'])).json()).toHaveLength(60);
    const r = await cli(['restore', path.join(dir, 'b.db'), '--db', db, '--json']);
    expect(r.code).toBe(0);
    expect((await cli(['tickets', '--limit', '100', '--db', db, '--json'])).json()).toHaveLength(50);
    // The database that was replaced is kept next to it.
    expect(fs.readdirSync(path.join(dir, 'backups')).some((f) => f.startsWith('before-restore-'))).toBe(true);

    const Database = (await import('better-sqlite3')).default;
    const newer = new Database(db);
    newer.pragma('user_version = 99');
    newer.close();
    const refused = await cli(['tickets', '--db', db, '--json'], { LANG: 'zh_CN.UTF-8' });
    expect(refused.code).toBe(1);
    // --json always prints one document: the error, with the same sentence as stderr.
    expect(refused.json()).toEqual({ error: { code: 'db_too_new', message: expect.stringMatching(/更新版本/) } });
    expect(refused.stderr).toMatch(/更新版本/);
  });

  it('restore refuses a file that is not a sound database and leaves the current one alone', async () => {
    await cli(['seed', '--tickets', '20', '--db', db]);
    const junk = path.join(dir, 'junk.db');
    fs.writeFileSync(junk, 'this is not sqlite at all, just text'.repeat(200));
    const r = await cli(['restore', junk, '--db', db, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/integrity|database/i);
    expect((await cli(['tickets', '--limit', '100', '--db', db, '--json'])).json()).toHaveLength(20);
  });
});
