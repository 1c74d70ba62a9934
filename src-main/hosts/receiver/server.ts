/**
 * Headquarters' side of the upload protocol (docs/UPLOAD-PROTOCOL.md): a Node
 * HTTP server that authenticates the branch by its token, verifies each
 * bundle against the branch's registered public key before storing anything
 * (the same verify code as the console's `verify`), files each idempotency
 * key once, and answers with a receipt.
 *
 * Where bundles go is its store (store.ts): a folder per branch (the
 * reference, `--root DIR`), or PostgreSQL (`npm run hq -- serve`, with the
 * admin endpoints and the province reports of admin.ts).
 *
 * For tests it can be told to fail the next uploads (503), to answer slowly,
 * or to drop the connection part-way through reading an upload.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { publicKeyFrom } from '../../services/export/signature';
import { verifyBundle } from '../../services/export/verify';
import { idempotencyKey } from '../../core/export/manifest';
import { HqError } from '../../hq/services/errors';
import { FolderStore } from './folder-store';
import { Refused, type BundleStore, type Receipt } from './store';
import { handleAdmin, type AdminOptions } from './admin';
import { json, localeOf, refuse } from './http';

export type { Receipt };

export interface ReceiverFaults {
  /** Answer this many coming uploads with 503 (then work again). */
  failNext: number;
  /** Wait this long before answering each upload. */
  slowMs: number;
  /** Destroy the connection of this many coming uploads after reading `dropAfterBytes` of them. */
  dropNext: number;
  dropAfterBytes: number;
}

export interface ReceiverOptions {
  /** The folder store's root (the reference receiver). */
  root?: string;
  /** Another store (PostgreSQL); then `spool` holds uploads while they are checked. */
  store?: BundleStore;
  spool?: string;
  /** The admin and report endpoints (PostgreSQL only). */
  admin?: AdminOptions;
  maxBytes?: number;
  now?: () => number;
  log?: (line: string) => void;
}

export class Receiver {
  readonly faults: ReceiverFaults = { failNext: 0, slowMs: 0, dropNext: 0, dropAfterBytes: 0 };
  readonly server: http.Server;
  /** Uploads that were filed (201), for tests: each idempotency key at most once. */
  readonly filed: string[] = [];
  private readonly store: BundleStore;
  private readonly spool: string;

