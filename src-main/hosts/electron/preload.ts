/**
 * The only thing the page gets from Electron: `window.desk`, the contract
 * client (call), host events (onEvent) and saving the page as a PDF (printToPdf). No ipcRenderer, no Node, no event
 * objects leak through. Bundled as one CommonJS file: sandboxed preloads
 * cannot load modules of their own.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CALL_CHANNEL, EVENT_CHANNEL, PRINT_PDF_CHANNEL, type DeskBridge, type DeskEvent } from '../../api/bridge';

const desk = {
  call: (method, input, locale) => ipcRenderer.invoke(CALL_CHANNEL, String(method), input, locale),
  onEvent(cb) {
    const listener = (_e: IpcRendererEvent, event: DeskEvent) => cb(event);
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, listener);
    };
  },
  printToPdf: (suggestedName) => ipcRenderer.invoke(PRINT_PDF_CHANNEL, String(suggestedName)),
} satisfies DeskBridge;

contextBridge.exposeInMainWorld('desk', desk);
