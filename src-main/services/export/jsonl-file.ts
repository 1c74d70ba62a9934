/**
 * A JSON Lines file written synchronously in 1 MiB chunks while it is hashed:
 * the rows of a month stream from SQLite to disk inside one read transaction
 * (no await, so nothing else runs on the connection meanwhile) and never sit
 * in memory together.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { jsonLine, type TableSpec } from '../../core/export/tables';
import type { Row } from '../../core/export/rows';

const CHUNK = 1 << 20;

export interface WrittenFile {
  path: string;
  sha256: string;
  bytes: number;
  rows: number | null;
}

export class JsonlFile {
  private readonly fd: number;
  private readonly hash = crypto.createHash('sha256');
  private pending: string[] = [];
  private pendingLength = 0;
  private bytes = 0;
  private rows = 0;

  constructor(
    private readonly root: string,
    private readonly spec: TableSpec,
  ) {
    const file = path.join(root, spec.file);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.fd = fs.openSync(file, 'w');
  }

  add(row: Row): void {
    const line = jsonLine(this.spec, row);
    this.pending.push(line);
    this.pendingLength += line.length;
    this.rows++;
    if (this.pendingLength >= CHUNK) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const buf = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingLength = 0;
    this.hash.update(buf);
    fs.writeSync(this.fd, buf);
    this.bytes += buf.length;
  }

  /** Give up on the file (the export failed): close it without flushing; the work folder goes with it. */
  abandon(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      // Already closed.
    }
  }

  close(): WrittenFile {
    this.flush();
    fs.fsyncSync(this.fd);
    fs.closeSync(this.fd);
    return { path: this.spec.file, sha256: this.hash.digest('hex'), bytes: this.bytes, rows: this.rows };
  }
}

/** Hash a file already on disk, streaming. */
export async function hashFile(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  for await (const chunk of fs.createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}