  constructor(private readonly opts: ReceiverOptions) {
    if (!opts.store && !opts.root) throw new Error('a receiver needs a root folder or a store');
    this.store = opts.store ?? new FolderStore(opts.root!);
    this.spool = opts.spool ?? (opts.root ? path.join(opts.root, '.incoming') : path.join(os.tmpdir(), 'hq-receiver-incoming'));
    this.server = http.createServer((req, res) => {
      this.route(req, res).catch((e: unknown) => {
        if (e instanceof Refused) return refuse(res, e.status, e.code, e.message);
        if (e instanceof HqError) return refuse(res, e.status, e.code, e.messageIn(localeOf(req)));
        this.opts.log?.(`receiver: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        if (!res.headersSent) refuse(res, 500, 'internal', 'internal error');
        else res.destroy();
      });
    });
  }

  listen(port = 0, host = '127.0.0.1'): Promise<string> {
    return new Promise((resolve) =>
      this.server.listen(port, host, () => {
        const a = this.server.address() as { port: number };
        resolve(`http://${host}:${a.port}/bundles`);
      }),
    );
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://receiver');
    if (req.method === 'POST' && url.pathname === '/bundles') return this.upload(req, res);
    if (this.opts.admin && (url.pathname.startsWith('/admin/') || url.pathname === '/reports' || url.pathname.startsWith('/reports/'))) return handleAdmin(this.opts.admin, req, res, url);
    return refuse(res, 404, 'not_found', 'POST /bundles only');
  }

  private async upload(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const branchId = String(req.headers['x-branch-id'] ?? '');
    const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
    let branch;
    try {
      branch = await this.store.authenticate(branchId, token);
    } catch (e) {
      req.resume();
      throw e;
    }
    const key = String(req.headers['idempotency-key'] ?? '');
    if (!key.startsWith(`${branchId}:`)) return refuse(res, 400, 'idempotency_key_invalid', 'Idempotency-Key must be <branch>:<month>:r<revision>:<manifest sha256>');

    const known = await this.store.receiptFor(branchId, key);
    if (known) {
      req.resume();
      return json(res, 200, known);
    }
    if (this.faults.failNext > 0) {
      this.faults.failNext--;
      req.resume();
      return refuse(res, 503, 'unavailable', 'headquarters is not taking uploads right now');
    }

    fs.mkdirSync(this.spool, { recursive: true });
    const tmp = path.join(this.spool, `${crypto.randomUUID()}.zip`);
    try {
      const got = await this.receiveBody(req, tmp);
      if (got.result === 'dropped') return void res.destroy();
      if (got.result === 'too_large') return refuse(res, 413, 'too_large', `at most ${this.maxBytes()} bytes`);
      const sha = got.sha256;
      const claimed = String(req.headers['x-bundle-sha256'] ?? '');
      if (claimed && claimed !== sha) return refuse(res, 400, 'body_incomplete', 'the body does not match X-Bundle-SHA256');

      const v = await verifyBundle(tmp, publicKeyFrom(branch.publicKeyPem));
      if (!v.ok || !v.manifest) return refuse(res, 422, 'bundle_invalid', 'the bundle failed verification', { problems: v.problems });
      const m = v.manifest;
      if (m.branch.id !== branchId) return refuse(res, 422, 'branch_mismatch', `the bundle is branch ${m.branch.id}'s`);
      if (idempotencyKey(branchId, m.period.month, m.revision, v.manifestSha256!) !== key) {
        return refuse(res, 422, 'idempotency_key_mismatch', 'the Idempotency-Key does not name this bundle');
      }
      const { receipt, created } = await this.store.file({
        file: tmp,
        branchId,
        idempotencyKey: key,
        bundleSha256: sha,
        manifest: m,
        manifestSha256: v.manifestSha256!,
        keyFingerprint: v.keyFingerprint!,
        receiptId: crypto.randomUUID(),
        receivedAt: new Date((this.opts.now ?? Date.now)()),
      });
      if (!created) return json(res, 200, receipt);
      this.filed.push(key);
      if (this.faults.slowMs > 0) await new Promise((r) => setTimeout(r, this.faults.slowMs));
      return json(res, 201, receipt);
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }

  private maxBytes(): number {
    return this.opts.maxBytes ?? 200 * 1024 * 1024;
  }

  /** The body to a file, hashed on the way (no second read). */
  private receiveBody(req: http.IncomingMessage, file: string): Promise<{ result: 'ok' | 'dropped' | 'too_large'; sha256: string }> {
    const drop = this.faults.dropNext > 0 ? (this.faults.dropNext--, this.faults.dropAfterBytes) : null;
    return new Promise((resolve, reject) => {
      const out = fs.createWriteStream(file);
      const hash = crypto.createHash('sha256');
      let bytes = 0;
      let done = false;
      const finish = (result: 'ok' | 'dropped' | 'too_large') => {
        if (done) return;
        done = true;
        out.end(() => resolve({ result, sha256: hash.digest('hex') }));
      };
      req.on('data', (chunk: Buffer) => {
        if (done) return;
        bytes += chunk.length;
        if (drop !== null && bytes >= drop) {
          req.socket.destroy();
          return finish('dropped');
        }
        if (bytes > this.maxBytes()) {
          req.resume();
          return finish('too_large');
        }
        hash.update(chunk);
        out.write(chunk);
      });
      req.on('end', () => finish('ok'));
      req.on('error', (e) => (done ? undefined : reject(e)));
      req.on('aborted', () => finish('dropped'));
    });
  }
}
