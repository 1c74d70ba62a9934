/**
 * The outbox against the reference receiver while headquarters fails, answers
 * too slowly, drops the connection mid-upload, refuses, and while the console
 * stops in the middle of an upload: every bundle is filed exactly once, none is
 * lost, and every attempt is on record.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb, type TestDb } from '../../helpers/temp-db';
import { NOW } from '../reports/fixture';
import { exportOctober, seedBranchOctober } from './fixture';
import { Receiver } from '../../../src-main/hosts/receiver/server';
import { OutboxWorker, queueUpload, retryUploadNow, saveUploadSettings } from '../../../src-main/services/export/outbox';
import { currentPublicKey } from '../../../src-main/services/export/keys';
import { OutboxStore } from '../../../src-main/db/outbox-store';
import { openDatabase } from '../../../src-main/db/open';
import { createContext } from '../../../src-main/services/context';

let t: TestDb;
let receiver: Receiver;
let root: string;
let url: string;
const TOKEN = 'branch-token-123';

function register(publicKeyPem: string) {
  fs.writeFileSync(path.join(root, 'branches.json'), JSON.stringify({ 'FS-CC': { token: TOKEN, publicKeyPem } }));
}

beforeEach(async () => {
  t = tempDb(NOW);
  seedBranchOctober(t);
  await exportOctober(t);
  root = path.join(t.dir, 'hq');
  fs.mkdirSync(root);
  register(currentPublicKey(t.ctx, t.dir)!.publicKeyPem);
  receiver = new Receiver({ root, now: () => NOW });
  url = await receiver.listen();
  saveUploadSettings(t.ctx, null, { url, token: TOKEN });
});
afterEach(async () => {
  await receiver.close();
  t.close();
});

/** A worker whose timers never fire by themselves: the test wakes it after moving the clock. */
const worker = (ctx = t.ctx, extra: Partial<ConstructorParameters<typeof OutboxWorker>[1]> = {}) =>
  new OutboxWorker(ctx, { random: () => 0.5, setTimer: () => ({ clear() {} }), timeoutMs: 5_000, ...extra });
const store = () => new OutboxStore(t.db);
const outcomes = (id: number) => store().attempts(id).map((a) => [a.outcome, a.httpStatus]);

