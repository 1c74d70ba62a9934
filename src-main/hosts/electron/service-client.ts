/**
 * The main process's handle on the service process: numbers each call, matches
 * the reply, and passes events on. If the process dies, the calls in flight
 * are answered with an error (never left hanging) and the next call starts a
 * fresh process; its sessions are gone, so the user logs in again.
 */
import type { ApiResponse } from '../../api/define';
import type { DeskEvent } from '../../api/bridge';
import { toApiError } from '../../api/errors';
import { DomainError } from '../../core/errors';
import type { Locale } from '../../core/messages';
import type { ServiceMessage, ServicePort, ServiceRequest } from './service-protocol';

interface Pending {
  resolve: (r: ApiResponse<unknown>) => void;
  locale: Locale;
}

export class ServiceClient {
  private port: ServicePort | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(e: DeskEvent) => void>();
  private stopping = false;

  constructor(private readonly spawn: () => ServicePort) {}

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

  onEvent(listener: (e: DeskEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Ask the process to close the database cleanly; kill it if it does not exit in time. */
  stop(timeoutMs = 3000): Promise<void> {
    const port = this.port;
    this.stopping = true;
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
    port.on('message', (m) => this.receive(m));
    port.on('exit', () => {
      if (this.port === port) this.port = null;
      this.failAll();
    });
    this.port = port;
    return port;
  }

  private receive(message: ServiceMessage): void {
    if (message.kind === 'event') {
      for (const l of this.listeners) l(message.event);
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
