/**
 * In the web host a throw out of a timer ends the process. A failing wake-up of
 * the timeout monitor must leave the host serving and the alerts coming.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { startWebHost, type WebHost } from '../../../src-main/hosts/web/server';
import { createTicket } from '../../../src-main/services/tickets';
import { addUser, categoryId, PINNED_NOW, tempDir } from '../../helpers/temp-db';
import type { ConsoleEvent } from '../../../src-main/api/runtime';
import { ListStore } from '../../../src-main/db/lists';

const H = 3_600_000;
let dir: string;
let host: WebHost;
const clock = { now: PINNED_NOW };
/** While true, reading the clock throws, as a broken database read would. */
let failing = false;
const logged: string[] = [];

beforeEach(async () => {
  dir = tempDir();
  fs.mkdirSync(path.join(dir, 'web'));
  host = await startWebHost({
    dbPath: path.join(dir, 'desk.db'),
    port: 0,
    staticDir: path.join(dir, 'web'),
    now: () => {
      if (failing) throw new Error('disk I/O error');
      return clock.now;
    },
    log: (line) => logged.push(line),
    backgroundJobs: true,
  });
});
afterEach(async () => {
  vi.useRealTimers();
  await host.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('a wake-up of the monitor that throws is logged and retried; the alerts come and the host keeps serving', async () => {
  // The monitor starts once the console has answered and gone quiet.
  await fetch(`${host.url}/api/auth/status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  await host.desk.jobsStarted;
  const ctx = host.desk.ctx;
  const events: ConsoleEvent[] = [];
  host.desk.subscribe((e) => events.push(e));
  const sup = addUser(ctx, 'sup', 'supervisor', '客服中心');
  // The district is chosen from the branch's list.
  new ListStore(ctx.db).add('district', '南海区');
  // From here the monitor's timers are the test's to run; the host's own sockets keep the real ones.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  createTicket(ctx, sup, {
    channel: '10086',
    receivedAt: clock.now,
    phone: '13812345678',
    categoryId: categoryId(ctx, '网络质量>信号覆盖'),
    level: 'normal',
    description: '信号差',
    district: '南海区',
  });
  clock.now += 3.2 * H;
  failing = true;
  vi.advanceTimersByTime(15 * 60_000); // the monitor's longest sleep: it wakes, and the wake-up throws
  vi.advanceTimersByTime(5_000); // the first retry, which throws again
  expect(logged.filter((l) => l.includes('deadline monitor: wake-up failed'))).toHaveLength(2);
  failing = false;
  vi.advanceTimersByTime(10_000);
  expect(events.flatMap((e) => (e.type === 'alerts' ? [e.payload.alerts.map((a) => a.kind)] : []))).toEqual([['approaching']]);
  vi.useRealTimers();

  const res = await fetch(`${host.url}/api/auth/status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect(res.status).toBe(200);
});