describe('the outbox', () => {
  it('uploads a queued bundle and keeps headquarters’ receipt; headquarters files it once, verified, in the branch folder', async () => {
    const item = queueUpload(t.ctx, '2026-10', null, null);
    expect(item).toMatchObject({ state: 'queued', idempotencyKey: expect.stringMatching(/^FS-CC:2026-10:r1:[0-9a-f]{64}$/) });
    await worker().wake();
    const sent = store().get(item.id)!;
    expect(sent).toMatchObject({ state: 'sent', attempts: 1, receiptAt: NOW, receipt: { idempotencyKey: item.idempotencyKey, month: '2026-10', revision: 1 } });
    expect(outcomes(item.id)).toEqual([['sent', 201]]);
    expect(receiver.filed).toEqual([item.idempotencyKey]);
    expect(fs.readdirSync(path.join(root, 'FS-CC', '2026-10'))).toEqual([expect.stringMatching(/^r1-[0-9a-f]{12}\.zip$/)]);
    // Queuing it again changes nothing.
    expect(queueUpload(t.ctx, '2026-10', 1, null).id).toBe(item.id);
  });

  it('while headquarters fails, retries with growing, jittered delays until it is filed', async () => {
    receiver.faults.failNext = 2;
    const item = queueUpload(t.ctx, '2026-10', null, null);
    const w = worker();
    await w.wake();
    // First failure: 30 s doubled 0 times, half sure + half × 0.5 = 22.5 s.
    expect(store().get(item.id)).toMatchObject({ state: 'failed', attempts: 1, nextAttemptAt: NOW + 22_500, lastError: 'HTTP 503 unavailable: headquarters is not taking uploads right now' });
    t.clock.advance(22_000);
    await w.wake();
    expect(store().get(item.id)!.attempts).toBe(1); // not due yet
    t.clock.advance(500);
    await w.wake();
    expect(store().get(item.id)).toMatchObject({ state: 'failed', attempts: 2, nextAttemptAt: NOW + 22_500 + 45_000 });
    t.clock.advance(45_000);
    await w.wake();
    expect(store().get(item.id)!.state).toBe('sent');
    expect(outcomes(item.id)).toEqual([['failed', 503], ['failed', 503], ['sent', 201]]);
    expect(receiver.filed).toHaveLength(1);
  });

  it('an answer that times out is tried again; headquarters answers the repeat with the same receipt, filed once', async () => {
    receiver.faults.slowMs = 1_500;
    const item = queueUpload(t.ctx, '2026-10', null, null);
    const w = worker(t.ctx, { timeoutMs: 300 });
    await w.wake();
    expect(store().get(item.id)).toMatchObject({ state: 'failed', lastError: 'timed out' });
    receiver.faults.slowMs = 0;
    t.clock.advance(60_000);
    await w.wake();
    const sent = store().get(item.id)!;
    expect(sent.state).toBe('sent');
    expect(outcomes(item.id)).toEqual([['failed', null], ['sent', 200]]);
    expect(receiver.filed).toEqual([item.idempotencyKey]);
  });

  it('a connection dropped mid-upload is tried again, and nothing half-received is filed', async () => {
    receiver.faults.dropNext = 1;
    receiver.faults.dropAfterBytes = 4096;
    const item = queueUpload(t.ctx, '2026-10', null, null);
    const w = worker();
    await w.wake();
    expect(store().get(item.id)!.state).toBe('failed');
    expect(receiver.filed).toEqual([]);
    // The receiver removes the partial upload once its stream is closed, a moment after the client saw the drop.
    await expect.poll(() => fs.readdirSync(path.join(root, '.incoming'))).toEqual([]);
    t.clock.advance(60_000);
    await w.wake();
    expect(store().get(item.id)!.state).toBe('sent');
    expect(receiver.filed).toHaveLength(1);
  });

  it('a console stopped mid-upload picks it up at its next start; the repeat is filed once', async () => {
    const item = queueUpload(t.ctx, '2026-10', null, null);
    // The first console sends the bundle but dies before it hears the receipt.
    const dying = worker(t.ctx, { fetch: async (u, init) => { await fetch(u, init); return new Promise<Response>(() => {}); } });
    void dying.wake();
    await expect.poll(() => receiver.filed.length).toBe(1);
    expect(store().get(item.id)!.state).toBe('sending');
    // The next start: another process, the same database file.
    const db2 = openDatabase(t.file);
    try {
      const ctx2 = createContext(db2, () => t.clock.now + 1_000);
      const w2 = worker(ctx2);
      w2.start();
      await w2.wake();
      w2.stop();
    } finally {
      db2.close();
    }
    expect(store().get(item.id)).toMatchObject({ state: 'sent', attempts: 2 });
    expect(outcomes(item.id)).toEqual([['interrupted', null], ['sent', 200]]);
    expect(receiver.filed).toEqual([item.idempotencyKey]);
  });

  it('a refusal is not retried by itself: a wrong token waits for the settings and "retry now"', async () => {
    saveUploadSettings(t.ctx, null, { url, token: 'wrong' });
    const item = queueUpload(t.ctx, '2026-10', null, null);
    const w = worker();
    await w.wake();
    expect(store().get(item.id)).toMatchObject({ state: 'rejected', nextAttemptAt: null, lastError: 'HTTP 401 unauthorized: unknown branch or wrong token' });
    t.clock.advance(24 * 3_600_000);
    await w.wake();
    expect(store().get(item.id)!.attempts).toBe(1);
    saveUploadSettings(t.ctx, null, { url, token: TOKEN });
    retryUploadNow(t.ctx, item.id);
    await w.wake();
    expect(store().get(item.id)!.state).toBe('sent');
  });

  it('headquarters refuses a bundle signed by a key it has not registered, and stores nothing', async () => {
    const crypto = await import('node:crypto');
    register(crypto.generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const item = queueUpload(t.ctx, '2026-10', null, null);
    await worker().wake();
    expect(store().get(item.id)).toMatchObject({ state: 'rejected', lastError: expect.stringMatching(/^HTTP 422 bundle_invalid/) });
    expect(fs.existsSync(path.join(root, 'FS-CC', '2026-10'))).toBe(false);
  });

  it('two revisions of a month, through failures and drops, each arrive exactly once', async () => {
    t.db.prepare(`UPDATE tickets SET district = '顺德区' WHERE ticket_no = 'T5'`).run();
    await exportOctober(t, { reason: '更正', out: path.join(t.dir, 'out') });
    const a = queueUpload(t.ctx, '2026-10', 1, null);
    const b = queueUpload(t.ctx, '2026-10', 2, null);
    receiver.faults.failNext = 1;
    receiver.faults.dropNext = 1;
    receiver.faults.dropAfterBytes = 2048;
    const w = worker();
    for (let i = 0; i < 6; i++) {
      await w.wake();
      t.clock.advance(10 * 60_000);
    }
    expect([store().get(a.id)!.state, store().get(b.id)!.state]).toEqual(['sent', 'sent']);
    expect([...receiver.filed].sort()).toEqual([a.idempotencyKey, b.idempotencyKey].sort());
    expect(fs.readdirSync(path.join(root, 'FS-CC', '2026-10'))).toHaveLength(2);
  });
});
