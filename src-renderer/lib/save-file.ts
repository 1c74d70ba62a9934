/**
 * Handing a file the console made to the browser (or Electron's download
 * handler) to save, and fetching one that the services send down in base64
 * chunks (the rejects file, a month's bundle). One way for every download.
 */

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Save `parts` as one file named `fileName`. In Electron the main process asks
 * where with the system's save dialog (hosts/electron/save-file.ts: the month's
 * bundle, the public key, a CSV) and the promise settles once it is written or
 * cancelled; in a browser the download starts and the browser asks or saves
 * as it is set to.
 */
export async function saveBlob(parts: BlobPart[], type: string, fileName: string): Promise<void> {
  const bridge = typeof window !== 'undefined' ? window.desk : undefined;
  if (bridge?.saveFile) {
    const bytes = new Uint8Array(await new Blob(parts, { type }).arrayBuffer());
    await bridge.saveFile(fileName, bytes);
    return;
  }
  const url = URL.createObjectURL(new Blob(parts, { type }));
  try {
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
  } finally {
    // The download starts asynchronously: revoke later, not now.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

export interface Chunk {
  data: string;
  fileName: string;
  next: number | null;
}

/** Fetch every chunk from offset 0 until the services say there is no next one, then save them as one file. */
export async function downloadChunks(
  fetchChunk: (offset: number) => Promise<Chunk>,
  fallbackName: string,
  type: string,
): Promise<void> {
  const parts: Array<Uint8Array<ArrayBuffer>> = [];
  let fileName = fallbackName;
  let offset: number | null = 0;
  while (offset !== null) {
    const chunk = await fetchChunk(offset);
    parts.push(fromBase64(chunk.data));
    fileName = chunk.fileName;
    offset = chunk.next;
  }
  await saveBlob(parts, type, fileName);
}
