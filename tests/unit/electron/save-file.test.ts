/** Saving an export on the desktop: our window only, a spreadsheet only, where the user chooses in the save dialog. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as stub from './electron-stub';
import { SAVE_FILE_CHANNEL, type DeskBridge } from '../../../src-main/api/bridge';
import { MAX_SAVE_BYTES, exportSaveDialog, registerSaveFile, safeExportName } from '../../../src-main/hosts/electron/save-file';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

vi.mock('electron', () => import('./electron-stub'));

beforeEach(() => stub.resetStub());

function setup(choice: string | null = '/home/sup/工单-20261102.xlsx') {
  const written: Array<[string, Uint8Array]> = [];
  const chooseFile = vi.fn(async () => choice);
  registerSaveFile(stub.ipcMain as never, {
    isTrusted: (e) => (e.sender as unknown as { id: number }).id === 7,
    chooseFile,
    writeFile: async (file, data) => void written.push([file, data]),
  });
  const invoke = (name: unknown, data: unknown, senderId = 7) =>
    Promise.resolve(stub.ipcMain.handlers.get(SAVE_FILE_CHANNEL)!({ sender: { id: senderId } }, name, data));
  return { written, chooseFile, invoke };
}

describe('saving an export', () => {
  it('asks where (offering the file’s own kind) and writes the bytes there', async () => {
    const { written, chooseFile, invoke } = setup();
    const bytes = new Uint8Array([0x50, 0x4b, 3, 4]);
    await expect(invoke('工单-20261102.xlsx', bytes)).resolves.toEqual({ path: '/home/sup/工单-20261102.xlsx' });
    expect(chooseFile).toHaveBeenCalledWith(expect.anything(), '工单-20261102.xlsx', 'xlsx');
    expect(written).toEqual([['/home/sup/工单-20261102.xlsx', bytes]]);
  });

  it('does nothing when the user cancels; refuses another page, another kind of file or no bytes', async () => {
    const cancelled = setup(null);
    await expect(cancelled.invoke('a.csv', new Uint8Array([1]))).resolves.toEqual({ path: null });
    expect(cancelled.written).toEqual([]);
    stub.resetStub();
    const s = setup();
    await expect(s.invoke('a.csv', new Uint8Array([1]), 99)).rejects.toThrow('refused');
    await expect(s.invoke('run.exe', new Uint8Array([1]))).rejects.toThrow('refused');
    await expect(s.invoke('a.csv', 'text')).rejects.toThrow('refused');
    expect(s.written).toEqual([]);
  });

  it('keeps a suggested name a plain file name', () => {
    expect(safeExportName('../../etc/x.csv')).toEqual({ name: 'x.csv', kind: 'csv' });
    expect(safeExportName('a:b*.XLSX')).toEqual({ name: 'a_b_.XLSX', kind: 'xlsx' });
    expect(safeExportName('.csv')).toBeNull();
    expect(safeExportName('x.pdf')).toBeNull();
  });

  it('the real dialog starts in Documents and offers only the file’s kind', async () => {
    const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: '/docs/x.csv' }));
    const save = exportSaveDialog({ showSaveDialog } as never, { getPath: () => '/docs' } as never);
    await expect(save.chooseFile({} as never, 'x.csv', 'csv')).resolves.toBe('/docs/x.csv');
    expect(showSaveDialog).toHaveBeenCalledWith({ defaultPath: '/docs/x.csv', filters: [{ name: 'CSV', extensions: ['csv'] }] });
  });

  it('the preload hands the page a saveFile that goes over the save channel', async () => {
    vi.resetModules();
    await import('../../../src-main/hosts/electron/preload');
    const desk = stub.contextBridge.exposed.get('desk') as DeskBridge;
    const bytes = new Uint8Array([1, 2]);
    await desk.saveFile!('x.xlsx', bytes);
    expect(stub.ipcRenderer.invoke).toHaveBeenCalledWith(SAVE_FILE_CHANNEL, 'x.xlsx', bytes);
  });
});

describe("saving the month's 上报 bundle and the public key", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'save-file-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** main's wiring: the real writer, the dialog stubbed to answer `choice`. */
  function real(choice: string | null) {
    const showSaveDialog = vi.fn(async (..._args: unknown[]) => (choice ? { canceled: false, filePath: choice } : { canceled: true, filePath: '' }));
    registerSaveFile(stub.ipcMain as never, {
      isTrusted: () => true,
      ...exportSaveDialog({ showSaveDialog } as never, { getPath: () => '/home/sup/Documents' } as never),
    });
    const invoke = (name: unknown, data: unknown) => Promise.resolve(stub.ipcMain.handlers.get(SAVE_FILE_CHANNEL)!({ sender: { id: 7 } }, name, data));
    return { showSaveDialog, invoke };
  }
  const BUNDLE = new Uint8Array([0x50, 0x4b, 3, 4, 9, 9]);

  it('offers ZIP for the bundle and PEM for the key, and writes the bytes where the user chose', async () => {
    const target = path.join(dir, 'complaint-desk-FS-NH-2026-10-r1.zip');
    const { showSaveDialog, invoke } = real(target);
    await expect(invoke('complaint-desk-FS-NH-2026-10-r1.zip', BUNDLE)).resolves.toEqual({ path: target });
    expect(showSaveDialog).toHaveBeenCalledWith({ defaultPath: '/home/sup/Documents/complaint-desk-FS-NH-2026-10-r1.zip', filters: [{ name: 'ZIP', extensions: ['zip'] }] });
    expect(new Uint8Array(fs.readFileSync(target))).toEqual(BUNDLE);
    expect(fs.readdirSync(dir)).toEqual(['complaint-desk-FS-NH-2026-10-r1.zip']);
    expect(safeExportName('FS-NH-signing-key.pem')).toEqual({ name: 'FS-NH-signing-key.pem', kind: 'pem' });
  });

  it('writes nothing when the user cancels, and leaves no partial file when the disk refuses', async () => {
    await expect(real(null).invoke('a.zip', BUNDLE)).resolves.toEqual({ path: null });
    stub.resetStub();
    await expect(real(path.join(dir, 'pulled-out', 'a.zip')).invoke('a.zip', BUNDLE)).rejects.toThrow(/ENOENT/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses more bytes than any file of ours before asking', async () => {
    const { showSaveDialog, invoke } = real(path.join(dir, 'a.zip'));
    const huge = { byteLength: MAX_SAVE_BYTES + 1 };
    Object.setPrototypeOf(huge, Uint8Array.prototype);
    await expect(invoke('a.zip', huge)).rejects.toThrow('refused');
    expect(showSaveDialog).not.toHaveBeenCalled();
  });
});

