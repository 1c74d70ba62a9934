/**
 * The outbox: bundles queued for headquarters' endpoint, uploaded by a worker
 * that runs in the services process beside the timeout monitor. Everything it
 * knows is in the database (outbox, outbox_attempts), so a restart or a crash
 * loses nothing: a try left under way is marked interrupted and made again,
 * and the idempotency key (branch, month, revision, manifest hash) lets
 * headquarters file the bundle once however often it arrives. A bundle stays
 * queued until headquarters' receipt is in. docs/UPLOAD-PROTOCOL.md is the
 * protocol.
 */
import fs from 'node:fs';
import crypto from 'node:crypto';
import type { ServiceContext } from '../context';
import { DomainError } from '../../core/errors';
import { idempotencyKey } from '../../core/export/manifest';
import { retryDelay, verdictOf, DEFAULT_BACKOFF, type BackoffPolicy } from '../../core/export/backoff';
import { ExportHistory } from '../../db/export-history';
import { OutboxStore, type OutboxItem } from '../../db/outbox-store';
import { branchSettings } from '../settings';

export const UPLOAD_KEY = 'export.upload';

export interface UploadSettings {
  /** Headquarters' endpoint, e.g. https://hq.example.cn/api/branch-bundles */
  url: string;
  /** The branch's bearer token, issued by headquarters. */
  token: string;
}

export function uploadSettings(ctx: ServiceContext): UploadSettings | null {
  const v = ctx.settings.get<Partial<UploadSettings>>(UPLOAD_KEY);
  return v?.url && v.token ? { url: v.url, token: v.token } : null;
}

export function saveUploadSettings(ctx: ServiceContext, actorId: number | null, value: UploadSettings): void {
  ctx.settings.set(UPLOAD_KEY, value, ctx.now(), actorId);
  ctx.audit.add(ctx.now(), actorId, 'settings.export_upload', null, { url: value.url });
}

/** Queue a month's revision for upload (the latest one when `revision` is not given). */
export function queueUpload(ctx: ServiceContext, month: string, revision: number | null, actorId: number | null): OutboxItem {
  const revisions = new ExportHistory(ctx.db).ofMonth(month);
  const rev = revision === null ? revisions.at(-1) : revisions.find((r) => r.revision === revision);
  if (!rev) throw new DomainError('not_found', { what: 'export', id: `${month}${revision ? ` r${revision}` : ''}` });
  const key = idempotencyKey(branchSettings(ctx).branchId, rev.month, rev.revision, rev.manifestSha256);
  const outbox = new OutboxStore(ctx.db);
  const id = outbox.enqueue(rev.id, key, ctx.now(), actorId);
  ctx.bus.emit('outbox-changed', { id });
  return outbox.get(id)!;
}

export function retryUploadNow(ctx: ServiceContext, id: number): OutboxItem {
  const outbox = new OutboxStore(ctx.db);
  if (!outbox.retryNow(id, ctx.now())) throw new DomainError('not_found', { what: 'outbox', id });
  ctx.bus.emit('outbox-changed', { id });
  return outbox.get(id)!;
}

export interface WorkerOptions {
  fetch?: typeof fetch;
  random?: () => number;
  backoff?: BackoffPolicy;
  /** Per upload. */
  timeoutMs?: number;
  setTimer?: (fn: () => void, ms: number) => { clear(): void };
  log?: (line: string) => void;
}

/** Longest sleep between looks at the queue: a guard against suspended machines and clock jumps. */
const MAX_SLEEP_MS = 15 * 60_000;

type Outcome =
  | { outcome: 'sent'; httpStatus: number; receipt: Record<string, unknown> }
  | { outcome: 'failed'; httpStatus: number | null; error: string; retryAfterMs: number | null }
  | { outcome: 'rejected'; httpStatus: number; error: string };

