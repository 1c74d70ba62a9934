/** Saving an export on the desktop: our window only, a spreadsheet only, where the user chooses in the save dialog. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as stub from './electron-stub';
import { SAVE_FILE_CHANNEL, type DeskBridge } from '../../../src-main/api/bridge';
import { exportSaveDialog, registerSaveFile, safeExportName } from '../../../src-main/hosts/electron/save-file';

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
