/**
 * Moving files through the contract: a CRM export goes up in 1 MiB chunks
 * (base64), the rejects file comes down the same way and is saved by the
 * browser (or Electron's download handler) from a Blob.
 */
import { call } from '../../api/client';
import type { OutputOf } from '../../api/types';
import { CHUNK_BYTES } from '../../../src-main/core/import/limits';


function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // String.fromCharCode takes its arguments on the stack: feed it slices.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Upload a file; `progress` gets the fraction sent. Returns the upload id to preview and run. */
export async function uploadFile(file: File, progress: (fraction: number) => void): Promise<string> {
  let uploadId: string | undefined;
  let offset = 0;
  do {
    const chunk = new Uint8Array(await file.slice(offset, offset + CHUNK_BYTES).arrayBuffer());
    const r = await call('import/upload', { uploadId, fileName: file.name, offset, data: toBase64(chunk) });
    uploadId = r.uploadId;
    offset = r.size;
    progress(file.size === 0 ? 1 : offset / file.size);
  } while (offset < file.size);
  return uploadId;
}

/** Fetch the rejects file and hand it to the browser to save. */
export async function downloadRejects(token: string): Promise<void> {
  const parts: Array<Uint8Array<ArrayBuffer>> = [];
  let fileName = 'rejects.csv';
  let offset: number | null = 0;
  while (offset !== null) {
    const chunk: OutputOf<'import/rejects'> = await call('import/rejects', { token, offset });
    parts.push(fromBase64(chunk.data));
    fileName = chunk.fileName;
    offset = chunk.next;
  }
  const url = URL.createObjectURL(new Blob(parts, { type: 'text/csv;charset=utf-8' }));
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
