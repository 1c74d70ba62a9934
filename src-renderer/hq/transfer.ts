/** Save a month's bundle: fetched in chunks over the contract, handed to the browser (or Electron's save dialog) as one file. */
import { call } from '../api/client';
import type { OutputOf } from '../api/types';

function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function saveBlob(parts: BlobPart[], type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

export async function saveBundle(month: string, revision: number | null): Promise<void> {
  const parts: Array<Uint8Array<ArrayBuffer>> = [];
  let fileName = `${month}.zip`;
  let offset: number | null = 0;
  while (offset !== null) {
    const chunk: OutputOf<'export/download'> = await call('export/download', { month, revision, offset });
    parts.push(fromBase64(chunk.data));
    fileName = chunk.fileName;
    offset = chunk.next;
  }
  saveBlob(parts, 'application/zip', fileName);
}
