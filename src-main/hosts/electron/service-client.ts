/**
 * The main process's handle on the service process: numbers each call, matches
 * the reply, and passes notices (events, alerts, the tray summary) on. If the
 * process dies, the calls in flight are answered with an error (never left
 * hanging) and a fresh process starts: after a short pause once `start()` was
 * called (the monitor must keep running, window or not), else on the next
 * call. Its sessions are gone, so the user logs in again.
 */
import type { ApiResponse } from '../../api/define';
import { toApiError } from '../../api/errors';
import { DomainError } from '../../core/errors';
import type { Locale } from '../../core/messages';
import type { ServiceMessage, ServiceNotice, ServicePort, ServiceRequest } from './service-protocol';

/** Pause before restarting a process that died; doubles while it keeps dying, up to a minute. */
const FIRST_RESTART_MS = 1000;
const MAX_RESTART_MS = 60_000;

interface Pending {
  resolve: (r: ApiResponse<unknown>) => void;
  locale: Locale;
}

export class ServiceClient {
  private port: ServicePort | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(n: ServiceNotice) => void>();
  private stopping = false;
  private keepRunning = false;
  private restartMs = FIRST_RESTART_MS;
  private restartTimer: NodeJS.Timeout | null = null;

  constructor(private readonly spawn: () => ServicePort) {}

  /** Start the process now and keep it running (restarted if it dies). */
  start(): void {
    this.keepRunning = true;
    if (!this.stopping) this.ensurePort();
  }

  call(senderId: number, method: string, input: unknown, locale: Locale): Promise<ApiResponse<unknown>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, locale });
      this.send({ kind: 'call', id, senderId, method, input, locale });
    });
  }

  /** A window closed: its session ends with it. */
  release(senderId: number): void {
    if (this.port) this.send({ kind: 'release', senderId });
  }

  lock(): void {
    if (this.port) this.send({ kind: 'lock' });
  }

  onNotice(listener: (n: ServiceNotice) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Ask the process to close the database cleanly; kill it if it does not exit in time. */
  stop(timeoutMs = 3000): Promise<void> {
    const port = this.port;
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    if (!port) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        port.kill();
        resolve();
      }, timeoutMs);
      port.on('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      port.postMessage({ kind: 'shutdown' });
    });
  }

  private send(request: ServiceRequest): void {
    if (this.stopping) return this.failPending(request);
    this.ensurePort().postMessage(request);
  }

  private ensurePort(): ServicePort {
    if (this.port) return this.port;
    const port = this.spawn();
    const startedAt = Date.now();
    port.on('message', (m) => this.receive(m));
    port.on('exit', () => {
      if (this.port === port) this.port = null;
      this.failAll();
      // One that ran a good while had not been crashing: restart it quickly again.
      if (Date.now() - startedAt > MAX_RESTART_MS) this.restartMs = FIRST_RESTART_MS;
      this.scheduleRestart();
    });
    this.port = port;
    return port;
  }

  private scheduleRestart(): void {
    if (!this.keepRunning || this.stopping || this.port || this.restartTimer) return;
    const delay = this.restartMs;
    this.restartMs = Math.min(delay * 2, MAX_RESTART_MS);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      if (!this.stopping && !this.port) this.ensurePort();
    }, delay);
  }

  private receive(message: ServiceMessage): void {
    if (message.kind !== 'response') {
      for (const l of this.listeners) l(message);
      return;
    }
    const p = this.pending.get(message.id);
    if (!p) return;
    this.pending.delete(message.id);
    p.resolve(message.response);
  }

  private failPending(request: ServiceRequest): void {
    if (request.kind !== 'call') return;
    const p = this.pending.get(request.id);
    this.pending.delete(request.id);
    p?.resolve(unavailable(p.locale));
  }

  private failAll(): void {
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.resolve(unavailable(p.locale));
    }
  }
}

function unavailable(locale: Locale): ApiResponse<unknown> {
  return { ok: false, error: toApiError(new DomainError('internal', { where: 'service-process' }), locale) };
}
