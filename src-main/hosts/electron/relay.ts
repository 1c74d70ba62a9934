/**
 * The IPC transport: the main process checks who is calling and what, then
 * forwards the call to the service process unchanged. Validation, roles and
 * sessions live behind the contract in the service process.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CALL_CHANNEL } from '../../api/bridge';
import type { ApiResponse } from '../../api/define';
import { isMethodName } from '../../api/contract';
import { toApiError } from '../../api/errors';
import { DomainError } from '../../core/errors';
import type { Locale } from '../../core/messages';

export interface RelayTarget {
  call(senderId: number, method: string, input: unknown, locale: Locale): Promise<ApiResponse<unknown>>;
}

export interface RelayOptions {
  service: RelayTarget;
  /** The webContents ids of our own windows. */
  isOurContents(id: number): boolean;
  isAppUrl(url: string): boolean;
}

const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/**
 * Only the top frame of one of our windows, showing our own page, may call.
 * `senderFrame` is null when the frame has navigated away or been destroyed.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, opts: Pick<RelayOptions, 'isOurContents' | 'isAppUrl'>): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  return opts.isOurContents(event.sender.id) && opts.isAppUrl(frame.url);
}

export function registerRelay(ipcMain: Pick<IpcMain, 'handle'>, opts: RelayOptions): void {
  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, input: unknown, locale: unknown) => {
    const lang: Locale = LOCALES.includes(locale as Locale) ? (locale as Locale) : 'zh-CN';
    // A foreign page learns nothing: the invoke just rejects.
    if (!isTrustedSender(event, opts)) throw new Error('refused');
    if (typeof method !== 'string' || !isMethodName(method)) {
      return refuse(new DomainError('not_found', { what: 'method', id: String(method).slice(0, 60) }), lang);
    }
    return opts.service.call(event.sender.id, method, input, lang);
  });
}

function refuse(e: DomainError, locale: Locale): ApiResponse<unknown> {
  return { ok: false, error: toApiError(e, locale) };
}
