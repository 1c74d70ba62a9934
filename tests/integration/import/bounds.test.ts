/**
 * An import's memory and disk stay bounded whatever the file: the report lists
 * the first problems and counts the rest (the rejects file has every one), a
 * file over the size limit is refused before anything is read, the console's
 * temporary files stay in the data folder for this account only and are gone
 * after a restart, and the printed outcome always says what was committed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src-main/cli/main';
import { openConsole } from '../../../src-main/api/runtime';
import { importFile } from '../../../src-main/services/import/run';
import { importFiles } from '../../../src-main/services/import/files';
import { messageFor } from '../../../src-main/core/messages';
import type { DomainError } from '../../../src-main/core/errors';
import { addUser, PINNED_NOW, tempDb, tempDir, type TestDb } from '../../helpers/temp-db';
import { GOOD_ROWS, HEADER, csvText } from './files';

let t: TestDb;
beforeEach(() => (t = tempDb()));
afterEach(() => t.close());

const good = (i: number) => [`G${i}`, ...GOOD_ROWS[0]!.slice(1)];
const bad = (i: number) => [`B${i}`, '传真', ...GOOD_ROWS[0]!.slice(2, 3), '12345', ...GOOD_ROWS[0]!.slice(4)];
const write = (name: string, rows: string[][]) => {
  const file = path.join(t.dir, name);
  fs.writeFileSync(file, csvText([HEADER, ...rows]));
  return file;
};
const ticketCount = () => (t.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;

describe('the report is bounded; the rejects file is complete', () => {
  it('lists the first problems, counts the rest, and writes every bad row to the file', async () => {
    const user = addUser(t.ctx, 'zhangsan', 'supervisor');
    const rows = [...Array.from({ length: 30 }, (_, i) => good(i)), ...Array.from({ length: 200 }, (_, i) => bad(i))];
    const rejectsPath = path.join(t.dir, 'rejects.csv');
    const r = await importFile(t.ctx, user, write('mixed.csv', rows), { rejectsPath, listLimit: 25 });
    // Each bad row has two problems (channel and phone): 400 found, 25 listed.
    expect(r).toMatchObject({ inserted: 30, rejectedRows: 200, rejectedTotal: 400, rejectedOmitted: 375 });
    expect(r.rejected).toHaveLength(25);
    const lines = fs.readFileSync(rejectsPath, 'utf8').trim().split('\r\n');
    expect(lines).toHaveLength(201);
    expect(fs.statSync(rejectsPath).mode & 0o777).toBe(0o600);
  });

  it('a small import keeps the documented shape: no rejectedOmitted', async () => {
    const r = await importFile(t.ctx, null, write('small.csv', [good(1), bad(1)]));
    expect(r.rejected).toHaveLength(2);
    expect('rejectedOmitted' in r).toBe(false);
  });

  it('the CLI prints the outcome of 1,000 good rows among 20,000 bad ones, bounded (was "Invalid string length" at 1.2 M)', { timeout: 60_000 }, async () => {
    const rows = [...Array.from({ length: 1000 }, (_, i) => good(i)), ...Array.from({ length: 20_000 }, (_, i) => bad(i))];
    const file = write('big.csv', rows);
    t.db.close();
    let stdout = '';
    let stderr = '';
    const io = { stdout: (s: string) => (stdout += s), stderr: (s: string) => (stderr += s), env: { LANG: 'en_US.UTF-8' }, now: () => PINNED_NOW };
    const code = await runCli(['import', file, '--db', t.file, '--json'], io);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { inserted: number; rejected: unknown[]; rejectedOmitted: number };
    expect(out.inserted).toBe(1000);
    expect(out.rejected).toHaveLength(1000);
    expect(out.rejectedOmitted).toBe(39_000);
    expect(stderr).toContain('20000 rows refused; the first 1000 problems are listed');
    t.db = (await import('../../../src-main/db/open')).openDatabase(t.file);
  });

  it('the tickets are written and said so even when the rejects file cannot be', async () => {
    const r = await importFile(t.ctx, null, write('x.csv', [good(1), bad(1)]), { rejectsPath: path.join(t.dir, 'no-such-folder', 'r.csv') });
    expect(r).toMatchObject({ inserted: 1, rejectedRows: 1, rejectsFile: null });
    expect(r.rejectsError).toMatch(/ENOENT/);
    expect(ticketCount()).toBe(1);
  });
});

describe('a file over the size limit', () => {
  it('is refused with its limit before anything is read; the limit is a setting and an option', async () => {
    // 200 rows of 1,800-character descriptions: about 1.1 MB.
    const long = '信号差'.repeat(600);
    const big = write('big.csv', Array.from({ length: 200 }, (_, i) => HEADER.map((h, c) => (h === '投诉内容' ? long : h === '客户号码' ? `1380000${String(i).padStart(4, '0')}` : good(i)[c]!))));
    expect(fs.statSync(big).size).toBeGreaterThan(1024 * 1024);
    let err: DomainError | undefined;
    try {
      await importFile(t.ctx, null, big, { maxBytes: 1024 * 1024 });
    } catch (e) {
      err = e as DomainError;
    }
    expect(err?.code).toBe('import_refused');
    expect(messageFor(err!, 'zh-CN')).toBe('文件超过 1 MB。');
    expect(ticketCount()).toBe(0);
    t.ctx.settings.set('import.maxFileMB', 1, PINNED_NOW, null);
    await expect(importFile(t.ctx, null, big)).rejects.toMatchObject({ code: 'import_refused', params: { what: 'too_large', max: 1 } });
    t.ctx.settings.set('import.maxFileMB', 2, PINNED_NOW, null);
    expect((await importFile(t.ctx, null, big)).inserted).toBe(200);
  });
});

describe("the console's temporary files", () => {
  it('live in the data folder for this account only, and are gone once the console restarts', () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'desk.db');
    try {
      const first = openConsole({ dbPath, backgroundJobs: false, now: () => PINNED_NOW });
      const files = importFiles(first.ctx);
      const up = files.append(1, { fileName: 'crm.csv', offset: 0, bytes: Buffer.from('工单编号,客户号码\r\nX1,13800138000\r\n') });
      const kept = files.upload(1, up.uploadId).path;
      expect(path.dirname(kept)).toBe(path.join(dir, 'import-tmp'));
      expect(fs.statSync(path.dirname(kept)).mode & 0o777).toBe(0o700);
      expect(fs.statSync(kept).mode & 0o777).toBe(0o600);
      // A killed console never closes: its files stay until the next start.
      first.ctx.db.close();
      expect(fs.existsSync(kept)).toBe(true);
      const second = openConsole({ dbPath, backgroundJobs: false, now: () => PINNED_NOW });
      expect(fs.existsSync(kept)).toBe(false);
      const again = importFiles(second.ctx).append(1, { fileName: 'crm.csv', offset: 0, bytes: Buffer.from('x') });
      const next = importFiles(second.ctx).upload(1, again.uploadId).path;
      second.close();
      expect(fs.existsSync(next)).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
