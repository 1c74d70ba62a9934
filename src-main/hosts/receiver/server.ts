/**
 * Headquarters' side of the upload protocol (docs/UPLOAD-PROTOCOL.md), small
 * enough to run beside the tests and as a reference for headquarters' own
 * service: a Node HTTP server that authenticates the branch by its token,
 * verifies each bundle against the branch's registered public key before
 * storing anything (the same verify code as the console's `verify`), files
 * each idempotency key once, and answers with a receipt.
 *
 * Storage is a folder: <root>/branches.json registers each branch
 * ({"FS-CC": {"token": "…", "publicKeyPem": "-----BEGIN PUBLIC KEY-----…"}}),
 * bundles go to <root>/<branch>/<month>/, receipts to <root>/<branch>/receipts/.
 *
 * For tests it can be told to fail the next uploads (503), to answer slowly,
 * or to drop the connection part-way through reading an upload.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { publicKeyFrom } from '../../services/export/signature';
import { verifyBundle } from '../../services/export/verify';
import { idempotencyKey } from '../../core/export/manifest';

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
  root: string;
  maxBytes?: number;
  now?: () => number;
  log?: (line: string) => void;
}

export interface Receipt {
  receiptId: string;
  idempotencyKey: string;
  branchId: string;
  month: string;
  revision: number;
  draft: boolean;
  bundleSha256: string;
  manifestSha256: string;
  receivedAt: string;
}

interface Branch {
  token: string;
  publicKeyPem: string;
}

const json = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
};
const refuse = (res: http.ServerResponse, status: number, code: string, message: string, extra: Record<string, unknown> = {}) =>
  json(res, status, { error: { code, message, ...extra } });

const safeName = (s: string) => /^[A-Za-z0-9_-]{1,64}$/.test(s);

export class Receiver {
  readonly faults: ReceiverFaults = { failNext: 0, slowMs: 0, dropNext: 0, dropAfterBytes: 0 };
  readonly server: http.Server;
  /** Uploads that were filed (201), for tests: each idempotency key at most once. */
  readonly filed: string[] = [];

  constructor(private readonly opts: ReceiverOptions) {
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => {
        this.opts.log?.(`receiver: ${String(e)}`);
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

  private branches(): Record<string, Branch> {
    const file = path.join(this.opts.root, 'branches.json');
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Branch>) : {};
  }

  private receiptFile(branchId: string, key: string): string {
    return path.join(this.opts.root, branchId, 'receipts', `${crypto.createHash('sha256').update(key).digest('hex')}.json`);
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (req.method !== 'POST' || req.url !== '/bundles') return refuse(res, 404, 'not_found', 'POST /bundles only');
    const branchId = String(req.headers['x-branch-id'] ?? '');
    const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
    const branch = safeName(branchId) ? this.branches()[branchId] : undefined;
    const tokenOk = !!branch && token.length === branch.token.length && crypto.timingSafeEqual(Buffer.from(token), Buffer.from(branch.token));
    if (!branch || !tokenOk) return refuse(res, 401, 'unauthorized', 'unknown branch or wrong token');
    const key = String(req.headers['idempotency-key'] ?? '');
    if (!key.startsWith(`${branchId}:`)) return refuse(res, 400, 'idempotency_key_invalid', 'Idempotency-Key must be <branch>:<month>:r<revision>:<manifest sha256>');

    const known = this.receiptFile(branchId, key);
    if (fs.existsSync(known)) {
      req.resume();
      return json(res, 200, JSON.parse(fs.readFileSync(known, 'utf8')));
    }
    if (this.faults.failNext > 0) {
      this.faults.failNext--;
      req.resume();
      return refuse(res, 503, 'unavailable', 'headquarters is not taking uploads right now');
    }

    const incoming = path.join(this.opts.root, '.incoming');
    fs.mkdirSync(incoming, { recursive: true });
    const tmp = path.join(incoming, `${crypto.randomUUID()}.zip`);
    try {
      const got = await this.receiveBody(req, tmp);
      if (got === 'dropped') return void res.destroy();
      if (got === 'too_large') return refuse(res, 413, 'too_large', `at most ${this.maxBytes()} bytes`);
      const sha = crypto.createHash('sha256').update(fs.readFileSync(tmp)).digest('hex');
      const claimed = String(req.headers['x-bundle-sha256'] ?? '');
      if (claimed && claimed !== sha) return refuse(res, 400, 'body_incomplete', 'the body does not match X-Bundle-SHA256');

      const v = await verifyBundle(tmp, publicKeyFrom(branch.publicKeyPem));
      if (!v.ok || !v.manifest) return refuse(res, 422, 'bundle_invalid', 'the bundle failed verification', { problems: v.problems });
      const m = v.manifest;
      if (m.branch.id !== branchId) return refuse(res, 422, 'branch_mismatch', `the bundle is branch ${m.branch.id}'s`);
      if (idempotencyKey(branchId, m.period.month, m.revision, v.manifestSha256!) !== key) {
        return refuse(res, 422, 'idempotency_key_mismatch', 'the Idempotency-Key does not name this bundle');
      }
      const dir = path.join(this.opts.root, branchId, m.period.month);
      fs.mkdirSync(dir, { recursive: true });
      fs.mkdirSync(path.dirname(known), { recursive: true });
      fs.renameSync(tmp, path.join(dir, `r${m.revision}${m.draft ? '-draft' : ''}-${v.manifestSha256!.slice(0, 12)}.zip`));
      const receipt: Receipt = {
        receiptId: crypto.randomUUID(),
        idempotencyKey: key,
        branchId,
        month: m.period.month,
        revision: m.revision,
        draft: m.draft,
        bundleSha256: sha,
        manifestSha256: v.manifestSha256!,
        receivedAt: new Date((this.opts.now ?? Date.now)()).toISOString(),
      };
      try {
        // 'wx': of two copies arriving together, the first receipt stands and the second gets it.
        fs.writeFileSync(known, JSON.stringify(receipt), { flag: 'wx' });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') return json(res, 200, JSON.parse(fs.readFileSync(known, 'utf8')));
        throw e;
      }
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

  private receiveBody(req: http.IncomingMessage, file: string): Promise<'ok' | 'dropped' | 'too_large'> {
    const drop = this.faults.dropNext > 0 ? (this.faults.dropNext--, this.faults.dropAfterBytes) : null;
    return new Promise((resolve, reject) => {
      const out = fs.createWriteStream(file);
      let bytes = 0;
      let done = false;
      const finish = (r: 'ok' | 'dropped' | 'too_large') => {
        if (done) return;
        done = true;
        out.end(() => resolve(r));
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
        out.write(chunk);
      });
      req.on('end', () => finish('ok'));
      req.on('error', (e) => (done ? undefined : reject(e)));
      req.on('aborted', () => finish('dropped'));
    });
  }
}
