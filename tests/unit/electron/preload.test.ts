import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as stub from './electron-stub';
import { CALL_CHANNEL, EVENT_CHANNEL, type DeskBridge, type DeskEvent } from '../../../src-main/api/bridge';

vi.mock('electron', () => import('./electron-stub'));

async function loadPreload(): Promise<DeskBridge> {
  vi.resetModules();
  await import('../../../src-main/hosts/electron/preload');
  return stub.contextBridge.exposed.get('desk') as DeskBridge;
}

beforeEach(() => stub.resetStub());

describe('preload', () => {
  it('exposes window.desk with exactly call, onEvent, printToPdf and saveFile, and nothing else', async () => {
    const desk = await loadPreload();
    expect([...stub.contextBridge.exposed.keys()]).toEqual(['desk']);
    expect(Object.keys(desk).sort()).toEqual(['call', 'onEvent', 'printToPdf', 'saveFile']);
    expect(typeof desk.call).toBe('function');
    expect(typeof desk.onEvent).toBe('function');
  });

  it('call goes to the call channel and returns what main answers', async () => {
    const desk = await loadPreload();
    await expect(desk.call('tickets/list', { limit: 5 }, 'en')).resolves.toEqual({ ok: true, value: 'from-main' });
    expect(stub.ipcRenderer.invoke).toHaveBeenCalledWith(CALL_CHANNEL, 'tickets/list', { limit: 5 }, 'en');
  });

  it('onEvent passes only the event (never the IPC event object) and unsubscribes', async () => {
    const desk = await loadPreload();
    const seen: unknown[][] = [];
    const off = desk.onEvent((...args: unknown[]) => seen.push(args));
    const event: DeskEvent = { type: 'auth/locked', payload: null };
    stub.ipcRenderer.emit(EVENT_CHANNEL, { sender: 'ipc-internals' }, event);
    expect(seen).toEqual([[event]]);
    off();
    stub.ipcRenderer.emit(EVENT_CHANNEL, {}, event);
    expect(seen).toHaveLength(1);
    expect(stub.ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(0);
  });
});
