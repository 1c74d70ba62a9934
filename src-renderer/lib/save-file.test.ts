/** In Electron a download goes to the save dialog over the bridge, with the file's bytes whole. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadChunks, saveBlob } from './save-file';

afterEach(() => vi.unstubAllGlobals());

describe('saving in Electron', () => {
  it('hands the bytes and the name to window.desk.saveFile', async () => {
    const saveFile = vi.fn(async () => ({ path: '/media/usb/a.zip' }));
    vi.stubGlobal('window', { desk: { saveFile } });
    await saveBlob([new Uint8Array([0x50, 0x4b]), 'x'], 'application/zip', 'a.zip');
    expect(saveFile).toHaveBeenCalledWith('a.zip', new Uint8Array([0x50, 0x4b, 0x78]));
  });

  it('joins a bundle sent in chunks into one file before saving it', async () => {
    const saveFile = vi.fn(async () => ({ path: null }));
    vi.stubGlobal('window', { desk: { saveFile } });
    const chunks = [
      { data: btoa('PK\u0003\u0004'), fileName: 'complaint-desk-FS-NH-2026-10-r1.zip', next: 4 },
      { data: btoa('rest'), fileName: 'complaint-desk-FS-NH-2026-10-r1.zip', next: null },
    ];
    await downloadChunks(async (offset) => chunks[offset === 0 ? 0 : 1]!, '2026-10.zip', 'application/zip');
    expect(saveFile).toHaveBeenCalledWith('complaint-desk-FS-NH-2026-10-r1.zip', new TextEncoder().encode('PK\u0003\u0004rest'));
  });
});
