/** Test helpers: read a bundle's entries, and write a changed copy of it. */
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import yazl from 'yazl';

export async function unzipAll(file: string): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((res, rej) => yauzl.open(file, { lazyEntries: true }, (e, z) => (e ? rej(e) : res(z))));
  const out = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (err, s) => {
        if (err) return reject(err);
        const parts: Buffer[] = [];
        s.on('data', (c: Buffer) => parts.push(c));
        s.on('end', () => {
          out.set(entry.fileName, Buffer.concat(parts));
          zip.readEntry();
        });
      });
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return out;
}

export async function zipAll(file: string, entries: Map<string, Buffer>): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, data] of entries) zip.addBuffer(data, name);
  zip.end();
  await pipeline(zip.outputStream, fs.createWriteStream(file));
}

/** A small zip holding `mib` MiB of zeros: inflates about a thousand times. */
export async function zipBomb(file: string, mib: number): Promise<void> {
  const zip = new yazl.ZipFile();
  const chunk = Buffer.alloc(1 << 20);
  zip.addReadStream(Readable.from((function* () { for (let i = 0; i < mib; i++) yield chunk; })()), 'data/tickets.jsonl', { compressionLevel: 9 });
  zip.end();
  await pipeline(zip.outputStream, fs.createWriteStream(file));
}
