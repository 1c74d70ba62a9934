/**
 * The console's start path reads nothing that grows with the database: a file
 * damaged in the middle still opens and answers, and the quick check run
 * after the first answers raises it (log, system/health, restore advice). A
 * file SQLite cannot read at all is refused with the way to restore.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openConsole, type RunningConsole } from '../../../src-main/api/runtime';
import type { SessionSlot } from '../../../src-main/api/handlers';
import { DomainError } from '../../../src-main/core/errors';
import { messageFor } from '../../../src-main/core/messages';
import { toApiError } from '../../../src-main/api/errors';
import { PINNED_NOW, tempDir } from '../../helpers/temp-db';
import { damageAuditLogPage, writeDatabaseWithAuditLog } from './damage';

let dir: string;
let file: string;
let desk: RunningConsole | null = null;

beforeEach(() => {
  dir = tempDir('desk-start-');
  file = path.join(dir, 'desk.db');
});
afterEach(async () => {
  if (desk) {
    await desk.jobsStarted;
    desk.close();
  }
  desk = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

const slot = (): SessionSlot => {
  let token: string | null = null;
  return { get: () => token, set: (v) => (token = v) };
};

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('console start with a damaged file', () => {
  it('answers first, then the background check raises the damage with the way to restore', async () => {
    writeDatabaseWithAuditLog(file);
    damageAuditLogPage(file);
    const lines: string[] = [];
    desk = openConsole({ dbPath: file, now: () => PINNED_NOW, log: (l) => lines.push(l), startJobs: { quietMs: 50, latestMs: 5000 } });
    const s = slot();
    // It answers at once: nothing has read the damaged page yet.
    const setup = { username: 'admin', displayName: '管理员', password: 'correct horse', branchName: '南海', branchId: 'NH' };
    expect(await desk.api.call('auth/setup', setup, s, 'en')).toMatchObject({ ok: true });
    expect(lines.some((l) => l.includes('check'))).toBe(false);

    await until(() => lines.some((l) => l.startsWith('DATABASE DAMAGED')));
    const damaged = lines.find((l) => l.startsWith('DATABASE DAMAGED'))!;
    expect(damaged).toContain('complaint-desk restore');
    const h = await desk.api.call('system/health', {}, s, 'en');
    expect(h).toMatchObject({
      ok: true,
      value: { problem: 'database', file, backupDir: path.join(dir, 'backups'), database: { kind: 'quick', ok: false } },
    });
    // The daily backup copy of that file fails its full check too, and is set aside.
    await until(() => lines.some((l) => l.startsWith('BACKUP DAMAGED')));
    expect(fs.readdirSync(path.join(dir, 'backups')).filter((f) => f.startsWith('damaged-'))).toHaveLength(1);
  });

  it('a sound file: the monitor, the quick check and the daily backup start only after the console has answered', async () => {
    writeDatabaseWithAuditLog(file);
    const lines: string[] = [];
    desk = openConsole({ dbPath: file, now: () => PINNED_NOW, log: (l) => lines.push(l), startJobs: { quietMs: 100, latestMs: 5000 } });
    let started = false;
    void desk.jobsStarted.then(() => (started = true));
    await desk.api.call('auth/status', {}, slot(), 'en');
    await new Promise((r) => setTimeout(r, 20));
    expect(started).toBe(false);
    expect(desk.monitor.nextWake()).toBeNull();
    await desk.jobsStarted;
    await until(() => lines.some((l) => l.startsWith('daily backup written')) && lines.some((l) => l.startsWith('database quick check passed')));
    const h = await desk.api.call('system/health', {}, slot(), 'en');
    // Not logged in: health is for users of the console.
    expect(h).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('a file that is not a database is refused at open with the backup folder to restore from', () => {
    fs.writeFileSync(file, 'this is not a database '.repeat(300));
    let error: unknown;
    try {
      openConsole({ dbPath: file, backgroundJobs: false });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    const en = messageFor(error as DomainError, 'en');
    expect(en).toContain('complaint-desk restore');
    expect(en).toContain(path.join(dir, 'backups'));
    expect(messageFor(error as DomainError, 'zh-CN')).toMatch(/恢复/);
  });

  it('damage met while answering a call is said as such, not as an internal error', () => {
    const e = Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
    const logged: unknown[] = [];
    const answer = toApiError(e, 'en', (x) => logged.push(x));
    expect(answer.code).toBe('db_corrupt');
    expect(answer.message).toMatch(/malformed.*complaint-desk restore/);
    expect(logged).toEqual([e]);
  });
});
