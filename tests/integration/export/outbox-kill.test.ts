/**
 * A real process killed in the middle of an upload: `complaint-desk upload`
 * sends the bundle, headquarters files it but answers slowly, and the process
 * is killed (SIGKILL) before the answer. The next run takes the interrupted
 * try up again; headquarters answers with the receipt it already has. Filed
 * exactly once, nothing lost, both tries on record.
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TestDb } from '../../helpers/temp-db';
import { NOW } from '../reports/fixture';
import { exportOctober, seedBranchOctober } from './fixture';
import { Receiver } from '../../../src-main/hosts/receiver/server';
import { currentPublicKey } from '../../../src-main/services/export/keys';
import { saveUploadSettings } from '../../../src-main/services/export/outbox';
import { OutboxStore } from '../../../src-main/db/outbox-store';
import { runCli } from '../../../src-main/cli/main';

let t: TestDb;
let receiver: Receiver;
beforeEach(async () => {
  t = tempDb(NOW);
  seedBranchOctober(t);
  await exportOctober(t);
  const root = path.join(t.dir, 'hq');
  fs.mkdirSync(root);
  fs.writeFileSync(path.join(root, 'branches.json'), JSON.stringify({ 'FS-CC': { token: 'tok-12345678', publicKeyPem: currentPublicKey(t.ctx, t.dir)!.publicKeyPem } }));
  receiver = new Receiver({ root });
  saveUploadSettings(t.ctx, null, { url: await receiver.listen(), token: 'tok-12345678' });
});
afterEach(async () => {
  await receiver.close();
  t.close();
});

describe('the outbox across a killed process', () => {
  it('files the bundle once and records the interrupted try', async () => {
    receiver.faults.slowMs = 60_000;
    const child = spawn(process.execPath, ['bin/complaint-desk.mjs', 'upload', '--month', '2026-10', '--db', t.file, '--json'], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await expect.poll(() => receiver.filed.length, { timeout: 20_000 }).toBe(1);
    child.kill('SIGKILL');
    await exited;
    const store = new OutboxStore(t.db);
    const [item] = store.all();
    expect(item).toMatchObject({ state: 'sending', attempts: 1 });

    receiver.faults.slowMs = 0;
    let stdout = '';
    const code = await runCli(['upload', '--month', '2026-10', '--db', t.file, '--json'], { stdout: (s) => (stdout += s), stderr: () => {}, env: {}, now: () => NOW + 60_000 });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ state: 'sent', attempts: 2 });
    expect(store.attempts(item!.id).map((a) => [a.outcome, a.httpStatus])).toEqual([['interrupted', null], ['sent', 200]]);
    expect(receiver.filed).toEqual([item!.idempotencyKey]);
  });
});