export class OutboxWorker {
  private readonly store: OutboxStore;
  private stopped = true;
  private timer: { clear(): void } | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly opts: WorkerOptions = {},
  ) {
    this.store = new OutboxStore(ctx.db);
  }

  start(): void {
    this.stopped = false;
    const n = this.store.recoverInterrupted(this.ctx.now());
    if (n > 0) this.opts.log?.(`outbox: ${n} upload(s) interrupted by a stop will be tried again`);
    this.unsubscribe = this.ctx.bus.on('outbox-changed', () => this.wake());
    this.wake();
  }

  stop(): void {
    this.stopped = true;
    this.timer?.clear();
    this.timer = null;
    this.unsubscribe?.();
  }

  /** Send whatever is due now; resolves when the queue has nothing due. Tests call it directly. */
  wake(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      // Yield first: with nothing due the body would otherwise finish (and clear `running`) before `running` is set.
      await Promise.resolve();
      try {
        // Each pass sends what is due; another pass follows only if something was queued meanwhile.
        do {
          this.again = false;
          for (const item of this.store.due(this.ctx.now())) await this.send(item);
        } while (this.again);
      } catch (e) {
        this.opts.log?.(`outbox: ${String(e)}`);
      } finally {
        this.running = null;
        this.schedule();
      }
    })();
    return this.running;
  }

  private schedule(): void {
    this.timer?.clear();
    this.timer = null;
    if (this.stopped) return;
    const next = this.store.nextDueAt();
    if (next === null) return;
    const delay = Math.max(0, Math.min(MAX_SLEEP_MS, next - this.ctx.now()));
    const set = this.opts.setTimer ?? ((fn, ms) => {
      const t = setTimeout(fn, ms);
      t.unref();
      return { clear: () => clearTimeout(t) };
    });
    this.timer = set(() => void this.wake(), delay);
  }

  private async send(item: OutboxItem): Promise<void> {
    const attemptId = this.store.begin(item.id, this.ctx.now());
    if (attemptId === null) return;
    const result = await this.upload(item);
    const now = this.ctx.now();
    if (result.outcome === 'failed') {
      const failures = this.store.get(item.id)!.attempts;
      const delay = retryDelay(failures, (this.opts.random ?? Math.random)(), this.opts.backoff ?? DEFAULT_BACKOFF, result.retryAfterMs);
      this.store.finish(item.id, attemptId, now, { ...result, nextAttemptAt: now + delay });
      this.opts.log?.(`outbox: ${item.month} r${item.revision} not sent (${result.error}); next try in ${Math.round(delay / 1000)} s`);
    } else {
      this.store.finish(item.id, attemptId, now, result);
    }
  }

  private async upload(item: OutboxItem): Promise<Outcome> {
    const settings = uploadSettings(this.ctx);
    if (!settings) return { outcome: 'failed', httpStatus: null, error: 'no headquarters endpoint set (settings)', retryAfterMs: null };
    let body: Buffer;
    try {
      body = fs.readFileSync(item.bundlePath);
    } catch (e) {
      return { outcome: 'failed', httpStatus: null, error: `bundle file unreadable: ${(e as Error).message}`, retryAfterMs: null };
    }
    const sha = crypto.createHash('sha256').update(body).digest('hex');
    if (sha !== item.bundleSha256) return { outcome: 'rejected', httpStatus: 0, error: 'the archived bundle file changed on disk' };
    const doFetch = this.opts.fetch ?? fetch;
    let res: Response;
    try {
      res = await doFetch(settings.url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${settings.token}`,
          'content-type': 'application/zip',
          'idempotency-key': item.idempotencyKey,
          'x-bundle-sha256': sha,
          'x-branch-id': branchSettings(this.ctx).branchId,
        },
        body,
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 120_000),
      });
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      return { outcome: 'failed', httpStatus: null, error: `${err.name === 'TimeoutError' ? 'timed out' : err.message}${err.cause?.code ? ` (${err.cause.code})` : ''}`, retryAfterMs: null };
    }
    let text = '';
    try {
      text = await res.text();
    } catch (e) {
      return { outcome: 'failed', httpStatus: res.status, error: `answer cut off: ${(e as Error).message}`, retryAfterMs: null };
    }
    const json = (() => {
      try {
        return JSON.parse(text) as Record<string, unknown>;
      } catch {
        return null;
      }
    })();
    const verdict = verdictOf(res.status);
    if (verdict === 'sent') {
      if (json?.idempotencyKey !== item.idempotencyKey || typeof json.receiptId !== 'string') {
        return { outcome: 'failed', httpStatus: res.status, error: 'the answer is not a receipt for this bundle', retryAfterMs: null };
      }
      return { outcome: 'sent', httpStatus: res.status, receipt: json };
    }
    const error = (json?.error as { code?: string; message?: string } | undefined) ?? null;
    const words = `HTTP ${res.status}${error?.code ? ` ${error.code}` : ''}${error?.message ? `: ${error.message}` : ''}`;
    if (verdict === 'retry') {
      const ra = Number(res.headers.get('retry-after'));
      return { outcome: 'failed', httpStatus: res.status, error: words, retryAfterMs: Number.isFinite(ra) && ra > 0 ? ra * 1000 : null };
    }
    return { outcome: 'rejected', httpStatus: res.status, error: words };
  }
}
export type { OutboxItem } from '../../db/outbox-store';
