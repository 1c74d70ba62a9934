/**
 * Each daily backup copy gets the full integrity check on a worker thread; a
 * copy that fails it is kept as damaged-<day>.db, never offered for restore,
 * and the failure shows in system/health beside the newest copy that passed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src-main/db/open';
import { createContext } from '../../../src-main/services/context';
import { ensureDailyBackup } from '../../../src-main/services/backups';
import { health } from '../../../src-main/services/integrity';
import { checkFileInBackground } from '../../../src-main/db/background-check';
import { PINNED_NOW, tempDir } from '../../helpers/temp-db';
import { damageAuditLogPage, writeDatabaseWithAuditLog } from './damage';

const DAY = 86_400_000;
let dir: string;
let file: string;
let backups: string;
let db: Db | null = null;

beforeEach(() => {
  dir = tempDir('desk-integrity-');
  file = path.join(dir, 'desk.db');
  backups = path.join(dir, 'backups');
  writeDatabaseWithAuditLog(file);
});
afterEach(() => {
  db?.close();
  db = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

function open(now: number) {
  db?.close();
  db = openDatabase(file, { integrity: 'skip' });
  return createContext(db, () => now);
}

describe('checks off the start path', () => {
  it('a worker thread finds a damaged page that opening the file does not read', async () => {
    expect((await checkFileInBackground(file, 'full')).problems).toEqual([]);
    damageAuditLogPage(file);
    expect(() => openDatabase(file, { integrity: 'skip' }).close()).not.toThrow();
    const quick = await checkFileInBackground(file, 'quick');
    const full = await checkFileInBackground(file, 'full');
    expect(quick.problems.length).toBeGreaterThan(0);
    expect(full.problems.length).toBeGreaterThan(0);
  });

  it('a file that is not a database is a problem found, not a crash', async () => {
    const junk = path.join(dir, 'junk.db');
    fs.writeFileSync(junk, 'not a database '.repeat(500));
    const r = await checkFileInBackground(junk, 'quick');
    expect(r.problems).toEqual([expect.stringMatching(/not a database/i)]);
  });
});

describe('daily backup with its full check', () => {
  it('a sound copy passes and becomes the one to restore from', async () => {
    const ctx = open(PINNED_NOW);
    // What a console closed half-way through a copy leaves: not taken for today's backup.
    fs.mkdirSync(backups, { recursive: true });
    fs.writeFileSync(path.join(backups, 'daily-20261102.db.partial'), 'half a copy');
    const r = await ensureDailyBackup(ctx, backups);
    expect(fs.readdirSync(backups)).toEqual(['daily-20261102.db']);
    // 2026-11-02 in Asia/Shanghai, the branch's default zone.
    expect(path.basename(r.path)).toBe('daily-20261102.db');
    expect(r.record?.check).toMatchObject({ kind: 'full', ok: true, problems: [] });
    expect(health(ctx, backups)).toMatchObject({ problem: null, restoreFrom: r.path, backup: { path: r.path, check: { ok: true } } });
    expect((await ensureDailyBackup(ctx, backups)).created).toBe(false);
  });

  it('a copy that fails its check is set aside, raised, and the last good copy is offered instead', async () => {
    const good = (await ensureDailyBackup(open(PINNED_NOW), backups)).path;
    db!.close();
    db = null;
    damageAuditLogPage(file);
    const lines: string[] = [];
    const ctx = open(PINNED_NOW + DAY);
    const r = await ensureDailyBackup(ctx, backups, { log: (l) => lines.push(l) });

    expect(path.basename(r.path)).toBe('damaged-20261103.db');
    expect(fs.readdirSync(backups).sort()).toEqual(['daily-20261102.db', 'damaged-20261103.db']);
    const h = health(ctx, backups);
    expect(h.problem).toBe('backup');
    expect(h.backup?.check?.ok).toBe(false);
    expect(h.backup?.check?.problems.length).toBeGreaterThan(0);
    expect(h.restoreFrom).toBe(good);
    expect(lines.some((l) => l.startsWith('BACKUP DAMAGED'))).toBe(true);
    // Not copied and checked again every hour that day.
    expect((await ensureDailyBackup(ctx, backups)).created).toBe(false);
  });
});
