/**
 * The reference receiver's store: <root>/branches.json registers each branch
 * ({"FS-CC": {"token": "…", "publicKeyPem": "-----BEGIN PUBLIC KEY-----…"}}),
 * bundles go to <root>/<branch>/<month>/, receipts to <root>/<branch>/receipts/.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Refused, type BundleStore, type FilingRequest, type Receipt } from './store';

interface Branch {
  token: string;
  publicKeyPem: string;
}

const safeName = (s: string) => /^[A-Za-z0-9_-]{1,64}$/.test(s);

export class FolderStore implements BundleStore {
  constructor(readonly root: string) {}

  private branches(): Record<string, Branch> {
    const file = path.join(this.root, 'branches.json');
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Branch>) : {};
  }

  private receiptFile(branchId: string, key: string): string {
    return path.join(this.root, branchId, 'receipts', `${crypto.createHash('sha256').update(key).digest('hex')}.json`);
  }

  async authenticate(branchId: string, token: string): Promise<{ publicKeyPem: string }> {
    const branch = safeName(branchId) ? this.branches()[branchId] : undefined;
    const tokenOk = !!branch && token.length === branch.token.length && crypto.timingSafeEqual(Buffer.from(token), Buffer.from(branch.token));
    if (!branch || !tokenOk) throw new Refused(401, 'unauthorized', 'unknown branch or wrong token');
    return { publicKeyPem: branch.publicKeyPem };
  }

  async receiptFor(branchId: string, key: string): Promise<Receipt | null> {
    const file = this.receiptFile(branchId, key);
    return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Receipt) : null;
  }

  async file(r: FilingRequest): Promise<{ receipt: Receipt; created: boolean }> {
    const m = r.manifest;
    const known = this.receiptFile(r.branchId, r.idempotencyKey);
    const dir = path.join(this.root, r.branchId, m.period.month);
    fs.mkdirSync(dir, { recursive: true });
    fs.mkdirSync(path.dirname(known), { recursive: true });
    fs.renameSync(r.file, path.join(dir, `r${m.revision}${m.draft ? '-draft' : ''}-${r.manifestSha256.slice(0, 12)}.zip`));
    const receipt: Receipt = {
      receiptId: r.receiptId,
      idempotencyKey: r.idempotencyKey,
      branchId: r.branchId,
      month: m.period.month,
      revision: m.revision,
      draft: m.draft,
      bundleSha256: r.bundleSha256,
      manifestSha256: r.manifestSha256,
      receivedAt: r.receivedAt.toISOString(),
    };
    try {
      // 'wx': of two copies arriving together, the first receipt stands and the second gets it.
      fs.writeFileSync(known, JSON.stringify(receipt), { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return { receipt: JSON.parse(fs.readFileSync(known, 'utf8')) as Receipt, created: false };
      throw e;
    }
    return { receipt, created: true };
  }
}
