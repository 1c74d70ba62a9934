/**
 * The monthly report's reminders from the outbox as it really is: an upload
 * that keeps failing is reminded after more than a day, last month unsent on
 * the 1st–3rd; the watch tells the hosts once per change; deadlines/summary
 * gives them to those who send the month; the web host's event stream carries
 * them to the page.
 */
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addUser, tempDb, type TestDb } from '../../helpers/temp-db';
import { cn, NOW } from '../reports/fixture';
import { exportOctober, seedBranchOctober } from './fixture';
import { OutboxWorker, queueUpload, retryUploadNow, saveUploadSettings } from '../../../src-main/services/export/outbox';
import { currentUploadReminders, UploadReminderWatch, type UploadRemindersEvent } from '../../../src-main/services/export/reminders';
import { createApiServer } from '../../../src-main/api/server';
import type { SessionSlot } from '../../../src-main/api/handlers';
import type { DeadlineSummary } from '../../../src-main/api/contract';
import { startWebHost, type WebHost } from '../../../src-main/hosts/web/server';
import { rawCall } from '../../helpers/raw-http';

const H = 3_600_000;
let t: TestDb;
beforeEach(() => {
  t = tempDb(NOW); // 2 November 10:00 China time
  seedBranchOctober(t);
});
afterEach(() => t.close());

/** headquarters down until `up` is set; then a receipt for whatever arrives. */
function headquarters() {
  const hq = { up: false, calls: 0 };
  const fetchStub = (async (_url: string, init: RequestInit) => {
    hq.calls++;
    if (!hq.up) throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    const key = (init.headers as Record<string, string>)['idempotency-key'];
    return new Response(JSON.stringify({ idempotencyKey: key, receiptId: 'HQ-1', receivedAt: '2026-11-04T10:00:00+08:00' }), { status: 201 });
  }) as unknown as typeof fetch;
  return { hq, fetchStub };
}

describe('reminders from the outbox', () => {
  it('last month unsent on the 2nd; failing for 25 h on the 3rd; nothing once headquarters has it', async () => {
    await exportOctober(t);
    saveUploadSettings(t.ctx, null, { url: 'https://hq.example/upload', token: 't' });
    expect(currentUploadReminders(t.ctx)).toEqual([{ kind: 'month_not_sent', month: '2026-10', queued: false }]);

    const { hq, fetchStub } = headquarters();
    const worker = new OutboxWorker(t.ctx, { fetch: fetchStub, random: () => 0.5, setTimer: () => ({ clear() {} }) });
    const item = queueUpload(t.ctx, '2026-10', null, null);
    await worker.wake();
    expect(hq.calls).toBe(1);
    const failedAt = t.clock.now;
    expect(currentUploadReminders(t.ctx)).toEqual([{ kind: 'month_not_sent', month: '2026-10', queued: true }]);

    // 23 h later (3 November 09:00), tried again and failed again: not a day yet.
    t.clock.advance(23 * H);
    await retryAndWake(item.id, worker);
    expect(hq.calls).toBe(2);
    expect(currentUploadReminders(t.ctx)).toEqual([{ kind: 'month_not_sent', month: '2026-10', queued: true }]);

    // 25 h after the first failure: failing for more than a day, said once (not also as unsent).
    t.clock.advance(2 * H);
    expect(currentUploadReminders(t.ctx)).toEqual([
      { kind: 'upload_failing', month: '2026-10', revision: 1, state: 'failed', failingSince: failedAt, lastError: expect.stringContaining('ECONNREFUSED'), nextAttemptAt: expect.any(Number) },
    ]);

    // Headquarters is back: sent, and nothing to remind.
    hq.up = true;
    await retryAndWake(item.id, worker);
    expect(currentUploadReminders(t.ctx)).toEqual([]);
  });

  it('on the 4th an unsent last month is no longer reminded, and a month without tickets never is', () => {
    t.clock.now = cn(2026, 11, 4, 0);
    expect(currentUploadReminders(t.ctx)).toEqual([]);
    t.clock.now = cn(2026, 12, 1, 9); // November has one ticket (T8, 1 November)
    expect(currentUploadReminders(t.ctx)).toEqual([{ kind: 'month_not_sent', month: '2026-11', queued: false }]);
    t.clock.now = cn(2027, 1, 1, 9); // December has none
    expect(currentUploadReminders(t.ctx)).toEqual([]);
  });

  it('the watch tells the hosts when the list changes, each reminder fresh once', () => {
    const heard: UploadRemindersEvent[] = [];
    t.ctx.bus.on('upload-reminders', (e) => heard.push(e));
    const watch = new UploadReminderWatch(t.ctx);
    watch.check();
    watch.check();
    expect(heard).toEqual([{ at: NOW, reminders: [{ kind: 'month_not_sent', month: '2026-10', queued: false }], fresh: [{ kind: 'month_not_sent', month: '2026-10', queued: false }] }]);
    t.clock.now = cn(2026, 11, 4, 0);
    watch.check();
    expect(heard.at(-1)).toEqual({ at: cn(2026, 11, 4, 0), reminders: [], fresh: [] });
    expect(heard).toHaveLength(2);
  });
});

