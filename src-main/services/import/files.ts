/**
 * The files an import through the console works with: the CRM file uploaded
 * in chunks (a contract call carries at most a few MB, a CRM export can be
 * 50 MB), and the rejects file waiting to be downloaded in chunks. Both
 * hold customers' numbers, so they live beside the database (`import-tmp/`
 * in the data folder, never the shared /tmp), readable by this account only
 * (folder 0700, files 0600), belong to the user who made them, are swept
 * after two hours, and the folder is emptied when the console starts and
 * when it closes.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DomainError } from '../../core/errors';
import { CHUNK_BYTES, MAX_UPLOAD_BYTES, MAX_UPLOAD_MB } from '../../core/import/limits';
import type { ServiceContext } from '../context';

const TTL_MS = 2 * 3_600_000;

interface Entry {
  ownerId: number;
  fileName: string;
  path: string;
  size: number;
  touchedAt: number;
}

const gone = () => new DomainError('import_refused', { what: 'upload_gone' });

export class ImportFiles {
  private readonly uploads = new Map<string, Entry>();
  private readonly rejects = new Map<string, Entry>();
  private dir: string | null = null;

  constructor(
    private readonly now: () => number,
    /** The folder to keep them in; null for a private folder in the system temp (an in-memory database). */
    private readonly home: string | null,
  ) {}

  /** Remove whatever an earlier run left (a console killed mid-import); called at start and at close. */
  clearLeftovers(): void {
    this.uploads.clear();
    this.rejects.clear();
    if (this.home) fs.rmSync(this.home, { recursive: true, force: true });
    else if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }

  /** Add a chunk; the first chunk (offset 0, no id) starts a new upload. */
  append(ownerId: number, input: { uploadId?: string | undefined; fileName: string; offset: number; bytes: Buffer }): { uploadId: string; size: number } {
    this.sweep();
    let id = input.uploadId;
    let entry = id ? this.uploads.get(id) : undefined;
    if (!id || !entry) {
      if (id || input.offset !== 0) throw gone();
      id = randomUUID();
      entry = { ownerId, fileName: path.basename(input.fileName), path: path.join(this.folder(), `${id}.upload`), size: 0, touchedAt: this.now() };
      fs.writeFileSync(entry.path, '', { mode: 0o600 });
      this.uploads.set(id, entry);
    }
    if (entry.ownerId !== ownerId) throw gone();
    if (input.offset !== entry.size) throw new DomainError('validation', { field: 'offset', rule: 'invalid', value: input.offset });
    if (entry.size + input.bytes.length > MAX_UPLOAD_BYTES) {
      this.drop(this.uploads, id);
      throw new DomainError('import_refused', { what: 'too_large', max: MAX_UPLOAD_MB });
    }
    fs.appendFileSync(entry.path, input.bytes);
    entry.size += input.bytes.length;
    entry.touchedAt = this.now();
    return { uploadId: id, size: entry.size };
  }

  upload(ownerId: number, uploadId: string): { path: string; fileName: string } {
    this.sweep();
    const entry = this.uploads.get(uploadId);
    if (!entry || entry.ownerId !== ownerId) throw gone();
    entry.touchedAt = this.now();
    return entry;
  }

  /** A place for a rejects file, and the token to download it with. */
  newRejects(ownerId: number, fileName: string): { token: string; path: string } {
    const token = randomUUID();
    const file = path.join(this.folder(), `${token}.rejects.csv`);
    this.rejects.set(token, { ownerId, fileName, path: file, size: 0, touchedAt: this.now() });
    return { token, path: file };
  }

  /** Forget a rejects token whose import wrote no file. */
  dropRejects(token: string): void {
    this.drop(this.rejects, token);
  }

  readRejects(ownerId: number, token: string, offset: number): { fileName: string; size: number; bytes: Buffer; next: number | null } {
    this.sweep();
    const entry = this.rejects.get(token);
    if (!entry || entry.ownerId !== ownerId || !fs.existsSync(entry.path)) throw gone();
    entry.touchedAt = this.now();
    const size = fs.statSync(entry.path).size;
    const length = Math.max(0, Math.min(CHUNK_BYTES, size - offset));
    const bytes = Buffer.alloc(length);
    if (length > 0) {
      const fd = fs.openSync(entry.path, 'r');
      try {
        fs.readSync(fd, bytes, 0, length, offset);
      } finally {
        fs.closeSync(fd);
      }
    }
    return { fileName: entry.fileName, size, bytes, next: offset + length < size ? offset + length : null };
  }

  private folder(): string {
    if (this.dir && fs.existsSync(this.dir)) return this.dir;
    if (this.home) {
      fs.mkdirSync(this.home, { recursive: true, mode: 0o700 });
      fs.chmodSync(this.home, 0o700);
      this.dir = this.home;
    } else this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'complaint-desk-import-'));
    return this.dir;
  }

  private drop(map: Map<string, Entry>, id: string): void {
    const entry = map.get(id);
    if (entry) fs.rmSync(entry.path, { force: true });
    map.delete(id);
  }

  private sweep(): void {
    const cutoff = this.now() - TTL_MS;
    for (const map of [this.uploads, this.rejects]) {
      for (const [id, entry] of map) if (entry.touchedAt < cutoff) this.drop(map, id);
    }
  }
}

const perContext = new WeakMap<ServiceContext, ImportFiles>();

/** Where a console's import files live: `import-tmp/` beside its database file. */
export function importTempDir(ctx: ServiceContext): string | null {
  const file = ctx.db.name;
  return !file || file === ':memory:' ? null : path.join(path.dirname(path.resolve(file)), 'import-tmp');
}

/** One store per running console. */
export function importFiles(ctx: ServiceContext): ImportFiles {
  let files = perContext.get(ctx);
  if (!files) perContext.set(ctx, (files = new ImportFiles(ctx.now, importTempDir(ctx))));
  return files;
}
