/**
 * Moving files through the contract: a CRM export goes up in 1 MiB chunks
 * (base64), the rejects file comes down the same way and is saved by the
 * browser (or Electron's download handler) from a Blob.
 */
import { call } from '../../api/client';
import { downloadChunks } from '../../lib/save-file';
import { CHUNK_BYTES } from '../../../src-main/core/import/limits';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  // String.fromCharCode takes its arguments on the stack: feed it slices.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
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
  await downloadChunks((offset) => call('import/rejects', { token, offset }), 'rejects.csv', 'text/csv;charset=utf-8');
}
