import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as stub from './electron-stub';
import { CALL_CHANNEL } from '../../../src-main/api/bridge';
import { METHOD_NAMES } from '../../../src-main/api/contract';
import { appLocation } from '../../../src-main/hosts/electron/origin';
import { registerRelay, type RelayTarget } from '../../../src-main/hosts/electron/relay';

const APP = appLocation(undefined);
const OUR_CONTENTS = 7;

function setup() {
  const service = { call: vi.fn<RelayTarget['call']>(async () => ({ ok: true as const, value: 'answer' })) };
  registerRelay(stub.ipcMain as never, {
    service,
    isOurContents: (id) => id === OUR_CONTENTS,
    isAppUrl: APP.isAppUrl,
  });
  const handler = stub.ipcMain.handlers.get(CALL_CHANNEL)!;
  const invoke = (
    args: unknown[],
    sender: { contents?: number; url?: string; parent?: unknown; noFrame?: boolean } = {},
  ) => {
    const event = {
      sender: { id: sender.contents ?? OUR_CONTENTS },
      senderFrame: sender.noFrame ? null : { url: sender.url ?? APP.url, parent: sender.parent ?? null },
    };
    return Promise.resolve(handler(event, ...args));
  };
  return { service, invoke };
}

beforeEach(() => stub.resetStub());

describe('IPC relay', () => {
  it('forwards a contract call from our window to the service and returns its answer', async () => {
    const { service, invoke } = setup();
    await expect(invoke(['auth/status', {}, 'en'])).resolves.toEqual({ ok: true, value: 'answer' });
    expect(service.call).toHaveBeenCalledWith(OUR_CONTENTS, 'auth/status', {}, 'en');
  });

  it('accepts every method of the contract', async () => {
    const { service, invoke } = setup();
    for (const m of METHOD_NAMES) await invoke([m, {}, 'zh-CN']);
    expect(service.call).toHaveBeenCalledTimes(METHOD_NAMES.length);
  });

  it('refuses a page that is not ours', async () => {
    const { service, invoke } = setup();
    await expect(invoke(['auth/status', {}, 'en'], { url: 'https://evil.example/' })).rejects.toThrow('refused');
    await expect(invoke(['auth/status', {}, 'en'], { url: 'file:///etc/passwd' })).rejects.toThrow('refused');
    await expect(invoke(['auth/status', {}, 'en'], { url: 'file:///opt/desk/out/renderer/../../x.html' })).rejects.toThrow(
      'refused',
    );
    await expect(invoke(['auth/status', {}, 'en'], { url: 'file:///opt/desk/out/renderer-evil/index.html' })).rejects.toThrow(
      'refused',
    );
    expect(service.call).not.toHaveBeenCalled();
  });

  it('refuses another web contents, a sub-frame and a destroyed frame', async () => {
    const { service, invoke } = setup();
    await expect(invoke(['auth/status', {}, 'en'], { contents: 99 })).rejects.toThrow('refused');
    await expect(invoke(['auth/status', {}, 'en'], { parent: { url: APP.url } })).rejects.toThrow('refused');
    await expect(invoke(['auth/status', {}, 'en'], { noFrame: true })).rejects.toThrow('refused');
    expect(service.call).not.toHaveBeenCalled();
  });

  it('answers an unknown method with an error in the caller language, without asking the service', async () => {
    const { service, invoke } = setup();
    const answer = await invoke(['tickets/dropTable', {}, 'en']);
    expect(answer).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((answer as { error: { message: string } }).error.message).toContain('tickets/dropTable');
    for (const bad of ['__proto__', 'constructor', 'toString', 42, null]) {
      expect(await invoke([bad, {}, 'zh-CN'])).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    expect(service.call).not.toHaveBeenCalled();
  });

  it('falls back to zh-CN for a locale it does not know', async () => {
    const { service, invoke } = setup();
    await invoke(['auth/status', {}, 'fr']);
    expect(service.call).toHaveBeenCalledWith(OUR_CONTENTS, 'auth/status', {}, 'zh-CN');
  });
});

describe('app location', () => {
  it('in development trusts only the dev server origin', () => {
    const dev = appLocation('http://localhost:5173');
    expect(dev.url).toBe('http://localhost:5173');
    expect(dev.isAppUrl('http://localhost:5173/#/tickets')).toBe(true);
    expect(dev.isAppUrl('http://localhost:5174/')).toBe(false);
    expect(dev.isAppUrl('file:///opt/desk/out/renderer/index.html')).toBe(false);
    expect(dev.isAppUrl('not a url')).toBe(false);
  });

  it('once built loads desk://app/ and trusts only that origin — no file:// page at all', () => {
    expect(APP.url).toBe('desk://app/index.html');
    expect(APP.isAppUrl('desk://app/index.html#/tickets/3')).toBe(true);
    expect(APP.isAppUrl('desk://other/index.html')).toBe(false);
    expect(APP.isAppUrl('desk://app.evil/index.html')).toBe(false);
    expect(APP.isAppUrl('file:///opt/desk/out/renderer/index.html')).toBe(false);
    expect(APP.isAppUrl('http://localhost:5173/')).toBe(false);
  });
});
