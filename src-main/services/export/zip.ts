/**
 * Zip files with yazl (writing) and yauzl (reading). Written entries carry one
 * fixed timestamp and no extended time field, so equal files give an equal zip
 * whatever the clock or the machine's zone. Reading is guarded against zip
 * bombs: the declared sizes are checked before anything is inflated (yauzl
 * then refuses an entry whose real size differs from what it declared).
 */
import fs from 'node:fs';
import crypto from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import yazl from 'yazl';
import yauzl from 'yauzl';

/** 2000-01-01 00:00 in the machine's own zone, since the DOS time yazl writes is local wall-clock time. */
const FIXED_MTIME = () => new Date(2000, 0, 1, 0, 0, 0);

export interface ZipSource {
  /** The name inside the zip. */
  name: string;
  /** A file on disk, or the bytes themselves. */
  file?: string;
  data?: Buffer;
  /** Store already-compressed data (an XLSX is itself a zip) rather than deflate it again. */
  store?: boolean;
}

export async function writeZip(target: string, sources: readonly ZipSource[]): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const s of sources) {
    const opts = { mtime: FIXED_MTIME(), mode: 0o100644, compress: !s.store, forceDosTimestamp: true };
    if (s.data) zip.addBuffer(s.data, s.name, opts);
    else if (s.file) zip.addReadStream(fs.createReadStream(s.file), s.name, opts);
    else throw new Error(`nothing to add for ${s.name}`);
  }
  zip.end();
  await pipeline(zip.outputStream, fs.createWriteStream(target));
}

export interface ZipLimits {
  maxEntries: number;
  /** Sum of the entries' declared uncompressed sizes. */
  maxTotalBytes: number;
  /** Inflated ÷ compressed for an entry bigger than 1 MiB. */
  maxRatio: number;
}

export const BUNDLE_LIMITS: ZipLimits = { maxEntries: 64, maxTotalBytes: 4 * 1024 ** 3, maxRatio: 1000 };

export class ZipRefused extends Error {
  constructor(
    readonly kind: 'not_a_zip' | 'too_large',
    message: string,
  ) {
    super(message);
  }
}

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true }, (err, zip) =>
      err ? reject(new ZipRefused('not_a_zip', err.message)) : resolve(zip),
    ),
  );
}

function entries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const all: yauzl.Entry[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      all.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(all));
    zip.on('error', (e: Error) => reject(new ZipRefused('not_a_zip', e.message)));
    zip.readEntry();
  });
}

function entryStream(zip: yauzl.ZipFile, e: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => zip.openReadStream(e, (err, s) => (err ? reject(err) : resolve(s))));
}

/** Checks the declared sizes against the limits before any byte is inflated. */
function checkLimits(all: readonly yauzl.Entry[], limits: ZipLimits): void {
  if (all.length > limits.maxEntries) throw new ZipRefused('too_large', `${all.length} entries (at most ${limits.maxEntries})`);
  const total = all.reduce((s, e) => s + e.uncompressedSize, 0);
  if (total > limits.maxTotalBytes) throw new ZipRefused('too_large', `${total} bytes once unpacked (at most ${limits.maxTotalBytes})`);
  for (const e of all) {
    if (e.uncompressedSize > 1 << 20 && e.uncompressedSize / Math.max(1, e.compressedSize) > limits.maxRatio) {
      throw new ZipRefused('too_large', `${e.fileName} inflates ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))}× (a zip bomb?)`);
    }
  }
}

export interface ReadBundle {
  entries: ZipEntryInfo[];
  /** SHA-256 and size of each file entry, computed from its inflated bytes. */
  hashes: Map<string, { sha256: string; bytes: number }>;
  /** The bytes of the small entries asked for (manifest, signature). */
  small: Map<string, Buffer>;
}

/**
 * Read every file entry of a zip once, hashing it; keep the bytes of the
 * entries named in `keep` (each at most `keepMax` bytes).
 */
export async function readZip(file: string, keep: readonly string[], limits: ZipLimits = BUNDLE_LIMITS, keepMax = 8 << 20): Promise<ReadBundle> {
  const zip = await openZip(file);
  try {
    const all = (await entries(zip)).filter((e) => !e.fileName.endsWith('/'));
    checkLimits(all, limits);
    const hashes = new Map<string, { sha256: string; bytes: number }>();
    const small = new Map<string, Buffer>();
    for (const e of all) {
      const hash = crypto.createHash('sha256');
      const parts: Buffer[] = [];
      let bytes = 0;
      const wanted = keep.includes(e.fileName) && e.uncompressedSize <= keepMax;
      try {
        for await (const chunk of await entryStream(zip, e)) {
          const b = chunk as Buffer;
          hash.update(b);
          bytes += b.length;
          if (wanted) parts.push(b);
        }
      } catch (err) {
        throw new ZipRefused('not_a_zip', `${e.fileName}: ${(err as Error).message}`);
      }
      hashes.set(e.fileName, { sha256: hash.digest('hex'), bytes });
      if (wanted) small.set(e.fileName, Buffer.concat(parts));
    }
    return {
      entries: all.map((e) => ({ name: e.fileName, compressedSize: e.compressedSize, uncompressedSize: e.uncompressedSize })),
      hashes,
      small,
    };
  } finally {
    zip.close();
  }
}

/** Copy every entry of a zip (an XLSX) into a new zip with the fixed timestamp, in the same order: same content, same bytes. */
export async function normalizeZip(source: string, target: string): Promise<void> {
  const zip = await openZip(source);
  try {
    const all = await entries(zip);
    const out = new yazl.ZipFile();
    const done = pipeline(out.outputStream, fs.createWriteStream(target));
    for (const e of all) {
      const opts = { mtime: FIXED_MTIME(), mode: 0o100644, compress: true, forceDosTimestamp: true };
      if (e.fileName.endsWith('/')) out.addEmptyDirectory(e.fileName, opts);
      else out.addReadStream(await entryStream(zip, e), e.fileName, opts);
    }
    out.end();
    await done;
  } finally {
    zip.close();
  }
}

/**
 * Stream the entries of a zip named in `names` to `consume`, one at a time in
 * zip order, under the same zip-bomb limits as readZip (headquarters streams a
 * verified bundle's machine files into PostgreSQL this way, never holding one
 * in memory). Entries not named are skipped unread.
 */
export async function streamEntries(
  file: string,
  names: ReadonlySet<string>,
  consume: (name: string, stream: Readable) => Promise<void>,
  limits: ZipLimits = BUNDLE_LIMITS,
): Promise<void> {
  const zip = await openZip(file);
  try {
    const all = (await entries(zip)).filter((e) => !e.fileName.endsWith('/'));
    checkLimits(all, limits);
    for (const e of all) if (names.has(e.fileName)) await consume(e.fileName, await entryStream(zip, e));
  } finally {
    zip.close();
  }
}