async function retryAndWake(id: number, worker: OutboxWorker) {
  retryUploadNow(t.ctx, id);
  await worker.wake();
}

describe('the watch after tickets change', () => {
  it('looks again a moment after the first of many writes (an import gives last month its tickets)', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    try {
      t.clock.now = cn(2026, 12, 1, 9); // November: one ticket so far
      const heard: UploadRemindersEvent[] = [];
      t.ctx.bus.on('upload-reminders', (e) => heard.push(e));
      const watch = new UploadReminderWatch(t.ctx);
      // November had no tickets when the watch started: nothing to say.
      t.db.prepare(`UPDATE tickets SET received_at = ? WHERE received_at >= ?`).run(cn(2026, 10, 31, 12), cn(2026, 11, 1));
      watch.start();
      expect(heard).toEqual([]);
      // A ticket of November arrives (any write that clocks tickets says so on the bus), several times in a row.
      t.db.prepare(`UPDATE tickets SET received_at = ? WHERE ticket_no = 'T3'`).run(cn(2026, 11, 20, 9));
      for (let i = 0; i < 5; i++) t.ctx.bus.emit('clocks-changed', { earliest: null });
      expect(heard).toEqual([]);
      vi.advanceTimersByTime(2_000);
      expect(heard).toEqual([{ at: cn(2026, 12, 1, 9), reminders: [{ kind: 'month_not_sent', month: '2026-11', queued: false }], fresh: [{ kind: 'month_not_sent', month: '2026-11', queued: false }] }]);
      watch.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('deadlines/summary', () => {
  it('gives the reminders to supervisors and above, not to agents', async () => {
    const api = createApiServer(t.ctx, { log: () => {} });
    addUser(t.ctx, 'boss', 'supervisor');
    addUser(t.ctx, 'agent', 'agent');
    const summaryOf = async (username: string) => {
      let token: string | null = null;
      const slot: SessionSlot = { get: () => token, set: (v) => (token = v) };
      await api.call('auth/login', { username, password: 'password-123' }, slot, 'zh-CN');
      const r = (await api.call('deadlines/summary', {}, slot, 'zh-CN')) as { ok: true; value: DeadlineSummary };
      return r.value.uploadReminders;
    };
    expect(await summaryOf('boss')).toEqual([{ kind: 'month_not_sent', month: '2026-10', queued: false }]);
    expect(await summaryOf('agent')).toEqual([]);
  });
});

describe('the web host', () => {
  let host: WebHost | null = null;
  afterEach(async () => host?.close());

  it("carries a fresh reminder to the page's event stream when the 1st comes", async () => {
    addUser(t.ctx, 'boss', 'supervisor');
    const file = path.join(t.dir, 'desk.db');
    // Ten minutes before midnight: the session stays unlocked (15 idle minutes) across it.
    const clock = { now: cn(2026, 10, 31, 23, 55) };
    host = await startWebHost({ dbPath: file, port: 0, staticDir: t.dir, now: () => clock.now });
    const login = await rawCall(host.url, 'auth/login', { username: 'boss', password: 'password-123' });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    await host.desk.jobsStarted;


    const got = new Promise<string>((resolve, reject) => {
      const req = http.get(`${host!.url}/api/events`, { headers: { cookie } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes(': connected')) {
            // The stream is open: midnight passes and the watch looks again.
            clock.now = cn(2026, 11, 1, 0, 5);
            host!.desk.ctx.bus.emit('outbox-changed', { id: 0 });
          }
          const m = /event: upload-reminders\ndata: (.*)\n/.exec(text);
          if (m) {
            req.destroy();
            resolve(m[1]!);
          }
        });
      });
      req.on('error', reject);
    });
    const event = JSON.parse(await got) as UploadRemindersEvent;
    expect(event.fresh).toEqual([{ kind: 'month_not_sent', month: '2026-10', queued: false }]);
  });
});
