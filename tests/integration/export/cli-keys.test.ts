/** `complaint-desk export`, `verify` and `key`, and what happens to the signing key. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCaptured } from '../../helpers/cli';
import { tempDb, type TestDb } from '../../helpers/temp-db';
import { NOW } from '../reports/fixture';
import { outDir, seedBranchOctober } from './fixture';
import { unzipAll, zipAll } from './zip-tools';

let t: TestDb;
beforeEach(() => {
  t = tempDb(NOW);
  seedBranchOctober(t);
});
afterEach(() => t.close());

const cli = (args: string[], lang = 'en_US.UTF-8') => runCaptured([...args, '--db', t.file], { lang, now: () => NOW });

describe('complaint-desk export and verify', () => {
  it('export --json prints path, revision, files and sha256; verify --json says ok', async () => {
    const out = outDir(t);
    const r = await cli(['export', '--month', '2026-10', '--out', out, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { path: string; revision: number; files: string[]; sha256: string };
    expect(doc).toMatchObject({ path: path.join(out, 'complaint-desk-FS-CC-2026-10-r1.zip'), revision: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(doc.files).toContain('data/tickets.jsonl');
    expect(r.stderr).toMatch(/Created the branch's signing key/);
    const v = await cli(['verify', doc.path, '--json']);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, problems: [], month: '2026-10', revision: 1, branch: { id: 'FS-CC' } });
  });

  it('verify exits 1 listing each problem, in the user language', async () => {
    const r = JSON.parse((await cli(['export', '--month', '2026-10', '--out', outDir(t), '--json'])).stdout) as { path: string };
    const entries = await unzipAll(r.path);
    entries.delete('data/breaches.jsonl');
    const bad = path.join(t.dir, 'bad.zip');
    await zipAll(bad, entries);
    const v = await cli(['verify', bad, '--json'], 'zh_CN.UTF-8');
    expect(v.code).toBe(1);
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: false, problems: [{ code: 'file_missing', path: 'data/breaches.jsonl', message: '清单列出的 data/breaches.jsonl 不存在。' }] });
  });

  it('verify --key checks against the registered public key', async () => {
    const r = JSON.parse((await cli(['export', '--month', '2026-10', '--out', outDir(t), '--json'])).stdout) as { path: string };
    const pem = path.join(t.dir, 'branch.pem');
    const k = await cli(['key', '--out', pem, '--json']);
    expect(JSON.parse(k.stdout)).toMatchObject({ fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/), keyFilePresent: true });
    expect(fs.readFileSync(pem, 'utf8')).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect((await cli(['verify', r.path, '--key', pem, '--json'])).code).toBe(0);
    const missing = await cli(['verify', r.path, '--key', path.join(t.dir, 'nope.pem'), '--json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/public key file .*nope\.pem cannot be read/);
  });

  it('bad input: a future month, a missing folder, a bundle that is not there; usage errors exit 2', async () => {
    const future = await cli(['export', '--month', '2027-01', '--out', outDir(t), '--json']);
    expect([future.code, future.stderr]).toEqual([1, '2027-01 has not begun yet; there is nothing to export.\n']);
    const folder = await cli(['export', '--month', '2026-10', '--out', path.join(t.dir, 'nope'), '--json']);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toMatch(/Cannot write to the output folder .*nope \(no such folder\)\. Nothing was changed\./);
    expect((await cli(['verify', path.join(t.dir, 'none.zip')])).code).toBe(1);
    expect((await cli(['export', '--month', '2026-10'])).code).toBe(2);
  });

  it('bad input says what is wrong in the user language, the system words translated too', async () => {
    const folder = await cli(['export', '--month', '2026-10', '--out', path.join(t.dir, 'nope'), '--json'], 'zh_CN.UTF-8');
    expect(folder.stderr).toMatch(/无法写入输出文件夹 .*nope（文件夹不存在）。未做任何更改。/);
    const notFolder = await cli(['export', '--month', '2026-10', '--out', t.file], 'zh_CN.UTF-8');
    expect(notFolder.stderr).toMatch(/（不是文件夹）/);
    const dir = await cli(['verify', t.dir, '--json']);
    expect([dir.code, JSON.parse(dir.stdout)]).toEqual([1, { error: { code: 'export_refused', message: `Cannot read the bundle ${t.dir}: a folder, not a bundle file` } }]);
    const none = await cli(['verify', path.join(t.dir, 'none.zip')], 'zh_CN.UTF-8');
    expect(none.stderr).toMatch(/无法读取上报包 .*none\.zip：文件不存在/);
    // Nothing was made: no archive folder, no history row.
    expect(fs.existsSync(path.join(t.dir, 'exports'))).toBe(false);
    expect(t.db.prepare('SELECT count(*) AS n FROM export_revisions').get()).toEqual({ n: 0 });
    expect((await cli(['verify'])).code).toBe(2);
  });
});

describe('the signing key', () => {
  const keyFile = () => path.join(t.dir, 'keys', 'branch-signing-key.pem');

  it('is made on the first export, in an owner-only file outside the database', async () => {
    expect(JSON.parse((await cli(['key', '--json'])).stdout)).toMatchObject({ fingerprint: null });
    await cli(['export', '--month', '2026-10', '--out', outDir(t), '--json']);
    expect(fs.statSync(keyFile()).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(keyFile())).mode & 0o777).toBe(0o700);
    const pem = fs.readFileSync(keyFile(), 'utf8');
    expect(pem).toMatch(/BEGIN PRIVATE KEY/);
    // Nothing of the private key is in the database file.
    t.db.pragma('wal_checkpoint(TRUNCATE)');
    const body = pem.split('\n').filter((l) => l && !l.startsWith('-----')).join('');
    expect(fs.readFileSync(t.file).includes(Buffer.from(body))).toBe(false);
    expect(JSON.stringify(t.db.prepare('SELECT * FROM settings').all())).not.toMatch(/PRIVATE/);
  });

  it('lost: the next export makes a new key and says so loudly; the bundle is signed with the new key', async () => {
    const first = JSON.parse((await cli(['export', '--month', '2026-10', '--out', outDir(t), '--json'])).stdout) as { keyFingerprint: string };
    fs.rmSync(keyFile());
    const k = await cli(['key', '--json']);
    expect(JSON.parse(k.stdout)).toMatchObject({ fingerprint: first.keyFingerprint, keyFilePresent: false });
    expect(k.stderr).toMatch(/private key file is missing/);
    t.db.prepare(`UPDATE tickets SET district = '顺德区' WHERE ticket_no = 'T5'`).run();
    const r = await cli(['export', '--month', '2026-10', '--out', outDir(t, 'again'), '--reason', 'fix', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { path: string; keyFingerprint: string; keyNotice: unknown };
    expect(doc.keyFingerprint).not.toBe(first.keyFingerprint);
    expect(doc.keyNotice).toEqual({ kind: 'replaced_lost', previousFingerprint: first.keyFingerprint });
    expect(r.stderr).toMatch(/signing key file was missing .* Headquarters must register the new public key/);
    expect(fs.existsSync(keyFile())).toBe(true);
    expect(JSON.parse((await cli(['verify', doc.path, '--json'])).stdout)).toMatchObject({ ok: true, keyFingerprint: doc.keyFingerprint });
  });

  it('a key file that cannot be read stops the export: never an unsigned bundle', async () => {
    fs.mkdirSync(path.dirname(keyFile()), { recursive: true });
    fs.writeFileSync(keyFile(), 'garbage');
    const out = outDir(t);
    const r = await cli(['export', '--month', '2026-10', '--out', out, '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/signing key file .* cannot be read/);
    expect(fs.readdirSync(out)).toEqual([]);
  });
});
