/**
 * The relay's far end: ServiceClient (main) talking to the service host
 * (utility process) over a stand-in port, with a real API server on an
 * in-memory database.
 */
import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApiServer } from '../../../src-main/api/server';
import { openDatabase, type Db } from '../../../src-main/db/open';
import { createContext } from '../../../src-main/services/context';
import { ServiceClient } from '../../../src-main/hosts/electron/service-client';
import { createServiceHost } from '../../../src-main/hosts/electron/service-host';
import type { ServiceMessage, ServiceNotice, ServicePort, ServiceRequest } from '../../../src-main/hosts/electron/service-protocol';
import type { AlertBatch } from '../../../src-main/core/sla/alert-model';

const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

/** A port whose far side is a service host, as service-process.ts wires it. */
class LoopbackPort extends EventEmitter implements ServicePort {
  readonly requests: ServiceRequest[] = [];
  killed = false;
  constructor(makeServer: () => ReturnType<typeof createApiServer> | Error) {
    super();
    this.host = createServiceHost(
      makeServer(),
      (m: ServiceMessage) => setImmediate(() => this.emit('message', m)),
      () => setImmediate(() => this.emit('exit', 0)),
    );
  }
  readonly host: ReturnType<typeof createServiceHost>;
  postMessage(request: ServiceRequest) {
    this.requests.push(structuredClone(request));
    void this.host.handle(structuredClone(request));
  }
  kill() {
    this.killed = true;
    this.emit('exit', 1);
    return true;
  }
}

function realServer() {
  const db = openDatabase(':memory:');
  dbs.push(db);
  return createApiServer(createContext(db, () => Date.parse('2025-03-03T02:00:00Z')), { log: () => {} });
}

const SETUP = {
  username: 'admin',
  displayName: '管理员',
  password: 'correct horse battery',
  branchName: '城东分公司',
  branchId: 'CD01',
};

describe('service process relay', () => {
  it('starts the process on the first call and answers through the real contract', async () => {
    const ports: LoopbackPort[] = [];
    const client = new ServiceClient(() => {
      const p = new LoopbackPort(realServer);
      ports.push(p);
      return p;
    });
    expect(ports).toHaveLength(0);
    const status = await client.call(1, 'auth/status', {}, 'en');
    expect(status).toMatchObject({ ok: true, value: { needsSetup: true, user: null } });
    expect(ports).toHaveLength(1);
    expect(ports[0]!.requests[0]).toMatchObject({ kind: 'call', senderId: 1, method: 'auth/status', locale: 'en' });
  });

  it('keeps one session per window, and Lock ends them all with an event', async () => {
    const client = new ServiceClient(() => new LoopbackPort(realServer));
    const notices: ServiceNotice[] = [];
    client.onNotice((n) => notices.push(n));

    expect(await client.call(1, 'auth/setup', SETUP, 'en')).toMatchObject({ ok: true, value: { user: { username: 'admin' } } });
    expect(await client.call(1, 'meta/users', {}, 'en')).toMatchObject({ ok: true });
    // Another window has its own (empty) session.
    expect(await client.call(2, 'meta/users', {}, 'en')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });

    client.lock();
    await new Promise((r) => setImmediate(r));
    expect(notices).toEqual([{ kind: 'event', event: { type: 'auth/locked', payload: null } }]);
    expect(await client.call(1, 'meta/users', {}, 'zh-CN')).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated', message: '请先登录。' },
    });
  });

  it('validates input behind the relay, in the caller language', async () => {
    const client = new ServiceClient(() => new LoopbackPort(realServer));
    const r = await client.call(1, 'auth/login', { username: '' }, 'zh-CN');
    expect(r).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('answers every call with the reason when the database cannot be opened', async () => {
    const { DomainError } = await import('../../../src-main/core/errors');
    const client = new ServiceClient(() => new LoopbackPort(() => new DomainError('db_too_new', { found: 9, known: 1 })));
    const r = await client.call(1, 'auth/status', {}, 'en');
    expect(r).toMatchObject({ ok: false, error: { code: 'db_too_new' } });
    expect((r as { error: { message: string } }).error.message).toContain('newer Complaint Desk');
  });

  it('never leaves a call hanging when the process dies, and starts a new one next time', async () => {
    let spawned = 0;
    let silent: LoopbackPort | null = null;
    const client = new ServiceClient(() => {
      spawned++;
      const p = new LoopbackPort(realServer);
      if (spawned === 1) {
        p.postMessage = () => {}; // swallows the call, then dies
        silent = p;
      }
      return p;
    });
    const pending = client.call(1, 'auth/status', {}, 'en');
    silent!.kill();
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    await expect(client.call(1, 'auth/status', {}, 'en')).resolves.toMatchObject({ ok: true });
    expect(spawned).toBe(2);
  });

  it('stops cleanly: shutdown is sent and later calls are refused', async () => {
    let port: LoopbackPort | null = null;
    const client = new ServiceClient(() => (port = new LoopbackPort(realServer)));
    await client.call(1, 'auth/status', {}, 'en');
    await client.stop(1000);
    expect(port!.requests.at(-1)).toEqual({ kind: 'shutdown' });
    expect(port!.killed).toBe(false);
    await expect(client.call(1, 'auth/status', {}, 'en')).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});

const BATCH: AlertBatch = { alerts: [], catchUp: false, counts: { approaching: 0, breached: 0, escalated: 0 } };

describe('alerts and the process lifetime', () => {
  it('names only the windows with a live session as recipients of an alert batch', async () => {
    let port: LoopbackPort | null = null;
    const client = new ServiceClient(() => (port = new LoopbackPort(realServer)));
    const notices: ServiceNotice[] = [];
    client.onNotice((n) => notices.push(n));
    await client.call(1, 'auth/setup', SETUP, 'en');
    await client.call(2, 'auth/status', {}, 'en');

    port!.host.alerts(BATCH);
    client.lock();
    await new Promise((r) => setImmediate(r));
    port!.host.alerts(BATCH);
    await new Promise((r) => setImmediate(r));
    expect(notices.filter((n) => n.kind === 'alerts').map((n) => n.kind === 'alerts' && n.recipients)).toEqual([[1], []]);
  });

  it('after start() the process runs at once and comes back when it dies, with a growing pause', () => {
    vi.useFakeTimers();
    try {
      const ports: LoopbackPort[] = [];
      const client = new ServiceClient(() => {
        const p = new LoopbackPort(realServer);
        ports.push(p);
        return p;
      });
      client.start();
      expect(ports).toHaveLength(1);
      ports[0]!.kill();
      vi.advanceTimersByTime(999);
      expect(ports).toHaveLength(1);
      vi.advanceTimersByTime(1);
      expect(ports).toHaveLength(2);
      ports[1]!.kill();
      vi.advanceTimersByTime(1000);
      expect(ports).toHaveLength(2);
      vi.advanceTimersByTime(1000);
      expect(ports).toHaveLength(3);
      // Stopping cancels a pending restart.
      ports[2]!.kill();
      void client.stop();
      vi.advanceTimersByTime(60_000);
      expect(ports).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
